import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { FieldReport, FieldReportStatus } from './field-report.entity.js';
import type { FieldReportStats } from './field-report.type.js';
import { OPEN_STATUSES } from './field-report-workflow.rules.js';

/**
 * The KPIs of a commune (and the units merged into it) over the reports received in [from, to) (all time when unbounded). "Now" is the
 * moment of the query: overdueNow counts open reports already past their due time.
 */
export async function fieldReportStats(em: EntityManager, communeIds: string[], range: { from?: Date; to?: Date }, now = new Date()): Promise<FieldReportStats> {
  const receivedAt = { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) };
  const base: FilterQuery<FieldReport> = { communeId: { $in: communeIds }, ...(range.from || range.to ? { receivedAt } : {}) };
  const [received, open, resolved, resolvedOnTime, refused, overdueNow] = await Promise.all([
    em.count(FieldReport, base),
    em.count(FieldReport, { ...base, status: { $in: [...OPEN_STATUSES] } }),
    em.count(FieldReport, { ...base, status: FieldReportStatus.RESOLVED }),
    em.count(FieldReport, { ...base, status: FieldReportStatus.RESOLVED, resolvedOnTime: true }),
    em.count(FieldReport, { ...base, status: FieldReportStatus.REFUSED }),
    em.count(FieldReport, { ...base, status: { $in: [...OPEN_STATUSES] }, dueAt: { $lt: now } }),
  ]);
  return { received, open, resolved, resolvedOnTime, resolvedOnTimeRate: resolved ? resolvedOnTime / resolved : null, refused, overdueNow };
}
