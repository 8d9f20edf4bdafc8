import { describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../../../connectors/statements/payment-record.js';
import type { ExpectedPaymentRecord } from '../../../../subgraphs/commerce/reconciliation/ledger.js';
import { matchPayments } from '../../../../subgraphs/commerce/reconciliation/matcher.rules.js';
import { ReconciliationOutcome } from '../../../../subgraphs/commerce/reconciliation/outcomes.js';
import { payerKeysCompatible as payerCompatible } from '../../../../subgraphs/commerce/reconciliation/payer-key.rules.js';
import type { ResultItem } from '../../../../subgraphs/commerce/reconciliation/result-item.js';
import { resultItems, summarize } from '../../../../subgraphs/commerce/reconciliation/result-items.js';
import { LedgerTable, PaymentTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';

const DAY_START = Date.parse('2026-11-01T00:00:00+07:00');
const DAY_END = Date.parse('2026-11-02T00:00:00+07:00');
const at = (hhmm: string) => new Date(`2026-11-01T${hhmm}:00+07:00`);

let line = 1;
function pay(transactionId: string, reference: string | null, amountVnd: number, time: string, extra: Partial<PaymentRecord> = {}): PaymentRecord {
  return {
    provider: 'viettel-money',
    transactionId,
    reference,
    kind: 'PAYMENT',
    originalTransactionId: null,
    amountVnd,
    feeVnd: Math.round(amountVnd * 0.011),
    occurredAt: at(time),
    status: 'SUCCESS',
    payer: null,
    line: ++line,
    ...extra,
  };
}
const refund = (transactionId: string, original: string, amountVnd: number, time: string) =>
  pay(transactionId, null, amountVnd, time, { kind: 'REVERSAL', originalTransactionId: original, feeVnd: 0 });

function expect_(id: string, reference: string, amountVnd: number, time: string | Date, extra: Partial<ExpectedPaymentRecord> = {}): ExpectedPaymentRecord {
  return { id, reference, amountVnd, expectedAt: typeof time === 'string' ? at(time) : time, payer: null, producerId: 'p1', ...extra };
}

function run(payments: PaymentRecord[], expected: ExpectedPaymentRecord[], toleranceMinutes = 120): ResultItem[] {
  const p = new PaymentTable();
  payments.forEach((r) => p.push(r));
  const l = new LedgerTable();
  expected.forEach((r) => l.push(r));
  const result = matchPayments(p, l, { toleranceMs: toleranceMinutes * 60_000, periodStart: DAY_START, periodEnd: DAY_END });
  return [...resultItems(p, l, result)];
}
const brief = (items: ResultItem[]) => items.map((i) => [i.outcome, i.rule, i.transactionIds.join('+'), i.expectedPaymentIds.join('+')]);

describe('matching', () => {
  it('matches by exact reference, ignoring the fee (gross amount against the order total)', () => {
    const items = run([pay('T1', 'DH1', 150_000, '08:00')], [expect_('o1', 'DH1', 150_000, '07:58')]);
    expect(brief(items)).toEqual([['MATCHED', 'REFERENCE', 'T1', 'o1']]);
    expect(items[0]).toMatchObject({ paidVnd: 150_000, feeVnd: 1_650, expectedVnd: 150_000, references: ['DH1'], producerIds: ['p1'] });
  });

  it('produces each outcome', () => {
    const items = run(
      [
        pay('T1', 'DH1', 150_000, '08:00'), // matched
        pay('T2', 'DH2', 90_000, '09:00'), // paid less than expected
        pay('T3', 'DH9', 45_000, '10:00'), // not expected
        pay('T1', 'DH1', 150_000, '08:00'), // the same row again
      ],
      [expect_('o1', 'DH1', 150_000, '07:59'), expect_('o2', 'DH2', 100_000, '08:59'), expect_('o3', 'DH3', 70_000, '11:00')],
    );
    expect(brief(items)).toEqual([
      ['MATCHED', 'REFERENCE', 'T1', 'o1'],
      ['AMOUNT_MISMATCH', 'REFERENCE', 'T2', 'o2'],
      ['MISSING_IN_LEDGER', 'UNPAIRED', 'T3', ''],
      ['DUPLICATE', 'DUPLICATE_TRANSACTION', 'T1', ''],
      ['MISSING_IN_STATEMENT', 'UNPAIRED', '', 'o3'],
    ]);
    expect(items.map((i) => i.seq)).toEqual([0, 1, 2, 3, 4]);
  });

  it('split payments: several payments that add up to one order', () => {
    const items = run([pay('T1', 'DH1', 100_000, '08:00'), pay('T2', 'DH1', 150_000, '08:20')], [expect_('o1', 'DH1', 250_000, '07:55')]);
    expect(brief(items)).toEqual([['MATCHED', 'SPLIT_PAYMENTS', 'T1+T2', 'o1']]);
    expect(items[0].paidVnd).toBe(250_000);
  });

  it('one payment covering several orders of one checkout (shared reference), across producers', () => {
    const items = run(
      [pay('T1', 'CK7', 330_000, '08:00')],
      [expect_('o1', 'CK7', 200_000, '07:58', { producerId: 'p1' }), expect_('o2', 'CK7', 130_000, '07:58', { producerId: 'p2' })],
    );
    expect(brief(items)).toEqual([['MATCHED', 'COMBINED_PAYMENT', 'T1', 'o1+o2']]);
    expect(items[0].producerIds).toEqual(['p1', 'p2']);
  });

  it('a second payment of the same order is a DUPLICATE, the first stays MATCHED', () => {
    const items = run([pay('T1', 'DH1', 100_000, '08:00'), pay('T2', 'DH1', 100_000, '08:01')], [expect_('o1', 'DH1', 100_000, '07:59')]);
    expect(brief(items)).toEqual([
      ['MATCHED', 'REFERENCE', 'T1', 'o1'],
      ['DUPLICATE', 'DUPLICATE_PAYMENT', 'T2', ''],
    ]);
  });

  it('several payments that overshoot by an odd amount are one AMOUNT_MISMATCH', () => {
    const items = run([pay('T1', 'DH1', 100_000, '08:00'), pay('T2', 'DH1', 30_000, '08:01')], [expect_('o1', 'DH1', 100_000, '07:59')]);
    expect(brief(items)).toEqual([['AMOUNT_MISMATCH', 'SPLIT_PAYMENTS', 'T1+T2', 'o1']]);
  });

  it('a payment refunded in full cancels out and leaves its order unpaid', () => {
    const items = run([pay('T1', 'DH1', 100_000, '08:00'), refund('T2', 'T1', 100_000, '15:00')], [expect_('o1', 'DH1', 100_000, '07:59')]);
    expect(brief(items)).toEqual([
      ['MATCHED', 'REVERSED', 'T1+T2', ''],
      ['MISSING_IN_STATEMENT', 'UNPAIRED', '', 'o1'],
    ]);
    expect(items[0]).toMatchObject({ paidVnd: 100_000, reversedVnd: 100_000 });
  });

  it('a partial refund is netted before matching', () => {
    const items = run([pay('T1', 'DH1', 150_000, '08:00'), refund('T2', 'T1', 50_000, '15:00')], [expect_('o1', 'DH1', 100_000, '07:59')]);
    expect(brief(items)).toEqual([['MATCHED', 'REFERENCE', 'T1+T2', 'o1']]);
    expect(items[0]).toMatchObject({ paidVnd: 150_000, reversedVnd: 50_000, expectedVnd: 100_000 });
  });

  it('a refund of a payment not in this statement is MISSING_IN_LEDGER; over-refunding is AMOUNT_MISMATCH', () => {
    const items = run([refund('T9', 'T-OLD', 100_000, '09:00'), pay('T1', 'DH1', 10_000, '08:00'), refund('T2', 'T1', 20_000, '15:00')], []);
    expect(brief(items)).toEqual([
      ['MISSING_IN_LEDGER', 'ORPHAN_REVERSAL', 'T9', ''],
      ['AMOUNT_MISMATCH', 'REVERSED', 'T1+T2', ''],
    ]);
  });

  it('without a reference: same amount within the tolerance, closest first, payer respected (masks allowed)', () => {
    const items = run(
      [
        pay('T1', null, 45_000, '10:00', { payer: '0987***321' }),
        pay('T2', 'UNKNOWN', 45_000, '10:05'),
        pay('T3', null, 45_000, '18:00'),
      ],
      [
        expect_('o1', 'DH1', 45_000, '09:00', { payer: '0987654321' }),
        expect_('o2', 'DH2', 45_000, '10:02', { payer: '0911111111' }),
        expect_('o3', 'DH3', 45_000, '12:30'),
      ],
    );
    expect(brief(items)).toEqual([
      ['MATCHED', 'AMOUNT_TIME', 'T1', 'o1'], // o2 is closer but another payer
      ['MATCHED', 'AMOUNT_TIME', 'T2', 'o2'],
      ['MISSING_IN_LEDGER', 'UNPAIRED', 'T3', ''], // o3 is 5.5 h before: beyond 2 h
      ['MISSING_IN_STATEMENT', 'UNPAIRED', '', 'o3'],
    ]);
  });

  it('an expectation in the tolerance margin outside the period is matched when paid, never reported missing', () => {
    const lateYesterday = new Date('2026-10-31T23:50:00+07:00');
    const items = run([pay('T1', 'DH1', 100_000, '00:05')], [expect_('o1', 'DH1', 100_000, lateYesterday), expect_('o0', 'DH0', 5_000, lateYesterday)]);
    expect(brief(items)).toEqual([['MATCHED', 'REFERENCE', 'T1', 'o1']]);
  });

  it('is deterministic: the ledger\'s order does not change the result', () => {
    const payments = [pay('T1', null, 50_000, '10:00'), pay('T2', null, 50_000, '10:00'), pay('T3', 'DH5', 70_000, '11:00')];
    const ledger = [
      expect_('b', 'X2', 50_000, '09:30'),
      expect_('a', 'X1', 50_000, '10:30'),
      expect_('c', 'X3', 50_000, '10:30'),
      expect_('d', 'DH5', 70_000, '10:59'),
      expect_('e', 'X4', 9_000, '12:00'),
      expect_('f', 'X5', 9_000, '12:00'),
      expect_('h', 'CK9', 10_000, '12:00', { payer: '0911111111' }),
      expect_('g', 'CK9', 20_000, '12:00', { payer: '0922222222' }),
    ];
    payments.push(pay('T4', 'CK9', 30_000, '12:01'));
    const first = run(payments, ledger);
    for (const shuffled of [[...ledger].reverse(), [ledger[3], ledger[7], ledger[5], ledger[1], ledger[0], ledger[6], ledger[4], ledger[2]]]) {
      expect(run(payments, shuffled)).toEqual(first);
    }
    // Both 30 minutes away: the smaller id wins.
    expect(brief(first).slice(0, 2)).toEqual([
      ['MATCHED', 'AMOUNT_TIME', 'T1', 'a'],
      ['MATCHED', 'AMOUNT_TIME', 'T2', 'b'],
    ]);
    expect(brief(first)[3]).toEqual(['MATCHED', 'COMBINED_PAYMENT', 'T4', 'g+h']);
    expect(first[3].payer).toBe('0922222222');
    expect(brief(first).slice(4)).toEqual([
      ['MISSING_IN_STATEMENT', 'UNPAIRED', '', 'c'],
      ['MISSING_IN_STATEMENT', 'UNPAIRED', '', 'e'],
      ['MISSING_IN_STATEMENT', 'UNPAIRED', '', 'f'],
    ]);
  });

  it('totals: gross, reversals, fees, expected and matched (net) amounts and counts per outcome', () => {
    const p = new PaymentTable();
    [pay('T1', 'DH1', 150_000, '08:00'), refund('T2', 'T1', 50_000, '15:00'), pay('T3', 'DH9', 20_000, '09:00')].forEach((r) => p.push(r));
    const l = new LedgerTable();
    [expect_('o1', 'DH1', 100_000, '07:59'), expect_('o2', 'DH2', 5_000, '09:00')].forEach((r) => l.push(r));
    const result = matchPayments(p, l, { toleranceMs: 0, periodStart: DAY_START, periodEnd: DAY_END });
    expect(summarize(p, l, result)).toEqual({
      statementGrossVnd: 170_000,
      reversedVnd: 50_000,
      statementFeeVnd: 1_650 + 220,
      expectedVnd: 105_000,
      matchedVnd: 100_000,
      counts: { MATCHED: 1, AMOUNT_MISMATCH: 0, MISSING_IN_STATEMENT: 1, MISSING_IN_LEDGER: 1, DUPLICATE: 0 },
    });
  });

  it('keeps every amount exact when a row past 2^32 đồng comes after thousands that fit (the columns widen as they go)', () => {
    const big = 9_999_999_999;
    const payments = Array.from({ length: 3000 }, (_, n) => pay(`W${n}`, `DH-W${n}`, 1000 + n, '10:00'));
    payments.push(pay('WBIG', 'DH-BIG', big, '11:00', { feeVnd: 4_294_967_297 }));
    payments.push(pay('WLAST', 'DH-LAST', 4_294_967_295, '12:00'));
    const expected = [...payments.map((p, n) => expect_(`o${n}`, p.reference!, p.amountVnd, '09:30')), expect_('oshort', 'DH-SHORT', 4_294_967_296, '09:30')];
    const items = run(payments, expected);
    expect(items.filter((i) => i.outcome !== ReconciliationOutcome.MATCHED).map((i) => [i.outcome, i.expectedPaymentIds.join()])).toEqual([[ReconciliationOutcome.MISSING_IN_STATEMENT, 'oshort']]);
    const byTxn = new Map(items.map((i) => [i.transactionIds.join(), i]));
    expect(byTxn.get('W0')).toMatchObject({ paidVnd: 1000, expectedVnd: 1000, feeVnd: 11 });
    expect(byTxn.get('W2999')).toMatchObject({ paidVnd: 3999, expectedVnd: 3999 });
    expect(byTxn.get('WBIG')).toMatchObject({ paidVnd: big, expectedVnd: big, feeVnd: 4_294_967_297 });
    expect(byTxn.get('WLAST')).toMatchObject({ paidVnd: 4_294_967_295, expectedVnd: 4_294_967_295 });
    expect(items.find((i) => i.expectedPaymentIds[0] === 'oshort')?.expectedVnd).toBe(4_294_967_296);
  });

  it('compares masked payers digit by digit', () => {
    expect(payerCompatible('0987***321', '0987654321')).toBe(true);
    expect(payerCompatible('0987***321', '0987654322')).toBe(false);
    expect(payerCompatible(null, '1')).toBe(true);
    expect(payerCompatible('12', '123')).toBe(false);
  });
});
