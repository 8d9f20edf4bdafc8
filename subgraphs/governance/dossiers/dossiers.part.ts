import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotDossiers } from '../pilot/pilot-dossiers.js';
import { registerRebuildSummaryCommand } from '../common/month-summary-rebuild.js';
import { DOSSIER_SUMMARY } from './dossier-summary.cli.js';
import { DossierMutationsResolver } from './dossier-mutations.resolver.js';
import { DossierStatusChange } from './dossier-status-change.entity.js';
import { Dossier } from './dossier.entity.js';
import { DossierMonthSummary } from './dossier-month-summary.entity.js';
import { CommuneDossiersResolver, DossierResolver } from './dossier.resolver.js';
import { RefusedRead } from '../../shared/refused-read.entity.js';
import { CommuneRefusedRecordReadsResolver, RefusedRecordReadsResolver } from './refused-reads.resolver.js';

/** Administrative procedure dossiers of the one-stop desk, their status transitions, and the log of refused reads of them. */
export const dossiersPart: SubgraphPart = {
  entities: [Dossier, DossierStatusChange, DossierMonthSummary, RefusedRead],
  resolvers: [DossierResolver, CommuneDossiersResolver, DossierMutationsResolver, CommuneRefusedRecordReadsResolver, RefusedRecordReadsResolver],
  seedPilot: (em) => seedPilotDossiers(em),
  commands: (program, context) => registerRebuildSummaryCommand(program, context, DOSSIER_SUMMARY),
};
