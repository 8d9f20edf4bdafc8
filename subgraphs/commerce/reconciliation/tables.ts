import type { PaymentRecord, PaymentRow } from '../../../connectors/statements/payment-record.js';
import type { JsonBytes } from './json-bytes.js';
import type { ExpectedPaymentColumns, ExpectedPaymentRecord } from './ledger.js';
import { PayerColumn, type PayerColumnState } from './payer-column.js';
import { isNationalFormBytes, payerKey } from './payer-key.rules.js';
import { PackedStrings, type PackedStringsState } from './packed-strings.js';
import { StringIndex, type KeyColumn } from './string-index.js';

/**
 * Column-wise tables for matching: a million rows as a few typed arrays and string arrays instead
 * of a million objects, so that a whole statement and its ledger stay well under 512 MB.
 * Numeric columns are typed arrays that double when full; read them only up to `length`.
 */
function grown<T extends Float64Array | Uint32Array | Uint8Array | Int32Array>(array: T, make: (n: number) => T, size = array.length * 2): T {
  const next = make(size);
  next.set(array);
  return next;
}

const INITIAL = 1024;

/**
 * A column of whole đồng: Uint32 while every value fits (below 4.294.967.296 đồng, nearly every
 * payment), Float64 from the first that does not, exact either way (amounts are bounded by 10^15).
 * At a million rows each such column holds 4 MB instead of 8 MB.
 */
export type VndColumn = Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** `column` with `value` at i: widened to Float64 first when the value does not fit in Uint32. */
function putVnd(column: VndColumn, i: number, value: number): VndColumn {
  if (column instanceof Uint32Array && !(Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff)) column = Float64Array.from(column);
  column[i] = value;
  return column;
}

/** A column twice as long (or `size` long), of the same kind. */
function grownVnd(column: VndColumn, size = column.length * 2): VndColumn {
  return column instanceof Uint32Array ? grown(column, (n) => new Uint32Array(n), size) : grown(column, (n) => new Float64Array(n), size);
}

/** A payment's fields but its time, which the table takes as epoch milliseconds. */
type PaymentFields = Omit<PaymentRecord, 'occurredAt'>;

/**
 * A PaymentTable read without a ledger, as plain data: what a statement read in a worker thread
 * sends back (structured clone, its buffers transferred rather than copied; transferables()).
 */
export interface PaymentTableState {
  transactionIds: PackedStringsState;
  refs: Int32Array<ArrayBuffer>;
  otherReferences: PackedStringsState;
  payers: PayerColumnState;
  payerKeys: Map<number, string | null>;
  amount: VndColumn;
  fee: VndColumn;
  time: Float64Array<ArrayBuffer>;
  line: Uint32Array<ArrayBuffer>;
  reversal: Uint8Array<ArrayBuffer>;
  originals: Map<number, string>;
  count: number;
  fileCount: number;
}

/**
 * The buffers of a state that belong to it alone, each once: safe to transfer. A buffer shared with
 * anything else (Node's small-buffer pool) is left to be copied.
 */
export function transferables(state: PaymentTableState): ArrayBuffer[] {
  const views: ArrayBufferView<ArrayBuffer>[] = [state.transactionIds.bytes, state.transactionIds.ends, state.refs, state.otherReferences.bytes, state.otherReferences.ends, state.amount, state.fee, state.time, state.line, state.reversal];
  if (state.payers.codes) views.push(state.payers.codes);
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) buffers.add(view.buffer);
  return [...buffers];
}

