import type { EntityManager } from '@mikro-orm/core';
import { ReconciliationPeriodEvent } from './reconciliation-period-event.entity.js';
import { ReconciliationPeriod } from './reconciliation-period.entity.js';

/** Periods finance closed (or closed and reopened), newest first, each with its audit trail. */
export async function listPeriods(em: EntityManager, provider?: string): Promise<{ period: ReconciliationPeriod; events: ReconciliationPeriodEvent[] }[]> {
  const periods = await em.find(ReconciliationPeriod, provider ? { provider } : {}, { orderBy: [{ periodStart: 'desc' }, { provider: 'asc' }], limit: 500 });
  const events = periods.length ? await em.find(ReconciliationPeriodEvent, { periodId: { $in: periods.map((p) => p.id) } }, { orderBy: [{ at: 'asc' }, { id: 'asc' }] }) : [];
  return periods.map((period) => ({ period, events: events.filter((e) => e.periodId === period.id) }));
}
