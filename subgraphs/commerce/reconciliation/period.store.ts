import type { EntityManager } from '@mikro-orm/core';
import { ReconciliationPeriod } from './reconciliation-period.entity.js';

/** A closed period of the provider overlapping [firstDay, lastDay] (inclusive days), or null. */
export async function closedPeriodOverlapping(em: EntityManager, provider: string, firstDay: string, lastDay: string): Promise<ReconciliationPeriod | null> {
  return em.findOne(ReconciliationPeriod, { provider, closed: true, periodStart: { $lte: lastDay }, periodEnd: { $gte: firstDay } }, { orderBy: { periodStart: 'asc' } });
}
