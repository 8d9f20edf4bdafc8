import type { EntityManager } from '@mikro-orm/core';
import { ReconciliationOutcome } from './outcomes.js';
import { producerKeyFilter } from './reconciliation-access.rules.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';

/** A run's items in result order (keyset on seq), filtered by outcome, open state and the viewer's producers (`producerIds`; null: every item). */
export async function runItems(
  em: EntityManager,
  options: { runId: string; producerIds: readonly string[] | null; outcome?: ReconciliationOutcome; unresolvedOnly?: boolean; limit: number; afterSeq?: number },
): Promise<{ rows: ReconciliationItem[]; total: number }> {
  const where: Record<string, unknown>[] = [{ runId: options.runId }];
  if (options.outcome) where.push({ outcome: options.outcome });
  // Implied by any other outcome, but said so the planner may use the exceptions index (see the entity).
  if (options.outcome && options.outcome !== ReconciliationOutcome.MATCHED) where.push({ outcome: { $ne: ReconciliationOutcome.MATCHED } });
  if (options.unresolvedOnly) where.push({ resolvedAt: null });
  if (options.producerIds) where.push(producerKeyFilter(options.producerIds));
  const keyset = options.afterSeq === undefined ? [] : [{ seq: { $gt: options.afterSeq } }];
  const [rows, total] = await Promise.all([
    em.find(ReconciliationItem, { $and: [...where, ...keyset] }, { orderBy: { seq: 'asc' }, limit: options.limit + 1 }),
    em.count(ReconciliationItem, { $and: where }),
  ]);
  return { rows, total };
}

/** Resolution histories of several items, oldest first (one query for a page of items). */
export async function resolutionsOf(em: EntityManager, itemIds: readonly number[]): Promise<ReconciliationResolution[]> {
  if (!itemIds.length) return [];
  return em.find(ReconciliationResolution, { itemId: { $in: [...itemIds] } }, { orderBy: [{ resolvedAt: 'asc' }, { id: 'asc' }], disableIdentityMap: true });
}

/** Open items (not MATCHED, not resolved) of a run. */
export async function openCount(em: EntityManager, runId: string): Promise<number> {
  return em.count(ReconciliationItem, { runId, outcome: { $ne: ReconciliationOutcome.MATCHED }, resolvedAt: null });
}
