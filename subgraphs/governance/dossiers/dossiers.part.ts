import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotDossiers } from '../pilot/pilot-dossiers.js';
import { DossierMutationsResolver } from './dossier-mutations.resolver.js';
import { CommuneDossiersResolver, DossierResolver } from './dossier.resolver.js';
import { CommuneRefusedRecordReadsResolver, RefusedRecordReadsResolver } from './refused-reads.resolver.js';

/** Administrative procedure dossiers of the one-stop desk, their status transitions, and the log of refused reads of them. */
export const dossiersPart: SubgraphPart = {
  resolvers: [DossierResolver, CommuneDossiersResolver, DossierMutationsResolver, CommuneRefusedRecordReadsResolver, RefusedRecordReadsResolver],
  seedPilot: (em) => seedPilotDossiers(em),
};
