import type { EntityManager } from '@mikro-orm/core';
import { conflict } from '../../../core/domain-errors.js';
import { checkedPeriodChange, type PeriodChange } from './period-change.rules.js';
import { PeriodAction, ReconciliationPeriodEvent } from './reconciliation-period-event.entity.js';
import { ReconciliationPeriod } from './reconciliation-period.entity.js';

/** Reopens a closed period, with a reason kept in its audit trail (who, when, why). */
export async function reopenPeriod(em: EntityManager, input: PeriodChange): Promise<ReconciliationPeriod> {
  const { period, reason } = checkedPeriodChange(input, true);
  return em.transactional(async (tx) => {
    const row = await tx.findOne(ReconciliationPeriod, { provider: input.provider, periodLabel: period.label });
    if (!row?.closed) throw conflict(`The period ${period.label} of ${input.provider} is not closed.`);
    row.closed = false;
    tx.persist(Object.assign(new ReconciliationPeriodEvent(), { periodId: row.id, action: PeriodAction.REOPEN, actor: input.by, at: new Date(), reason }));
    await tx.flush();
    return row;
  });
}