export class PaymentTable {
  private transactionIds = new PackedStrings();
  /**
   * Reference of each row without a string per row: ≥ 0 the ledger's first expectation quoting it
   * (the text is the ledger's), -1 none, ≤ -2 entry −2−r of `otherReferences` (unknown to the ledger).
   */
  private refs = new Int32Array(INITIAL);
  private otherReferences: PackedStrings;
  /** The ledger's length when rows were resolved against it: a ledger grown since may know more references. */
  private ledgerLength = -1;
  private payers = new PayerColumn();
  /** Sparse: most statements already write payers in their matching form. */
  private payerKeys = new Map<number, string | null>();
  /** Gross amount, đồng. */
  amount: VndColumn = new Uint32Array(INITIAL);
  fee: VndColumn = new Uint32Array(INITIAL);
  /** Epoch milliseconds (UTC). */
  time = new Float64Array(INITIAL);
  line = new Uint32Array(INITIAL);
  /** 1 for a reversal row. */
  reversal = new Uint8Array(INITIAL);
  /** Original transaction of reversal rows only (sparse: reversals are few). */
  private originals = new Map<number, string>();
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
  constructor(private ledger?: LedgerTable) {
    // Read without a ledger (in a worker), every reference is held here until resolveReferences
    // keeps the few the ledger lacks: the column is made to be given back at once.
    this.otherReferences = new PackedStrings(!ledger);
  }

  /** The table as plain data (its buffers, not copies: this table must not be used afterwards). Read without a ledger only. */
  state(): PaymentTableState {
    if (this.ledger) throw new Error('only a table read without a ledger is passed on: its references are its own');
    return {
      transactionIds: this.transactionIds.state(),
      refs: this.refs,
      // Resolved against the ledger on the other side, which keeps only the few it lacks.
      otherReferences: this.otherReferences.state(),
      payers: this.payers.state(),
      payerKeys: this.payerKeys,
      amount: this.amount,
      fee: this.fee,
      time: this.time,
      line: this.line,
      reversal: this.reversal,
      originals: this.originals,
      count: this.count,
      fileCount: this.fileCount,
    };
  }

  /** A table from state() of one read elsewhere (a worker thread). */
  static from(state: PaymentTableState): PaymentTable {
    const table = new PaymentTable();
    table.transactionIds = PackedStrings.from(state.transactionIds);
    table.refs = state.refs;
    table.otherReferences = PackedStrings.from(state.otherReferences);
    table.payers = PayerColumn.from(state.payers);
    table.payerKeys = state.payerKeys;
    table.amount = state.amount;
    table.fee = state.fee;
    table.time = state.time;
    table.line = state.line;
    table.reversal = state.reversal;
    table.originals = state.originals;
    table.count = state.count;
    table.fileCount = state.fileCount;
    return table;
  }

  /**
   * For a table read without the ledger (alongside it, in a worker): each reference the ledger
   * knows now points at the ledger's row, whose text it shares, as if the ledger had been given
   * from the start; the others keep a text of their own. Compared as bytes, no string per row.
   */
  resolveReferences(ledger: LedgerTable): void {
    if (this.ledger) throw new Error('the references were resolved against a ledger already');
    const unknown = new PackedStrings();
    const read = this.otherReferences;
    for (let i = 0; i < this.count; i++) {
      const r = this.refs[i];
      if (r === -1) continue;
      const e = ledger.firstWithReferenceOf(read, -2 - r);
      if (e >= 0) this.refs[i] = e;
      else {
        this.refs[i] = -2 - unknown.length;
        unknown.pushRowOf(read, -2 - r);
      }
    }
    unknown.trim();
    read.release();
    this.otherReferences = unknown;
    this.ledger = ledger;
    this.ledgerLength = ledger.length;
  }

  transactionId(i: number): string {
    return this.transactionIds.get(i);
  }

  /** Row i's transaction id as JSON into `out`, from its bytes. */
  transactionIdJson(i: number, out: JsonBytes): void {
    this.transactionIds.writeJson(i, out);
  }

  /**
   * True when row i quotes expectation x's reference, or none (the item's only reference is then
   * the ledger's). False too when that is not known without decoding: a reference the ledger did
   * not know when the row was read, or another ledger.
   */
  quotesReferenceOf(i: number, ledger: LedgerTable, x: number): boolean {
    const r = this.refs[i];
    if (r === -1) return true;
    return r >= 0 && ledger === this.ledger && ledger.sameReference(r, x);
  }

