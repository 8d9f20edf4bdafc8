import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotHealth } from '../seed/pilot-health.js';
import { HealthRecordMutationResolver } from './health-record-mutations.resolver.js';
import { CommuneHealthResolver, HealthRecordResolver } from './health-record.resolver.js';

/** Health records (Decision 831) held by commune health stations, their audit log and public coverage. */
export const healthPart: SubgraphPart = {
  resolvers: [CommuneHealthResolver, HealthRecordResolver, HealthRecordMutationResolver],
  seedPilot: (em) => seedPilotHealth(em),
};
