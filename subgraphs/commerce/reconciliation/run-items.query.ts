import type { EntityManager } from '@mikro-orm/core';
import { producerItemCount, unpackItems } from './item-pack.js';
import { ReconciliationOutcome } from './outcomes.js';
import { producerKeyFilter, safeProducerIds } from './reconciliation-access.rules.js';
import { ReconciliationItemPack } from './reconciliation-item-pack.entity.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';

/**
 * A run's items are rows and packs (item-pack.ts): both sorted by seq, so every read in result
 * order merges the two streams, each read a page at a time (a million items never sit in memory).
 */
export interface RunItemFilter {
  runId: string;
  /** The viewer's producers: only their items; null: every item. */
  producerIds: readonly string[] | null;
  outcome?: ReconciliationOutcome;
  /** Only items nobody resolved (a packed item never is: resolving makes it a row). */
  unresolvedOnly?: boolean;
}

/** Packs read at a time: a page of a run's items reads one or two. */
const PACKS_PER_READ = 2;

function rowWhere(filter: RunItemFilter): Record<string, unknown>[] {
  const where: Record<string, unknown>[] = [{ runId: filter.runId }];
  if (filter.outcome) where.push({ outcome: filter.outcome });
  // Implied by any other outcome, but said so the planner may use the exceptions index (see the entity).
  if (filter.outcome && filter.outcome !== ReconciliationOutcome.MATCHED) where.push({ outcome: { $ne: ReconciliationOutcome.MATCHED } });
  if (filter.unresolvedOnly) where.push({ resolvedAt: null });
  if (filter.producerIds) where.push(producerKeyFilter(filter.producerIds));
  return where;
}

/** Packs only hold MATCHED items. */
const packsApply = (filter: RunItemFilter) => !filter.outcome || filter.outcome === ReconciliationOutcome.MATCHED;

function packWhere(filter: RunItemFilter): Record<string, unknown>[] {
  return filter.producerIds ? [{ runId: filter.runId }, producerKeyFilter(filter.producerIds)] : [{ runId: filter.runId }];
}

async function* rowsAfter(em: EntityManager, filter: RunItemFilter, afterSeq: number, pageSize: number): AsyncGenerator<ReconciliationItem> {
  const where = rowWhere(filter);
  for (let after = afterSeq; ; ) {
    const rows = await em.find(ReconciliationItem, { $and: [...where, { seq: { $gt: after } }] }, { orderBy: { seq: 'asc' }, limit: pageSize, disableIdentityMap: true });
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].seq;
  }
}

async function* packedAfter(em: EntityManager, filter: RunItemFilter, firstItemId: number, afterSeq: number): AsyncGenerator<ReconciliationItem> {
  const where = packWhere(filter);
  // The same test as the rows' producerKeyFilter, on each item read from a pack.
  const producerIds = filter.producerIds && safeProducerIds(filter.producerIds);
  const concerns = (item: ReconciliationItem) => !producerIds || producerIds.some((id) => item.producerKey.includes(`|${id}|`));
  let keyset: Record<string, unknown> = { lastSeq: { $gt: afterSeq } };
  for (;;) {
    const packs = await em.find(ReconciliationItemPack, { $and: [...where, keyset] }, { orderBy: { firstSeq: 'asc' }, limit: PACKS_PER_READ, disableIdentityMap: true });
    for (const pack of packs) {
      for (const item of unpackItems(pack, firstItemId)) {
        if (item.seq > afterSeq && concerns(item)) yield item;
      }
    }
    if (packs.length < PACKS_PER_READ) return;
    keyset = { firstSeq: { $gt: packs[packs.length - 1].firstSeq } };
  }
}

/** Two streams sorted by seq, as one. */
async function* mergedBySeq(a: AsyncGenerator<ReconciliationItem>, b: AsyncGenerator<ReconciliationItem>): AsyncGenerator<ReconciliationItem> {
  let x = await a.next();
  let y = await b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value.seq < y.value.seq)) {
      yield x.value;
      x = await a.next();
    } else {
      yield y.value;
      y = await b.next();
    }
  }
}

/** Id of the run's item of seq 0; null for a run stored before packing (every item a row). */
async function firstItemIdOf(em: EntityManager, runId: string): Promise<number | null> {
  const run = await em.findOne(ReconciliationRun, { id: runId }, { fields: ['firstItemId'], disableIdentityMap: true });
  return run?.firstItemId ?? null;
}

/**
 * The run's items passing the filter, in result order after `afterSeq`; rows are read `pageSize`
 * at a time (what the caller will take at most, or an export's page).
 */
export async function* runItemsInOrder(em: EntityManager, filter: RunItemFilter, options: { afterSeq?: number; pageSize: number }): AsyncGenerator<ReconciliationItem> {
  const after = options.afterSeq ?? -1;
  const rows = rowsAfter(em, filter, after, options.pageSize);
  const firstItemId = packsApply(filter) ? await firstItemIdOf(em, filter.runId) : null;
  if (firstItemId === null) {
    yield* rows;
    return;
  }
  yield* mergedBySeq(rows, packedAfter(em, filter, firstItemId, after));
}

/** How many of the run's items pass the filter: rows counted by the database, packs by their counts. */
async function runItemCount(em: EntityManager, filter: RunItemFilter): Promise<number> {
  const rows = await em.count(ReconciliationItem, { $and: rowWhere(filter) });
  if (!packsApply(filter)) return rows;
  const packs = await em.find(ReconciliationItemPack, { $and: packWhere(filter) }, { fields: ['itemCount', 'producerCountsJson'], disableIdentityMap: true });
  const producerIds = filter.producerIds && safeProducerIds(filter.producerIds);
  return packs.reduce((n, pack) => n + producerItemCount(pack, producerIds), rows);
}

/** A run's items in result order (keyset on seq), filtered by outcome, open state and the viewer's producers (`producerIds`; null: every item). */
export async function runItems(
  em: EntityManager,
  options: RunItemFilter & { limit: number; afterSeq?: number },
): Promise<{ rows: ReconciliationItem[]; total: number }> {
  const take = async () => {
    const rows: ReconciliationItem[] = [];
    const stream = runItemsInOrder(em, options, { afterSeq: options.afterSeq, pageSize: options.limit + 1 });
    for await (const item of stream) {
      rows.push(item);
      if (rows.length > options.limit) break;
    }
    return rows;
  };
  const [rows, total] = await Promise.all([take(), runItemCount(em, options)]);
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
