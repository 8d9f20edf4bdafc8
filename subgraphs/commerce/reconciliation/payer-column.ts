/**
 * Payer identifiers (phones, account numbers, often masked: "0987***321") stored as numbers: each
 * character is a digit or "*", 11 symbols, so up to 14 characters fit exactly in a double. Others
 * (letters, longer) are kept as strings aside. Saves a string per row at a million rows.
 */
const MAX_CODED = 14;

export function encodePayer(payer: string | null): number {
  if (payer === null || payer.length > MAX_CODED) return -1;
  let code = 1;
  for (let i = 0; i < payer.length; i++) {
    const c = payer.charCodeAt(i);
    const symbol = c === 42 ? 10 : c - 48;
    if (symbol < 0 || symbol > 10) return -1;
    code = code * 11 + symbol;
  }
  return code;
}

export function decodePayer(code: number): string {
  let text = '';
  while (code > 1) {
    const symbol = code % 11;
    text = (symbol === 10 ? '*' : String(symbol)) + text;
    code = (code - symbol) / 11;
  }
  return text;
}

/** A PayerColumn as plain data, to pass to another thread. */
export interface PayerColumnState {
  codes: Float64Array<ArrayBuffer> | null;
  others: Map<number, string>;
}

export class PayerColumn {
  /** Allocated with the first coded payer: a ledger without payers (orders without a phone) costs nothing. */
  private codes: Float64Array<ArrayBuffer> | null = null;
  private others = new Map<number, string>();

  /** The column as plain data (its buffers, not copies: the column must not be used afterwards). */
  state(): PayerColumnState {
    return { codes: this.codes, others: this.others };
  }

  static from(state: PayerColumnState): PayerColumn {
    const column = new PayerColumn();
    column.codes = state.codes;
    column.others = state.others;
    return column;
  }

  set(row: number, payer: string | null): void {
    if (payer === null) return;
    const code = encodePayer(payer);
    if (code <= 0) {
      this.others.set(row, payer);
      return;
    }
    this.codes ??= new Float64Array(1024);
    if (row >= this.codes.length) {
      let n = this.codes.length;
      while (n <= row) n *= 2;
      const next = new Float64Array(n);
      next.set(this.codes);
      this.codes = next;
    }
    this.codes[row] = code;
  }

  /** Room for `rows` rows, once the column holds coded payers (PaymentTable.reserve). */
  reserve(rows: number): void {
    if (this.codes === null || rows <= this.codes.length) return;
    const next = new Float64Array(rows);
    next.set(this.codes);
    this.codes = next;
  }

  get(row: number): string | null {
    const code = this.codes !== null && row < this.codes.length ? this.codes[row] : 0;
    if (code > 0) return decodePayer(code);
    return this.others.get(row) ?? null;
  }
}
