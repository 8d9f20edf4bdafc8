import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotHealth } from '../seed/pilot-health.js';
import { Examination } from './examination.entity.js';
import { HealthHistoryEntry } from './health-history-entry.entity.js';
import { HealthRecordMutationResolver } from './health-record-mutations.resolver.js';
import { HealthRecordRead } from './health-record-read.entity.js';
import { HealthRecord } from './health-record.entity.js';
import { CommuneHealthResolver, HealthRecordResolver } from './health-record.resolver.js';
import { HealthStation } from './health-station.entity.js';
import { Vaccination } from './vaccination.entity.js';

/** Health records (Decision 831) held by commune health stations, their audit log and public coverage. */
export const healthPart: SubgraphPart = {
  entities: [HealthStation, HealthRecord, HealthHistoryEntry, Vaccination, Examination, HealthRecordRead],
  resolvers: [CommuneHealthResolver, HealthRecordResolver, HealthRecordMutationResolver],
  seedPilot: (em) => seedPilotHealth(em),
};
