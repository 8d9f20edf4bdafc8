import type { JsonBytes } from './json-bytes.js';
import { MatchRule, ReconciliationOutcome } from './outcomes.js';
import type { ResultItem } from './result-item.js';
import type { LedgerTable, PaymentTable } from './tables.js';

/**
 * A plain item (item-pack.ts) still in the tables: the statement row and the expected payment of a
 * group matched by reference, one each, paid exactly, nothing reversed, quoting one reference.
 * About 99 % of a run's items are such; going to their pack this way they cost no ResultItem, no
 * five arrays, no two Dates and no four strings each (at a million items: more CPU than the
 * inserts). `item()` gives the ResultItem resultItems would build for the same group.
 */
export class PlainRow {
  constructor(
    readonly seq: number,
    /** The statement row. */
    readonly payment: number,
    /** The expected payment. */
    readonly expectation: number,
    readonly payments: PaymentTable,
    readonly ledger: LedgerTable,
  ) {}

  /** Paid and expected alike, đồng. */
  get vnd(): number {
    return this.payments.amount[this.payment];
  }

  /**
   * The row of a group of one statement row and one expected payment, MATCHED by reference, when
   * it is plain; null when it may not be (a reversal, an amount that differs, another reference, or
   * one not known without decoding): resultItems then builds the item, and isPlainItem decides.
   */
  static of(seq: number, payments: PaymentTable, ledger: LedgerTable, i: number, x: number): PlainRow | null {
    if (payments.reversal[i] || payments.amount[i] !== ledger.amount[x] || !payments.quotesReferenceOf(i, ledger, x)) return null;
    return new PlainRow(seq, i, x, payments, ledger);
  }

  /** As resultItems builds it. */
  item(): ResultItem {
    const { payments, ledger, payment: i, expectation: x } = this;
    return {
      seq: this.seq,
      outcome: ReconciliationOutcome.MATCHED,
      rule: MatchRule.REFERENCE,
      references: [ledger.reference(x)],
      transactionIds: [payments.transactionId(i)],
      lines: [payments.line[i]],
      expectedPaymentIds: [ledger.id(x)],
      producerIds: [ledger.producerId(x)],
      payer: payments.payer(i) ?? ledger.payer(x),
      paidVnd: payments.amount[i],
      reversedVnd: 0,
      feeVnd: payments.fee[i],
      expectedVnd: ledger.amount[x],
      paidAt: new Date(payments.time[i]),
      expectedAt: new Date(ledger.time[x]),
    };
  }

  /** Its producer ("" none), as a pack counts it. */
  get producerId(): string {
    return this.ledger.producerId(this.expectation);
  }

  /** Its packed form (item-pack.ts) as JSON into `out`, the same text JSON.stringify writes for it. */
  writeJson(out: JsonBytes): void {
    const { payments, ledger, payment: i, expectation: x } = this;
    out.char(0x5b);
    out.number(this.seq);
    out.char(0x2c);
    ledger.referenceJson(x, out);
    out.char(0x2c);
    payments.transactionIdJson(i, out);
    out.char(0x2c);
    out.number(payments.line[i]);
    out.char(0x2c);
    ledger.idJson(x, out);
    out.char(0x2c);
    out.string(ledger.producerId(x));
    out.char(0x2c);
    if (!payments.payerJson(i, out) && !ledger.payerJson(x, out)) out.null();
    out.char(0x2c);
    out.number(payments.amount[i]);
    out.char(0x2c);
    out.number(payments.fee[i]);
    out.char(0x2c);
    out.number(instant(payments.time[i]));
    out.char(0x2c);
    out.number(instant(ledger.time[x]));
    out.char(0x5d);
  }
}

/** Epoch milliseconds as a Date holding them gives them back (NaN beyond a Date's range, written null). */
function instant(ms: number): number {
  return Number.isSafeInteger(ms) && Math.abs(ms) <= 8.64e15 ? ms : new Date(ms).getTime();
}
