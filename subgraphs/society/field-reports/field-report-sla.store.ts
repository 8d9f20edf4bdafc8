import type { EntityManager } from '@mikro-orm/core';
import { ANY_CATEGORY, FieldReportSla } from './field-report-sla.entity.js';
import type { FieldReportCategory } from './field-report.entity.js';
import { pickSla, type SlaSource } from './sla.rules.js';

/** A commune's SLA rows: one per category it set, and its default (`ANY_CATEGORY`) if set. */
export function slaRowsOf(em: EntityManager, communeId: string): Promise<FieldReportSla[]> {
  return em.find(FieldReportSla, { communeId });
}

/** The SLA a report of `category` in `communeId` gets. */
export async function slaFor(em: EntityManager, communeId: string, category: FieldReportCategory): Promise<{ workingDays: number; source: SlaSource }> {
  return pickSla(await em.find(FieldReportSla, { communeId, category: { $in: [category, ANY_CATEGORY] } }), category);
}
