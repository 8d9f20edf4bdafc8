import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotDossiers } from '../pilot/pilot-dossiers.js';
import { registerDossierSummaryCommand } from './dossier-summary.cli.js';
import { DossierMutationsResolver } from './dossier-mutations.resolver.js';
import { DossierStatusChange } from './dossier-status-change.entity.js';
import { Dossier } from './dossier.entity.js';
import { DossierMonthSummary } from './dossier-month-summary.entity.js';
import { CommuneDossiersResolver, DossierResolver } from './dossier.resolver.js';

/** Administrative procedure dossiers of the one-stop desk and their status transitions. */
export const dossiersPart: SubgraphPart = {
  entities: [Dossier, DossierStatusChange, DossierMonthSummary],
  resolvers: [DossierResolver, CommuneDossiersResolver, DossierMutationsResolver],
  seedPilot: (em) => seedPilotDossiers(em),
  commands: registerDossierSummaryCommand,
};
