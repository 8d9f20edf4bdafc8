import type { EntityManager } from '@mikro-orm/core';
import { ANONYMOUS_LIMITS, anonymousLimitOf, type AnonymousLimitKind } from './anonymous-limit.rules.js';
import { FieldReport } from './field-report.entity.js';

/** Which stored reports one counter counts. */
export type AnonymousCounter =
  | { kind: 'address'; addressKey: string }
  | { kind: 'contact'; rateKey: string }
  | { kind: 'commune'; communeId: string };

function whereOf(counter: AnonymousCounter) {
  switch (counter.kind) {
    case 'address':
      return { addressKey: counter.addressKey };
    case 'contact':
      return { rateKey: counter.rateKey };
    case 'commune':
      return { communeId: counter.communeId, reporterSubject: null };
  }
}

/**
 * The receipt times of the counter's reports within the limit window before `now`, oldest first,
 * no more than the limit needs (one indexed range read each).
 */
export async function recentAnonymousReceipts(em: EntityManager, counter: AnonymousCounter, now: Date): Promise<Date[]> {
  const since = new Date(now.getTime() - ANONYMOUS_LIMITS.windowMs);
  const kind: AnonymousLimitKind = counter.kind;
  const rows = await em.find(
    FieldReport,
    { ...whereOf(counter), receivedAt: { $gt: since } },
    { fields: ['receivedAt'], orderBy: { receivedAt: 'asc' }, limit: anonymousLimitOf(kind), disableIdentityMap: true },
  );
  return rows.map((row) => row.receivedAt);
}
