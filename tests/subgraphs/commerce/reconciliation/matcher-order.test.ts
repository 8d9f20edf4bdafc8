import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../../../connectors/statements/payment-record.js';
import type { ExpectedPaymentRecord } from '../../../../subgraphs/commerce/reconciliation/ledger.js';
import { matchPayments } from '../../../../subgraphs/commerce/reconciliation/matcher.rules.js';
import { resultItems } from '../../../../subgraphs/commerce/reconciliation/result-items.js';
import { LedgerTable, PaymentTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';

const DAY_START = Date.parse('2026-11-01T00:00:00+07:00');
const DAY_END = Date.parse('2026-11-02T00:00:00+07:00');

/** Few references, amounts and payers, so that ties, splits, duplicates and near-misses are common. */
const reference = fc.option(fc.constantFrom('DH1', 'DH2', 'DH3', 'DH4'), { nil: null });
const amount = fc.constantFrom(50_000, 90_000, 100_000, 150_000);
const minute = fc.integer({ min: 0, max: 24 * 60 - 1 });
const payer = fc.option(fc.constantFrom('0912***678', '0987654321'), { nil: null });

const payments = fc.array(fc.record({ id: fc.constantFrom('T1', 'T2', 'T3', 'T4', 'T5', 'T6'), reference, amount, minute, payer }), { maxLength: 12 }).map((rows) =>
  rows.map((r, i): PaymentRecord => ({
    provider: 'viettel-money', transactionId: r.id, reference: r.reference, kind: 'PAYMENT', originalTransactionId: null, amountVnd: r.amount,
    feeVnd: 0, occurredAt: new Date(DAY_START + r.minute * 60_000), status: 'SUCCESS', payer: r.payer, line: i + 2,
  })),
);
const expectations = fc.array(fc.record({ reference: fc.constantFrom('DH1', 'DH2', 'DH3', 'DH4', 'DH5'), amount, minute, payer }), { maxLength: 12 }).map((rows) =>
  rows.map((r, i): ExpectedPaymentRecord => ({ id: `o${i + 1}`, reference: r.reference, amountVnd: r.amount, expectedAt: new Date(DAY_START + r.minute * 60_000), payer: r.payer, producerId: 'p1' })),
);

function reconcile(statement: PaymentRecord[], ledger: ExpectedPaymentRecord[]) {
  const p = new PaymentTable();
  statement.forEach((r) => p.push(r));
  const l = new LedgerTable();
  ledger.forEach((r) => l.push(r));
  const result = matchPayments(p, l, { toleranceMs: 120 * 60_000, periodStart: DAY_START, periodEnd: DAY_END });
  return [...resultItems(p, l, result)].map((i) => [i.outcome, i.rule, i.transactionIds.join('+'), i.expectedPaymentIds.join('+'), i.paidVnd, i.expectedVnd]);
}

/** As the import does it: the ledger loaded first, the statement's references resolved against it, lookups released before items are built. */
function reconcileLedgerFirst(statement: PaymentRecord[], ledger: ExpectedPaymentRecord[]) {
  const l = new LedgerTable();
  ledger.forEach((r) => l.push(r));
  l.trim();
  const p = new PaymentTable(l);
  statement.forEach((r) => p.push(r));
  p.trim();
  const result = matchPayments(p, l, { toleranceMs: 120 * 60_000, periodStart: DAY_START, periodEnd: DAY_END });
  l.releaseLookups();
  return [...resultItems(p, l, result)];
}

describe('reconciliation: the matcher does not depend on the order the ledger returns rows in (property)', () => {
  it('gives the same items with the ledger loaded first (references held as ledger rows) as with separate tables', () => {
    fc.assert(
      fc.property(payments, expectations, (statement, ledger) => {
        const p = new PaymentTable();
        statement.forEach((r) => p.push(r));
        const l = new LedgerTable();
        ledger.forEach((r) => l.push(r));
        const separate = [...resultItems(p, l, matchPayments(p, l, { toleranceMs: 120 * 60_000, periodStart: DAY_START, periodEnd: DAY_END }))];
        expect(reconcileLedgerFirst(statement, ledger)).toEqual(separate);
        statement.forEach((r, i) => expect(p.reference(i)).toBe(r.reference));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same items in the same order for any permutation of the expected payments', () => {
    fc.assert(
      fc.property(payments, expectations.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), (statement, [ledger, shuffled]) => {
        expect(reconcile(statement, shuffled)).toEqual(reconcile(statement, ledger));
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every statement row and every expectation of the period exactly once', () => {
    fc.assert(
      fc.property(payments, expectations, (statement, ledger) => {
        const items = reconcile(statement, ledger);
        const rows = items.flatMap((i) => String(i[2]).split('+').filter(Boolean));
        const expected = items.flatMap((i) => String(i[3]).split('+').filter(Boolean));
        expect(rows.sort()).toEqual(statement.map((r) => r.transactionId).sort());
        expect(expected.sort()).toEqual(ledger.map((r) => r.id).sort());
      }),
      { numRuns: 300 },
    );
  });
});
