import { randomUUID } from 'node:crypto';
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DomainError } from '../../core/domain-errors.js';
import type { SubgraphContext } from '../../core/graphql/context.js';
import { atRequestEnd } from '../../core/graphql/request-end.js';
import { RefusedRead } from './refused-read.entity.js';
import type { RefusedReadFilter } from './refused-read.rules.js';

/** What a refused read was after. */
export interface RefusedTarget {
  field: string;
  target: string;
  communeId?: string | null;
}

/** The caller's `x-request-id` is theirs to choose: stored only as a bounded, printable correlation value. */
function boundedCallerId(value: string | undefined): string | null {
  if (!value) return null;
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 128);
}

/**
 * Writes rows of the log, one per (request, field): a row whose request already logged the field (the
 * gateway called the subgraph twice for one request) adds its count to the stored row, which keeps its
 * first target, commune and time. One statement, atomic against a concurrent call of the same request
 * (`insert ... on conflict do update`, SQLite and PostgreSQL alike).
 */
async function writeRows(em: EntityManager, rows: readonly RefusedRead[]): Promise<void> {
  if (!rows.length) return;
  const values = rows.map((r) => ({ id: r.id, at: r.at, subject: r.subject, roles: r.roles, field: r.field, target: r.target, count: r.count, communeId: r.communeId, requestId: r.requestId, callerRequestId: r.callerRequestId }));
  await (em as SqlEntityManager)
    .createQueryBuilder(RefusedRead)
    .insert(values)
    .onConflict(['requestId', 'field'])
    .merge({ count: raw('refused_read.count + excluded.count') })
    .execute();
}

/** The rows a request has yet to write, by field: keyed by the request's deferred-work map (shared by derived contexts). */
const pending = new WeakMap<object, Map<string, RefusedRead>>();

/**
 * Records a refused read. Within a /graphql request, one row per field: the first refusal of a field
 * makes the row (its target, commune and time), later ones only count, and the request's rows are
 * written in one statement before its answer is sent (core/graphql/request-end.ts). So a list of 100
 * producers refused their contact adds one row of count 100, not 100 rows; a second call of the
 * subgraph for the same gateway request adds to that row's count (`writeRows`). Outside a request (no
 * end to defer to) the row is written at once, under the same key.
 */
export async function recordRefusedRead(context: SubgraphContext, read: RefusedTarget): Promise<void> {
  const tasks = context.atEnd;
  const row = () => {
    const { viewer } = context;
    return Object.assign(new RefusedRead(), {
      id: randomUUID(),
      at: new Date(),
      subject: viewer?.subject ?? null,
      roles: viewer?.roles.join(',') ?? '',
      field: read.field,
      target: read.target.slice(0, 200),
      count: 1,
      communeId: read.communeId ?? null,
      requestId: context.requestId,
      callerRequestId: boundedCallerId(context.callerRequestId),
    });
  };
  if (!tasks) {
    await writeRows(context.em, [row()]);
    return;
  }
  let rows = pending.get(tasks);
  if (!rows) {
    const fresh = new Map<string, RefusedRead>();
    pending.set(tasks, fresh);
    rows = fresh;
    atRequestEnd(context, 'refused-reads', async () => {
      pending.delete(tasks);
      await writeRows(context.em, [...fresh.values()]);
    });
  }
  const seen = rows.get(read.field);
  if (seen) seen.count += 1;
  else rows.set(read.field, row());
}

/**
 * Runs an access check for a read of restricted data; when it refuses (FORBIDDEN or
 * UNAUTHENTICATED), records the refusal, then lets the refusal through unchanged.
 */
export async function auditedCheck<T>(context: SubgraphContext, read: RefusedTarget, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof DomainError && (error.kind === 'FORBIDDEN' || error.kind === 'UNAUTHENTICATED')) await recordRefusedRead(context, read);
    throw error;
  }
}

/** A page of the log, newest first (keyset on at, id), and how many rows match the filter. */
export async function findRefusedReads(context: SubgraphContext, filter: RefusedReadFilter, limit: number, after: (string | number)[] | null): Promise<{ rows: RefusedRead[]; totalCount: number }> {
  const where: FilterQuery<RefusedRead>[] = [];
  if (filter.communeIds) where.push({ communeId: { $in: [...filter.communeIds] } });
  if (filter.withoutCommune) where.push({ communeId: null });
  if (filter.since) where.push({ at: { $gte: filter.since } });
  if (filter.until) where.push({ at: { $lt: filter.until } });
  if (filter.field) where.push({ field: filter.field });
  if (filter.subject) where.push({ subject: filter.subject });
  const keyset: FilterQuery<RefusedRead>[] = after ? [{ $or: [{ at: { $lt: new Date(Number(after[0])) } }, { at: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] }] : [];
  const all = (parts: FilterQuery<RefusedRead>[]): FilterQuery<RefusedRead> => (parts.length ? { $and: parts } : {});
  const [rows, totalCount] = await Promise.all([
    context.em.find(RefusedRead, all([...where, ...keyset]), { orderBy: { at: 'desc', id: 'desc' }, limit: limit + 1 }),
    context.em.count(RefusedRead, all(where)),
  ]);
  return { rows, totalCount };
}
