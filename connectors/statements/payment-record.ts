/**
 * The canonical payment record every statement reader produces, whatever the provider's layout.
 * Amounts are whole đồng (VND has no minor unit); the reader converts at the edge (×100 amounts,
 * "150.000" thousands separators, net amounts plus fee back to gross).
 */
export type PaymentKind = 'PAYMENT' | 'REVERSAL';
export type PaymentStatus = 'SUCCESS' | 'PENDING' | 'FAILED';

export interface PaymentRecord {
  /** Provider code, e.g. "viettel-money" (registry.ts). */
  provider: string;
  /** The provider's own transaction id, unique within the provider. */
  transactionId: string;
  /** The merchant reference the payer gave (order or checkout code); null when the row has none. */
  reference: string | null;
  /** A payment into the merchant account, or a reversal/refund of an earlier payment. */
  kind: PaymentKind;
  /** For a reversal: the transaction it reverses, when the provider says. */
  originalTransactionId: string | null;
  /** Gross amount in đồng: what the payer paid (or what a reversal gives back), always > 0. */
  amountVnd: number;
  /** Provider fee in đồng charged to the merchant for this row (0 when none). Net = amount − fee. */
  feeVnd: number;
  /** When the transaction happened, as a UTC instant. */
  occurredAt: Date;
  /** Only SUCCESS rows move money; the others are read (and validated) but not matched. */
  status: PaymentStatus;
  /** Payer account or phone as the provider shows it (often masked); null when absent. */
  payer: string | null;
  /** 1-based line of the file the row came from. */
  line: number;
}

/**
 * A record as a reader fills it: the same fields, the instant as epoch milliseconds. One object
 * is filled again for every row of a file (newPaymentRow), so a million-row import builds no
 * record and no Date per row on its way into the payment table; readStatement copies each into a
 * PaymentRecord.
 *
 * A reader may leave the transaction id, the reference and the payer in the file's bytes
 * (setTransactionIdBytes, setReferenceBytes, setPayerBytes: ASCII texts, RowFields.isAsciiText),
 * valid until the next row: they become strings only when read, and the payment table takes them
 * from the bytes (a million rows: three strings a row fewer, made and encoded back, on the thread
 * that reads the file).
 */
export interface PaymentRow extends Omit<PaymentRecord, 'occurredAt'> {
  occurredAtMs: number;
  /** The bytes the fields below lie in, when one of them is left there; else null. */
  readonly textSource: Buffer | null;
  /** Where the transaction id lies in textSource, or −1 when it is a string. */
  readonly transactionIdStart: number;
  readonly transactionIdEnd: number;
  /** Where the reference lies in textSource, or −1 when it is a string or null. */
  readonly referenceStart: number;
  readonly referenceEnd: number;
  /** Where the payer lies in textSource, or −1 when it is a string or null. */
  readonly payerStart: number;
  readonly payerEnd: number;
  setTransactionIdBytes(source: Buffer, start: number, end: number): void;
  setReferenceBytes(source: Buffer, start: number, end: number): void;
  setPayerBytes(source: Buffer, start: number, end: number): void;
}

class ReusedPaymentRow implements PaymentRow {
  provider = '';
  kind: PaymentKind = 'PAYMENT';
  originalTransactionId: string | null = null;
  amountVnd = 0;
  feeVnd = 0;
  occurredAtMs = 0;
  status: PaymentStatus = 'SUCCESS';
  line = 0;
  textSource: Buffer | null = null;
  transactionIdStart = -1;
  transactionIdEnd = -1;
  referenceStart = -1;
  referenceEnd = -1;
  payerStart = -1;
  payerEnd = -1;
  private transactionIdText = '';
  private referenceText: string | null = null;
  private payerText: string | null = null;

  get transactionId(): string {
    if (this.transactionIdStart >= 0) {
      this.transactionIdText = this.textSource!.toString('latin1', this.transactionIdStart, this.transactionIdEnd);
      this.transactionIdStart = this.transactionIdEnd = -1;
    }
    return this.transactionIdText;
  }

  set transactionId(value: string) {
    this.transactionIdText = value;
    this.transactionIdStart = this.transactionIdEnd = -1;
  }

  get reference(): string | null {
    if (this.referenceStart >= 0) {
      this.referenceText = this.textSource!.toString('latin1', this.referenceStart, this.referenceEnd);
      this.referenceStart = this.referenceEnd = -1;
    }
    return this.referenceText;
  }

  set reference(value: string | null) {
    this.referenceText = value;
    this.referenceStart = this.referenceEnd = -1;
  }

  get payer(): string | null {
    if (this.payerStart >= 0) {
      this.payerText = this.textSource!.toString('latin1', this.payerStart, this.payerEnd);
      this.payerStart = this.payerEnd = -1;
    }
    return this.payerText;
  }

  set payer(value: string | null) {
    this.payerText = value;
    this.payerStart = this.payerEnd = -1;
  }

  setTransactionIdBytes(source: Buffer, start: number, end: number): void {
    this.textSource = source;
    this.transactionIdStart = start;
    this.transactionIdEnd = end;
  }

  setReferenceBytes(source: Buffer, start: number, end: number): void {
    this.textSource = source;
    this.referenceStart = start;
    this.referenceEnd = end;
  }

  setPayerBytes(source: Buffer, start: number, end: number): void {
    this.textSource = source;
    this.payerStart = start;
    this.payerEnd = end;
  }
}

export function newPaymentRow(): PaymentRow {
  return new ReusedPaymentRow();
}

/** The row as a record of its own (it is filled again with the next row). */
export function toPaymentRecord(row: PaymentRow): PaymentRecord {
  return {
    provider: row.provider,
    transactionId: row.transactionId,
    reference: row.reference,
    kind: row.kind,
    originalTransactionId: row.originalTransactionId,
    amountVnd: row.amountVnd,
    feeVnd: row.feeVnd,
    occurredAt: new Date(row.occurredAtMs),
    status: row.status,
    payer: row.payer,
    line: row.line,
  };
}
