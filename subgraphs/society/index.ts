import { composeSubgraph } from '../../core/subgraph.js';
import { societyDefinition } from './definition.js';
import { announcementsPart } from './announcements/announcements.part.js';
import { communePart } from './commune/commune.part.js';
import { educationPart } from './education/education.part.js';
import { fieldReportsPart } from './field-reports/field-reports.part.js';
import { healthPart } from './health/health.part.js';
import { postalPart } from './postal/postal.part.js';
import { telehealthPart } from './telehealth/telehealth.part.js';
import { trainingPart } from './training/training.part.js';

/** Society as its server runs it: the definition (./definition.ts) and its parts' GraphQL layer. */
export const society = composeSubgraph(societyDefinition, [communePart, healthPart, telehealthPart, educationPart, fieldReportsPart, trainingPart, postalPart, announcementsPart]);
