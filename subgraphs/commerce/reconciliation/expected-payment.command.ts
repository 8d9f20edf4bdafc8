import type { EntityManager } from '@mikro-orm/core';
import { ExpectedPayment } from './expected-payment.entity.js';
import { sameExpectedPayment, type ValidExpectedPayment } from './expected-payment.rules.js';

export interface RecordOutcome {
  created: string[];
  unchanged: string[];
  /** Ids already stored with other values: never overwritten silently (a run may have used them). */
  conflicts: { id: string; stored: ValidExpectedPayment }[];
}

const CHUNK = 500;

function recordOf(row: ExpectedPayment): ValidExpectedPayment {
  return { id: row.id, provider: row.provider, reference: row.reference, amountVnd: row.amountVnd, expectedAt: row.expectedAt, payer: row.payer ?? null, producerId: row.producerId };
}

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
    const stored = new Map((await em.find(ExpectedPayment, { id: { $in: chunk.map((r) => r.id) } }, { disableIdentityMap: true })).map((r) => [r.id, recordOf(r)]));
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
  const rows = records.filter((r) => wanted.delete(r.id));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em.insertMany(
      ExpectedPayment,
      rows.slice(i, i + CHUNK).map((r) => Object.assign(new ExpectedPayment(), { ...r })),
    );
  }
}
