import type { EntityManager } from '@mikro-orm/core';
import { rawTableName } from '../../../core/db/raw-sql.js';
import { AGE_BUCKETS, ageInDays, bucketInstants } from './aging.rules.js';
import { EXCEPTION_OUTCOMES, ReconciliationOutcome } from './outcomes.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';

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
 * The aged list: open items (see open-items.store.ts for what "open" means), oldest due first
 * (expected time, else paid time; then id), optionally only one age bucket. Filtered, sorted and
 * paged by the database on the keyset (since, id): a long backlog is never read whole.
 */
export async function openItems(
  em: EntityManager,
  options: { provider?: string; asOf: string; bucket?: string; limit: number; after?: [number, number] },
): Promise<OpenItemsPage> {
  const items = rawTableName(em, em.getMetadata().get(ReconciliationItem.name).tableName);
  const runs = rawTableName(em, em.getMetadata().get(ReconciliationRun.name).tableName);
  const platform = em.getPlatform();
  const instant = (ms: number) => platform.processDateProperty(new Date(ms)) as Date | number;
  // Every item has a payment or an expectation, so one of the two times is set.
  const since = `coalesce(i."expected_at", i."paid_at")`;
  // The exceptions index's own term, written out so that any planner (and any plan cache) sees it;
  // the same set as a list makes SQLite prefer that index to (run_id, seq) once runs are filtered.
  const exceptions = EXCEPTION_OUTCOMES.map((o) => `'${o}'`).join(', ');
  const where = [`r."current_key" is not null`, `i."outcome" <> '${ReconciliationOutcome.MATCHED}'`, `i."outcome" in (${exceptions})`, `i."resolved_at" is null`, `i."settled_by_item_id" is null`];
  const params: (string | number | Date)[] = [];
  if (options.provider !== undefined) {
    where.push(`r."provider" = ?`);
    params.push(options.provider);
  }
  const bucket = options.bucket === undefined ? undefined : AGE_BUCKETS.find((b) => b.label === options.bucket);
  if (bucket) {
    const range = bucketInstants(bucket, options.asOf);
    if (range.from !== null) {
      where.push(`${since} >= ?`);
      params.push(instant(range.from));
    }
    if (range.before !== null) {
      where.push(`${since} < ?`);
      params.push(instant(range.before));
    }
  }
  const from = `from ${items} i join ${runs} r on r."id" = i."run_id" where ${where.join(' and ')}`;
  const connection = em.getConnection();
  const context = em.getTransactionContext();
  const [{ n }] = (await connection.execute(`select count(*) as n ${from}`, params, 'all', context)) as { n: number | string }[];
  const page = [...params];
  let keyset = '';
  if (options.after) {
    const [afterSince, afterId] = options.after;
    keyset = ` and (${since} > ? or (${since} = ? and i."id" > ?))`;
    page.push(instant(afterSince), instant(afterSince), afterId);
  }
  const keys = (await connection.execute(
    `select i."id" as id, ${since} as since ${from}${keyset} order by ${since}, i."id" limit ${Math.max(0, Math.floor(options.limit)) + 1}`,
    page,
    'all',
    context,
  )) as { id: number | string; since: number | string | Date }[];
  const window = keys.map((k) => ({ id: Number(k.id), since: new Date(typeof k.since === 'string' && /^\d+$/.test(k.since) ? Number(k.since) : k.since).getTime() }));
  const loaded = window.length ? await em.find(ReconciliationItem, { id: { $in: window.map((r) => r.id) } }) : [];
  const byId = new Map(loaded.map((i) => [i.id, i]));
  return {
    rows: window.map((r) => ({ item: byId.get(r.id)!, ageDays: ageInDays(new Date(r.since), options.asOf), since: r.since })),
    total: Number(n),
  };
}
