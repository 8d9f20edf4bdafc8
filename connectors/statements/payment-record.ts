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
 */
export interface PaymentRow extends Omit<PaymentRecord, 'occurredAt'> {
  occurredAtMs: number;
}

export function newPaymentRow(): PaymentRow {
  return {
    provider: '',
    transactionId: '',
    reference: null,
    kind: 'PAYMENT',
    originalTransactionId: null,
    amountVnd: 0,
    feeVnd: 0,
    occurredAtMs: 0,
    status: 'SUCCESS',
    payer: null,
    line: 0,
  };
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
