import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { EXCEPTION_OUTCOMES, ReconciliationOutcome } from './outcomes.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';

/**
 * What "open" means across runs and periods: an item of a current (not superseded) run whose
 * outcome is not MATCHED, that nobody resolved and that no later run settled.
 */
export async function openItemsFilter(em: EntityManager, provider: string | undefined): Promise<FilterQuery<ReconciliationItem>> {
  const runs = await em.find(ReconciliationRun, { currentKey: { $ne: null }, ...(provider ? { provider } : {}) }, { fields: ['id'], disableIdentityMap: true });
  return {
    runId: { $in: runs.map((r) => r.id) },
    // The same set twice: `<> MATCHED` lets the planner use the exceptions index, and the list of
    // exception outcomes makes SQLite prefer it to (run_id, seq) when several runs are read.
    outcome: { $ne: ReconciliationOutcome.MATCHED, $in: [...EXCEPTION_OUTCOMES] },
    resolvedAt: null,
    settledByItemId: null,
  };
}
