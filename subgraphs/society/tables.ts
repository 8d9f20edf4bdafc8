import type { SubgraphTables } from '../../core/subgraph.js';
import { RefusedRead } from '../shared/refused-read.entity.js';
import { HealthStation } from './health/health-station.entity.js';
import { HealthRecord } from './health/health-record.entity.js';
import { HealthHistoryEntry } from './health/health-history-entry.entity.js';
import { Vaccination } from './health/vaccination.entity.js';
import { Examination } from './health/examination.entity.js';
import { HealthRecordRead } from './health/health-record-read.entity.js';
import { TelehealthAccount } from './telehealth/telehealth-account.entity.js';
import { Teleconsultation } from './telehealth/teleconsultation.entity.js';
import { School } from './education/school.entity.js';
import { SchoolSystem } from './education/school-system.entity.js';
import { FieldReport } from './field-reports/field-report.entity.js';
import { FieldReportEvent } from './field-reports/field-report-event.entity.js';
import { FieldReportSla } from './field-reports/field-report-sla.entity.js';
import { TrainingSession } from './training/training-session.entity.js';
import { TrainingSessionCommune } from './training/training-session-commune.entity.js';
import { TrainingParticipant } from './training/training-participant.entity.js';
import { PostalPoint } from './postal/postal-point.entity.js';
import { PostalDossierLink } from './postal/postal-dossier-link.entity.js';
import { Subscriber } from './announcements/subscriber.entity.js';
import { Announcement } from './announcements/announcement.entity.js';
import { AnnouncementDelivery } from './announcements/announcement-delivery.entity.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';

/**
 * The society subgraph's tables: its entities and its checked-in migrations per dialect,
 * loaded (with MikroORM) only when its database is opened (`defineSubgraph` in ./definition.ts).
 */
export const entities: SubgraphTables['entities'] = [
  RefusedRead,
  HealthStation,
  HealthRecord,
  HealthHistoryEntry,
  Vaccination,
  Examination,
  HealthRecordRead,
  TelehealthAccount,
  Teleconsultation,
  School,
  SchoolSystem,
  FieldReport,
  FieldReportEvent,
  FieldReportSla,
  TrainingSession,
  TrainingSessionCommune,
  TrainingParticipant,
  PostalPoint,
  PostalDossierLink,
  Subscriber,
  Announcement,
  AnnouncementDelivery,
];

export const migrations: SubgraphTables['migrations'] = { sqlite, postgresql };
