import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotPostal } from '../seed/pilot-postal.js';
import { CommunePostalResolver, PostalPointResolver } from './postal.resolver.js';

/** Commune postal service points and the dossiers that go through them (the public postal channel). */
export const postalPart: SubgraphPart = {
  resolvers: [PostalPointResolver, CommunePostalResolver],
  seedPilot: (em) => seedPilotPostal(em),
};
