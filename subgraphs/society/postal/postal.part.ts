import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotPostal } from '../seed/pilot-postal.js';
import { PostalDossierLink } from './postal-dossier-link.entity.js';
import { PostalPoint } from './postal-point.entity.js';
import { CommunePostalResolver, PostalPointResolver } from './postal.resolver.js';

/** Commune postal service points and the dossiers that go through them (the public postal channel). */
export const postalPart: SubgraphPart = {
  entities: [PostalPoint, PostalDossierLink],
  resolvers: [PostalPointResolver, CommunePostalResolver],
  seedPilot: (em) => seedPilotPostal(em),
};
