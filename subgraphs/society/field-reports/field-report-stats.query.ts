import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { invalidInput } from '../../../core/domain-errors.js';
import { startOfVietnamDay } from '../../../core/time.js';
import { addDays } from '../common/calendar-days.js';
import { FieldReport, FieldReportStatus } from './field-report.entity.js';
import { OPEN_STATUSES } from './field-report-workflow.rules.js';

export interface FieldReportKpis {
  received: number;
  open: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedOnTimeRate: number | null;
  refused: number;
  overdueNow: number;
}

/**
 * The KPIs of a commune (and the units merged into it) over the reports received from day `from` to day `to`,
 * both included (Asia/Ho_Chi_Minh days; all time when unbounded). "Now" is the moment of the query:
 * overdueNow counts open reports already past their due time. Public.
 */
export async function fieldReportStats(em: EntityManager, communeIds: string[], days: { from?: string; to?: string }, now = new Date()): Promise<FieldReportKpis> {
  if (days.from && days.to && days.from > days.to) throw invalidInput(`from (${days.from}) is after to (${days.to}): give the earlier day first.`, 'from');
  const receivedAt = { ...(days.from ? { $gte: startOfVietnamDay(days.from) } : {}), ...(days.to ? { $lt: startOfVietnamDay(addDays(days.to, 1)) } : {}) };
  const base: FilterQuery<FieldReport> = { communeId: { $in: communeIds }, ...(days.from || days.to ? { receivedAt } : {}) };
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
