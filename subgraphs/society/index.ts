import { composeSubgraph } from '../../core/subgraph.js';
import { announcementsPart } from './announcements/announcements.part.js';
import { communePart } from './commune/commune.part.js';
import { educationPart } from './education/education.part.js';
import { fieldReportsPart } from './field-reports/field-reports.part.js';
import { healthPart } from './health/health.part.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';
import { postalPart } from './postal/postal.part.js';
import { telehealthPart } from './telehealth/telehealth.part.js';
import { trainingPart } from './training/training.part.js';

/** Society: health records and telehealth, schools and their digital systems, field reports (phản ánh hiện trường), training sessions, postal service points, announcements to subscribers (SMS, Zalo). */
export const society = composeSubgraph('society', { sqlite, postgresql }, [communePart, healthPart, telehealthPart, educationPart, fieldReportsPart, trainingPart, postalPart, announcementsPart]);
