import type { PaymentRecord } from '../../../connectors/statements/payment-record.js';
import type { ExpectedPaymentRecord } from './ledger.js';
import { PayerColumn } from './payer-column.js';
import { payerKey } from './payer-key.rules.js';
import { PackedStrings } from './packed-strings.js';
import { StringIndex } from './string-index.js';

/**
 * Column-wise tables for matching: a million rows as a few typed arrays and string arrays instead
 * of a million objects, so that a whole statement and its ledger stay well under 512 MB.
 * Numeric columns are typed arrays that double when full; read them only up to `length`.
 */
function grown<T extends Float64Array | Uint32Array | Uint8Array>(array: T, make: (n: number) => T): T {
  const next = make(array.length * 2);
  next.set(array);
  return next;
}

const INITIAL = 1024;

export class PaymentTable {
  private readonly transactionIds = new PackedStrings();
  readonly reference: (string | null)[] = [];
  private readonly payers = new PayerColumn();
  /** Sparse: most statements already write payers in their matching form. */
  private readonly payerKeys = new Map<number, string | null>();
  /** Gross amount, đồng. */
  amount = new Float64Array(INITIAL);
  fee = new Float64Array(INITIAL);
  /** Epoch milliseconds (UTC). */
  time = new Float64Array(INITIAL);
  line = new Uint32Array(INITIAL);
  /** 1 for a reversal row. */
  reversal = new Uint8Array(INITIAL);
  /** Original transaction of reversal rows only (sparse: reversals are few). */
  private readonly originals = new Map<number, string>();
  private count = 0;
  /** Rows read from the file; rows after them are open payments of earlier runs (pushCarried). */
  private fileCount = 0;

  get length(): number {
    return this.count;
  }

  /** True for a payment carried over from an earlier run, not a row of this file. */
  isCarried(i: number): boolean {
    return i >= this.fileCount;
  }

  /**
   * @param ledger when given (loaded first), a reference the ledger knows is stored as the
   * ledger's own string, so a million references are held once, not twice.
   */
  constructor(private readonly ledger?: LedgerTable) {}

  transactionId(i: number): string {
    return this.transactionIds.get(i);
  }

  originalTransactionId(i: number): string | null {
    return this.originals.get(i) ?? null;
  }

  payer(i: number): string | null {
    return this.payers.get(i);
  }

  /** The payer as matched (payer-key.rules.ts); held only where it differs from the raw text. */
  payerKey(i: number): string | null {
    return this.payerKeys.has(i) ? this.payerKeys.get(i)! : this.payers.get(i);
  }

  /** Adds a SUCCESS record of the file (the caller leaves pending and failed rows out). */
  push(record: PaymentRecord): void {
    if (this.fileCount !== this.count) throw new Error('statement rows come before carried payments');
    this.append(record);
    this.fileCount++;
  }

  /** Adds an open payment of an earlier run, after every row of the file. */
  pushCarried(record: PaymentRecord): void {
    this.append(record);
  }

  private append(record: PaymentRecord): void {
    const i = this.count;
    if (i === this.amount.length) {
      this.amount = grown(this.amount, (n) => new Float64Array(n));
      this.fee = grown(this.fee, (n) => new Float64Array(n));
      this.time = grown(this.time, (n) => new Float64Array(n));
      this.line = grown(this.line, (n) => new Uint32Array(n));
      this.reversal = grown(this.reversal, (n) => new Uint8Array(n));
    }
    this.transactionIds.push(record.transactionId);
    let reference = record.reference;
    if (reference !== null && this.ledger) {
      const e = this.ledger.firstWithReference(reference);
      if (e >= 0) reference = this.ledger.reference[e];
    }
    this.reference.push(reference);
    this.payers.set(i, record.payer);
    const key = payerKey(record.payer);
    if (key !== record.payer) this.payerKeys.set(i, key);
    this.amount[i] = record.amountVnd;
    this.fee[i] = record.feeVnd;
    this.time[i] = record.occurredAt.getTime();
    this.line[i] = record.line;
    this.reversal[i] = record.kind === 'REVERSAL' ? 1 : 0;
    if (record.originalTransactionId !== null) this.originals.set(i, record.originalTransactionId);
    this.count++;
  }
}

export class LedgerTable {
  private readonly ids = new PackedStrings();
  readonly reference: string[] = [];
  private readonly payers = new PayerColumn();
  /** Sparse: most statements already write payers in their matching form. */
  private readonly payerKeys = new Map<number, string | null>();
  private readonly referenceIndex = new StringIndex((x) => this.reference[x]);
  amount = new Float64Array(INITIAL);
  /** Epoch milliseconds (UTC). */
  time = new Float64Array(INITIAL);
  /** Index into `producers` (a pilot has tens of producers, a period a million payments). */
  producer = new Uint32Array(INITIAL);
  private readonly producers: string[] = [];
  private readonly producerIndex = new Map<string, number>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  id(x: number): string {
    return this.ids.get(x);
  }

  payer(x: number): string | null {
    return this.payers.get(x);
  }

  /** The payer as matched (payer-key.rules.ts); held only where it differs from the raw text. */
  payerKey(x: number): string | null {
    return this.payerKeys.has(x) ? this.payerKeys.get(x)! : this.payers.get(x);
  }

  /** The first expected payment with this reference, or -1. */
  firstWithReference(reference: string): number {
    return this.referenceIndex.get(reference);
  }

  producerId(x: number): string {
    return this.producers[this.producer[x]];
  }

  push(record: ExpectedPaymentRecord): void {
    const x = this.count;
    if (x === this.amount.length) {
      this.amount = grown(this.amount, (n) => new Float64Array(n));
      this.time = grown(this.time, (n) => new Float64Array(n));
      this.producer = grown(this.producer, (n) => new Uint32Array(n));
    }
    let p = this.producerIndex.get(record.producerId);
    if (p === undefined) {
      p = this.producers.length;
      this.producers.push(record.producerId);
      this.producerIndex.set(record.producerId, p);
    }
    this.ids.push(record.id);
    this.reference.push(record.reference);
    this.referenceIndex.addIfAbsent(record.reference, x);
    this.payers.set(x, record.payer);
    const key = payerKey(record.payer);
    if (key !== record.payer) this.payerKeys.set(x, key);
    this.amount[x] = record.amountVnd;
    this.time[x] = record.expectedAt.getTime();
    this.producer[x] = p;
    this.count++;
  }
}
