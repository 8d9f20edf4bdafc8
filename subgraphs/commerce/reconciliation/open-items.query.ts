import type { EntityManager } from '@mikro-orm/core';
import { AGE_BUCKETS, ageInDays, bucketOf } from './aging.rules.js';
import { openItemsFilter } from './open-items.store.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';

export interface OpenItemRow {
  item: ReconciliationItem;
  ageDays: number;
  /** Epoch ms the age counts from: with the id, the keyset of the list. */
  since: number;
}

/** Up to limit + 1 rows (the extra one says there is a next page) and the total. */
export interface OpenItemsPage {
  rows: OpenItemRow[];
  total: number;
}

/**
 * The aged list: open items (open-items.store.ts), oldest due first (expected time, else paid
 * time; then id), optionally only one age bucket. Open items are what is left for people to work
 * through, so they are few next to a run's matched items and are ordered in memory.
 */
export async function openItems(
  em: EntityManager,
  options: { provider?: string; asOf: string; bucket?: string; limit: number; after?: [number, number] },
): Promise<OpenItemsPage> {
  const where = await openItemsFilter(em, options.provider);
  const keys = await em.find(ReconciliationItem, where, { fields: ['id', 'paidAt', 'expectedAt'], disableIdentityMap: true });
  const bucket = options.bucket === undefined ? -1 : AGE_BUCKETS.findIndex((b) => b.label === options.bucket);
  let rows = keys.map((k) => {
    const since = (k.expectedAt ?? k.paidAt ?? new Date(0)).getTime();
    return { id: k.id, since, ageDays: ageInDays(new Date(since), options.asOf) };
  });
  if (bucket >= 0) rows = rows.filter((r) => bucketOf(r.ageDays) === bucket);
  rows.sort((a, b) => a.since - b.since || a.id - b.id);
  const total = rows.length;
  const after = options.after;
  if (after) rows = rows.filter((r) => r.since > after[0] || (r.since === after[0] && r.id > after[1]));
  const window = rows.slice(0, options.limit + 1);
  const loaded = window.length ? await em.find(ReconciliationItem, { id: { $in: window.map((r) => r.id) } }) : [];
  const byId = new Map(loaded.map((i) => [i.id, i]));
  return { rows: window.map((r) => ({ item: byId.get(r.id)!, ageDays: r.ageDays, since: r.since })), total };
}