  /** The transaction ids as a hash index reads them (in place, no string per probe). */
  get transactionIdKeys(): KeyColumn {
    return this.transactionIds;
  }

  reference(i: number): string | null {
    const r = this.refs[i];
    if (r >= 0) return this.ledger!.reference(r);
    return r === -1 ? null : this.otherReferences.get(-2 - r);
  }

  /** The first expectation of `ledger` quoting row i's reference, or -1. */
  ledgerRow(i: number, ledger: LedgerTable): number {
    const r = this.refs[i];
    if (ledger === this.ledger && (r >= 0 || ledger.length === this.ledgerLength)) return r >= 0 ? r : -1;
    const reference = this.reference(i);
    return reference === null ? -1 : ledger.firstWithReference(reference);
  }

  originalTransactionId(i: number): string | null {
    return this.originals.get(i) ?? null;
  }

  payer(i: number): string | null {
    return this.payers.get(i);
  }

  /** Row i's payer as JSON into `out`; false, nothing written, when it has none. */
  payerJson(i: number, out: JsonBytes): boolean {
    return this.payers.writeJson(i, out);
  }

  /** The payer as matched (payer-key.rules.ts); held only where it differs from the raw text. */
  payerKey(i: number): string | null {
    return this.payerKeys.has(i) ? this.payerKeys.get(i)! : this.payers.get(i);
  }

  /** Adds a SUCCESS record of the file (the caller leaves pending and failed rows out). */
  push(record: PaymentRecord): void {
    this.pushRow(record, record.occurredAt.getTime());
  }

  /** As push, for a row of the file as a reader fills it: its time given as epoch milliseconds (no Date per row). */
  pushRow(row: PaymentFields | PaymentRow, occurredAtMs: number): void {
    if (this.fileCount !== this.count) throw new Error('statement rows come before carried payments');
    this.append(row, occurredAtMs);
    this.fileCount++;
  }

  /** Adds an open payment of an earlier run, after every row of the file. */
  pushCarried(record: PaymentRecord): void {
    this.append(record, record.occurredAt.getTime());
  }

  /**
   * Room for `rows` rows, and for the texts of the rows to come at `textFactor` times what the rows
   * so far hold: a table whose size is known early grows no more. Each doubling leaves the column
   * it replaces for a full collection to free, which a thread reading a million rows seldom runs:
   * 40 MB of a worker's peak.
   */
  reserve(rows: number, textFactor: number): void {
    if (rows > this.amount.length) this.resize(rows);
    this.transactionIds.reserve(rows, textFactor);
    this.otherReferences.reserve(rows, textFactor);
    this.payers.reserve(rows);
  }

  private resize(size: number): void {
    this.amount = grownVnd(this.amount, size);
    this.fee = grownVnd(this.fee, size);
    this.time = grown(this.time, (n) => new Float64Array(n), size);
    this.line = grown(this.line, (n) => new Uint32Array(n), size);
    this.reversal = grown(this.reversal, (n) => new Uint8Array(n), size);
    this.refs = grown(this.refs, (n) => new Int32Array(n), size);
  }

