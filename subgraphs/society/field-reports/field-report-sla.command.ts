import type { EntityManager } from '@mikro-orm/core';
import { invalidInput } from '../../../core/domain-errors.js';
import type { Viewer } from '../../shared/roles.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { ANY_CATEGORY, FieldReportSla } from './field-report-sla.entity.js';
import { fieldReportSlas, type CategorySla } from './field-report-sla.query.js';
import type { FieldReportCategory } from './field-report.entity.js';
import { requireOfficerOf } from './officer-access.rules.js';
import { MAX_SLA_WORKING_DAYS } from './sla.rules.js';

/**
 * Sets the working days a commune gives itself for one category, or its default (no category).
 * Officers of that commune. Reports already received keep their due time. Returns every category's SLA as now in force.
 */
export async function setFieldReportSla(
  em: EntityManager,
  viewer: Viewer | null,
  input: { communeId: string; category?: FieldReportCategory | null; workingDays: number },
): Promise<CategorySla[]> {
  const communeId = requireCommuneId(input.communeId, 'input.communeId');
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > MAX_SLA_WORKING_DAYS) {
    throw invalidInput(`workingDays must be 1 to ${MAX_SLA_WORKING_DAYS}, got ${input.workingDays}.`, 'input.workingDays');
  }
  const officer = requireOfficerOf(viewer, communeId, 'set its field-report service levels');
  await em.transactional((tx) =>
    tx.upsert(FieldReportSla, { communeId, category: input.category ?? ANY_CATEGORY, workingDays: input.workingDays, updatedAt: new Date(), updatedBy: officer.subject }),
  );
  return fieldReportSlas(em, communeId);
}
