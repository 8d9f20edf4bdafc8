import type { EntityManager } from '@mikro-orm/core';
import { ExpectedPayment } from './expected-payment.entity.js';

/**
 * The ledger side of reconciliation, kept narrow on purpose: reconciliation needs only what was
 * expected to be paid, not how orders work. Today it is read from the `expected_payment` table;
 * when commerce orders exist, an implementation over them replaces `expectedPaymentLedger` here
 * and nothing else changes.
 */
export interface ExpectedPaymentRecord {
  /** Stable id of the expectation (an order id). */
  id: string;
  /** Reference the payer was told to quote; expectations paid together (one checkout) share it. */
  reference: string;
  amountVnd: number;
  /** When the payment was expected (order placed). */
  expectedAt: Date;
  payer: string | null;
  /** The producer concerned: it may see the payment details. */
  producerId: string;
}

export interface Ledger {
  /** Name stored on each run, so a result says what it was matched against. */
  readonly name: string;
  /** Expected payments for `provider` with expectedAt in [from, to). Any order: matching does not depend on it. */
  expectedPayments(provider: string, from: Date, to: Date): AsyncIterable<ExpectedPaymentRecord>;
  /** Expected payments by id (open items carried over from earlier runs); absent: no carry-over. */
  expectedPaymentsByIds?(ids: readonly string[]): AsyncIterable<ExpectedPaymentRecord>;
}

const PAGE = 5000;

function toRecord(row: ExpectedPayment): ExpectedPaymentRecord {
  return { id: row.id, reference: row.reference, amountVnd: row.amountVnd, expectedAt: row.expectedAt, payer: row.payer ?? null, producerId: row.producerId };
}

/** The ledger over the `expected_payment` table, read in keyset pages so a big period never loads at once as entities. */
export function expectedPaymentLedger(em: EntityManager): Ledger {
  return {
    name: 'expected_payment',
    async *expectedPayments(provider, from, to) {
      let after: string | null = null;
      for (;;) {
        const rows: ExpectedPayment[] = await em.find(
          ExpectedPayment,
          { provider, expectedAt: { $gte: from, $lt: to }, ...(after === null ? {} : { id: { $gt: after } }) },
          { orderBy: { id: 'asc' }, limit: PAGE, disableIdentityMap: true },
        );
        for (const row of rows) {
          yield toRecord(row);
        }
        if (rows.length < PAGE) return;
        after = rows[rows.length - 1].id;
      }
    },
    async *expectedPaymentsByIds(ids) {
      for (let k = 0; k < ids.length; k += 500) {
        const rows: ExpectedPayment[] = await em.find(ExpectedPayment, { id: { $in: ids.slice(k, k + 500) } }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
        for (const row of rows) yield toRecord(row);
      }
    },
  };
}
