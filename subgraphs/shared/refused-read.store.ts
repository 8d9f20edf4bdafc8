import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import { DomainError } from '../../core/domain-errors.js';
import type { SubgraphContext } from '../../core/graphql/context.js';
import { RefusedRead } from './refused-read.entity.js';

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

/** Writes one row of the refused-read log. */
export async function recordRefusedRead(context: SubgraphContext, read: RefusedTarget): Promise<void> {
  const { viewer } = context;
  await context.em.insert(
    RefusedRead,
    Object.assign(new RefusedRead(), {
      id: randomUUID(),
      at: new Date(),
      subject: viewer?.subject ?? null,
      roles: viewer?.roles.join(',') ?? '',
      field: read.field,
      target: read.target.slice(0, 200),
      communeId: read.communeId ?? null,
      requestId: context.requestId,
      callerRequestId: boundedCallerId(context.callerRequestId),
    }),
  );
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

/** A page of the log for some units, newest first (keyset on at, id). */
export async function findRefusedReads(context: SubgraphContext, communeIds: string[], limit: number, after: (string | number)[] | null): Promise<{ rows: RefusedRead[]; totalCount: number }> {
  const where: FilterQuery<RefusedRead> = { communeId: { $in: communeIds } };
  const keyset: FilterQuery<RefusedRead> = after ? { $or: [{ at: { $lt: new Date(Number(after[0])) } }, { at: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] } : {};
  const [rows, totalCount] = await Promise.all([
    context.em.find(RefusedRead, { ...where, ...keyset }, { orderBy: { at: 'desc', id: 'desc' }, limit: limit + 1 }),
    context.em.count(RefusedRead, where),
  ]);
  return { rows, totalCount };
}