  private append(record: PaymentFields | PaymentRow, occurredAtMs: number): void {
    const i = this.count;
    if (i === this.amount.length) this.resize(i * 2);
    // A row whose id, reference or payer are still the file's bytes (PaymentRow): taken from them.
    const row = 'textSource' in record ? record : null;
    const source = row?.textSource;
    if (source && row.transactionIdStart >= 0) this.transactionIds.pushBytes(source, row.transactionIdStart, row.transactionIdEnd);
    else this.transactionIds.push(record.transactionId);
    let ref = -1;
    if (source && !this.ledger && row.referenceStart >= 0) {
      ref = -2 - this.otherReferences.length;
      this.otherReferences.pushBytes(source, row.referenceStart, row.referenceEnd);
    }
    const reference = ref === -1 ? record.reference : null;
    if (reference !== null) {
      const e = this.ledger ? this.ledger.firstWithReference(reference) : -1;
      if (e >= 0) ref = e;
      else {
        ref = -2 - this.otherReferences.length;
        this.otherReferences.push(reference);
      }
    }
    // -2 once the ledger grew between rows: then unknown references are looked up again.
    if (this.ledger && this.ledgerLength !== this.ledger.length) this.ledgerLength = this.ledgerLength === -1 ? this.ledger.length : -2;
    this.refs[i] = ref;
    if (source && row.payerStart >= 0) {
      this.payers.setBytes(i, source, row.payerStart, row.payerEnd);
      // Nearly every payer is its own key, told from its bytes; any other is decoded for its key.
      if (!isNationalFormBytes(source, row.payerStart, row.payerEnd)) this.setPayerKey(i, record.payer);
    } else {
      this.payers.set(i, record.payer);
      this.setPayerKey(i, record.payer);
    }
    this.amount = putVnd(this.amount, i, record.amountVnd);
    this.fee = putVnd(this.fee, i, record.feeVnd);
    this.time[i] = occurredAtMs;
    this.line[i] = record.line;
    this.reversal[i] = record.kind === 'REVERSAL' ? 1 : 0;
    if (record.originalTransactionId !== null) this.originals.set(i, record.originalTransactionId);
    this.count++;
  }

  /** Holds row i's payer key where it differs from the payer (payerKey). */
  private setPayerKey(i: number, payer: string | null): void {
    const key = payerKey(payer);
    if (key !== payer) this.payerKeys.set(i, key);
  }

  /** Gives back the packed columns' room for growth once the file is read (carried payments may still come). */
  trim(): void {
    this.transactionIds.trim();
    this.otherReferences.trim();
  }
}

export class LedgerTable implements ExpectedPaymentColumns {
  private readonly ids = new PackedStrings();
  private readonly references = new PackedStrings();
  /** The first row quoting each row's reference (itself for the first): expectations of one checkout, found without hashing. */
  private first = new Int32Array(INITIAL);
  private readonly payers = new PayerColumn();
  /** Sparse: most statements already write payers in their matching form. */
  private readonly payerKeys = new Map<number, string | null>();
  private referenceIndex: StringIndex | null = new StringIndex(this.references);
  amount: VndColumn = new Uint32Array(INITIAL);
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

  /** Row x's id, reference or payer as JSON into `out`, from their bytes and codes (the payer: false, nothing written, when none). */
  idJson(x: number, out: JsonBytes): void {
    this.ids.writeJson(x, out);
  }

  referenceJson(x: number, out: JsonBytes): void {
    this.references.writeJson(x, out);
  }

  payerJson(x: number, out: JsonBytes): boolean {
    return this.payers.writeJson(x, out);
  }

  /** Rows a and b quote the same reference. */
  sameReference(a: number, b: number): boolean {
    return a === b || this.references.sameText(a, b);
  }

  /** The payer as matched (payer-key.rules.ts); held only where it differs from the raw text. */
  payerKey(x: number): string | null {
    return this.payerKeys.has(x) ? this.payerKeys.get(x)! : this.payers.get(x);
  }

  reference(x: number): string {
    return this.references.get(x);
  }

  /** The row after the last one looked up: a statement mostly lists its payments in the ledger's order. */
  private nextGuess = 0;

  /** The first expected payment with this reference, or -1. */
  firstWithReference(reference: string): number {
    if (!this.referenceIndex) throw new Error('the ledger table was released for matching (releaseLookups)');
    // The row after the last one found is compared first, in place: no hash for most rows of a file.
    const guess = this.nextGuess;
    if (guess < this.count && this.references.matches(guess, reference)) {
      this.nextGuess = guess + 1;
      return this.first[guess];
    }
    const x = this.referenceIndex.get(reference);
    if (x >= 0) this.nextGuess = x + 1;
    return x;
  }

