import type { EntityManager } from '@mikro-orm/core';
import { sameExpectedPayment, type ValidExpectedPayment } from './expected-payment.rules.js';
import { insertExpectedPaymentRows, storedExpectedPayments } from './expected-payment.store.js';

export interface RecordOutcome {
  created: string[];
  unchanged: string[];
  /** Ids already stored with other values: never overwritten silently (a run may have used them). */
  conflicts: { id: string; stored: ValidExpectedPayment }[];
}

/** Ids looked up per statement: a thousand placeholders. */
const CHUNK = 1_000;

/**
 * Compares validated expected payments with what is stored, by id: new ones would be created,
 * identical ones are unchanged (importing the same file twice adds nothing), different ones are
 * conflicts. Writes nothing.
 */
export async function planExpectedPayments(em: EntityManager, records: readonly ValidExpectedPayment[]): Promise<RecordOutcome> {
  const outcome: RecordOutcome = { created: [], unchanged: [], conflicts: [] };
  const seen = new Set<string>();
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    const stored = await storedExpectedPayments(em, chunk.map((r) => r.id));
    for (const record of chunk) {
      const existing = stored.get(record.id);
      if (!existing) {
        if (!seen.has(record.id)) outcome.created.push(record.id);
      } else if (sameExpectedPayment(existing, record)) outcome.unchanged.push(record.id);
      else outcome.conflicts.push({ id: record.id, stored: existing });
      seen.add(record.id);
    }
  }
  return outcome;
}

/** Stores the new expected payments of `records` (those planned as created) in the caller's transaction. */
export async function insertExpectedPayments(em: EntityManager, records: readonly ValidExpectedPayment[], ids: readonly string[]): Promise<void> {
  const wanted = new Set(ids);
  await insertExpectedPaymentRows(em, records.filter((r) => wanted.delete(r.id)));
}
