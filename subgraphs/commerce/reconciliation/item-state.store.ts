import type { EntityManager } from '@mikro-orm/core';
import { conflict, notFound } from '../../../core/domain-errors.js';
import { closedPeriodOverlapping } from './period.store.js';
import type { ReconciliationItem } from './reconciliation-item.entity.js';
import { itemRow } from './packed-item.store.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
import { ResolutionStatus } from './resolution.rules.js';

/**
 * An item about to be resolved or reopened, with its run: refused when the run was superseded
 * (decide on the current version) or its period is closed (reopen the period first).
 */
export async function changeableItem(tx: EntityManager, id: number): Promise<{ item: ReconciliationItem; run: ReconciliationRun }> {
  const item = await itemRow(tx, id);
  if (!item) throw notFound(`No reconciliation item ${id}: take the id from a run's items.`);
  const run = await tx.findOneOrFail(ReconciliationRun, { id: item.runId });
  if (!run.currentKey) {
    throw conflict(`Item ${id} belongs to version ${run.version} of ${run.provider} ${run.periodLabel}, superseded by a newer version${run.supersededByRunId ? ` (run ${run.supersededByRunId})` : ''}: resolve the item on the current version.`, {
      supersededByRunId: run.supersededByRunId ?? null,
    });
  }
  const closed = await closedPeriodOverlapping(tx, run.provider, run.periodStart, run.periodEnd);
  if (closed) throw conflict(`The period ${closed.periodLabel} of ${run.provider} is closed: reopen it (with a reason) before changing its items.`, { periodId: closed.id });
  return { item, run };
}

/** A newer decision overtakes a write-off still waiting for approval: it never takes effect. */
export async function withdrawPending(tx: EntityManager, itemId: number): Promise<void> {
  await tx.nativeUpdate(ReconciliationResolution, { itemId, status: ResolutionStatus.PENDING_APPROVAL }, { status: ResolutionStatus.WITHDRAWN });
}
