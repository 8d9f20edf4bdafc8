import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { conflict } from '../../../core/domain-errors.js';
import { rawTableName } from '../../../core/db/raw-sql.js';
import type { Period } from './period.js';
import { checkedPeriodChange, type PeriodChange } from './period-change.rules.js';
import { PeriodAction, ReconciliationPeriodEvent } from './reconciliation-period-event.entity.js';
import { ReconciliationPeriod } from './reconciliation-period.entity.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
import { ResolutionStatus } from './resolution.rules.js';

/** Write-offs of the provider's current runs in [firstDay, lastDay] still waiting for a second person. */
async function pendingWriteOffs(tx: EntityManager, provider: string, period: Period): Promise<number> {
  const meta = tx.getMetadata();
  const [row] = (await tx.getConnection().execute(
    `select count(*) as n from ${rawTableName(tx, meta.get(ReconciliationResolution.name).tableName)} s
     join ${rawTableName(tx, meta.get(ReconciliationItem.name).tableName)} i on i."id" = s."item_id"
     join ${rawTableName(tx, meta.get(ReconciliationRun.name).tableName)} r on r."id" = i."run_id"
     where s."status" = ? and r."provider" = ? and r."current_key" is not null and r."period_start" <= ? and r."period_end" >= ?`,
    [ResolutionStatus.PENDING_APPROVAL, provider, period.lastDay, period.firstDay],
    'all',
    tx.getTransactionContext(),
  )) as { n: number | string }[];
  return Number(row?.n ?? 0);
}

/**
 * Closes a provider's period: from then on no run can be imported or superseded for a period
 * overlapping it, and its items cannot be resolved or reopened. Refused while a write-off in it
 * waits for approval. Open items stay open and can still be settled by a later period's run.
 */
export async function closePeriod(em: EntityManager, input: PeriodChange): Promise<ReconciliationPeriod> {
  const { period, reason } = checkedPeriodChange(input, false);
  return em.transactional(async (tx) => {
    const pending = await pendingWriteOffs(tx, input.provider, period);
    if (pending) throw conflict(`${pending} write-off${pending === 1 ? '' : 's'} of ${input.provider} ${period.label} wait${pending === 1 ? 's' : ''} for a second person's approval: approve or withdraw them before closing.`);
    let row = await tx.findOne(ReconciliationPeriod, { provider: input.provider, periodLabel: period.label });
    if (row?.closed) throw conflict(`The period ${period.label} of ${input.provider} is already closed (by ${row.closedBy}).`);
    const now = new Date();
    if (!row) {
      row = Object.assign(new ReconciliationPeriod(), { id: randomUUID(), provider: input.provider, periodLabel: period.label, periodStart: period.firstDay, periodEnd: period.lastDay });
      tx.persist(row);
    }
    Object.assign(row, { closed: true, closedAt: now, closedBy: input.by });
    tx.persist(Object.assign(new ReconciliationPeriodEvent(), { periodId: row.id, action: PeriodAction.CLOSE, actor: input.by, at: now, reason }));
    await tx.flush();
    return row;
  });
}