  /** As firstWithReference, for the text of row `at` of a packed column (compared as bytes). */
  firstWithReferenceOf(column: PackedStrings, at: number): number {
    if (!this.referenceIndex) throw new Error('the ledger table was released for matching (releaseLookups)');
    const guess = this.nextGuess;
    if (guess < this.count && this.references.sameTextAs(guess, column, at)) {
      this.nextGuess = guess + 1;
      return this.first[guess];
    }
    const x = this.referenceIndex.getRowOf(column, at);
    if (x >= 0) this.nextGuess = x + 1;
    return x;
  }

  /** The first expected payment with the same reference as row x (x itself when it is the first). */
  firstWithSameReference(x: number): number {
    return this.first[x];
  }

  producerId(x: number): string {
    return this.producers[this.producer[x]];
  }

  push(record: ExpectedPaymentRecord): void {
    this.pushValues(record.id, record.reference, record.amountVnd, record.expectedAt.getTime(), record.payer, record.producerId);
  }

  /** As PaymentTable.reserve: room for `rows` rows, their texts at `textFactor` times those held so far. */
  reserve(rows: number, textFactor: number): void {
    if (rows > this.amount.length) this.resize(rows);
    this.ids.reserve(rows, textFactor);
    this.references.reserve(rows, textFactor);
    this.referenceIndex?.reserve(rows);
    this.payers.reserve(rows);
  }

  private resize(size: number): void {
    this.amount = grownVnd(this.amount, size);
    this.time = grown(this.time, (n) => new Float64Array(n), size);
    this.producer = grown(this.producer, (n) => new Uint32Array(n), size);
    this.first = grown(this.first, (n) => new Int32Array(n), size);
  }

  pushValues(id: string, reference: string, amountVnd: number, expectedAtMs: number, payer: string | null, producerId: string): void {
    const x = this.room();
    this.ids.push(id);
    this.references.push(reference);
    if (!this.referenceIndex) throw new Error('the ledger table was released for matching (releaseLookups)');
    const e0 = this.referenceIndex.addIfAbsent(reference, x);
    this.first[x] = e0 >= 0 ? e0 : x;
    this.pushRest(x, amountVnd, expectedAtMs, payer, producerId);
  }

  /** As pushValues, the id and the reference given as their UTF-8 bytes in `source` (fields read in place): no string made for either. */
  pushValuesFromBytes(source: Uint8Array, idStart: number, idEnd: number, referenceStart: number, referenceEnd: number, amountVnd: number, expectedAtMs: number, payer: string | null, producerId: string): void {
    const x = this.room();
    this.ids.pushBytes(source, idStart, idEnd);
    this.references.pushBytes(source, referenceStart, referenceEnd);
    if (!this.referenceIndex) throw new Error('the ledger table was released for matching (releaseLookups)');
    const e0 = this.referenceIndex.addRowIfAbsent(x);
    this.first[x] = e0 >= 0 ? e0 : x;
    this.pushRest(x, amountVnd, expectedAtMs, payer, producerId);
  }

  /** The next row's number, the numeric columns grown for it when full. */
  private room(): number {
    const x = this.count;
    if (x === this.amount.length) this.resize(x * 2);
    return x;
  }

  private pushRest(x: number, amountVnd: number, expectedAtMs: number, payer: string | null, producerId: string): void {
    let p = this.producerIndex.get(producerId);
    if (p === undefined) {
      p = this.producers.length;
      this.producers.push(producerId);
      this.producerIndex.set(producerId, p);
    }
    this.payers.set(x, payer);
    const key = payerKey(payer);
    if (key !== payer) this.payerKeys.set(x, key);
    this.amount = putVnd(this.amount, x, amountVnd);
    this.time[x] = expectedAtMs;
    this.producer[x] = p;
    this.count++;
  }

  /**
   * Drops what only loading and matching use (the reference index and the first-row column, 12 MB
   * at a million rows) once the result is known: storing the items, where the import peaks in
   * memory, reads only the columns. Looking up a reference or adding a row afterwards throws.
   */
  releaseLookups(): void {
    this.referenceIndex = null;
    this.first = new Int32Array(0);
  }

  /** Gives back the packed columns' room for growth once every expectation is loaded. */
  trim(): void {
    this.ids.trim();
    this.references.trim();
  }
}
