import type { JsonBytes } from './json-bytes.js';

/**
 * Payer identifiers (phones, account numbers, often masked: "0987***321") stored as numbers: each
 * character is a digit or "*", 11 symbols, so up to 14 characters fit exactly in a double. Others
 * (letters, longer) are kept as strings aside. Saves a string per row at a million rows.
 */
const MAX_CODED = 14;

export function encodePayer(payer: string | null): number {
  if (payer === null || payer.length > MAX_CODED) return -1;
  let code = 1;
  for (let i = 0; i < payer.length && code > 0; i++) code = withSymbol(code, payer.charCodeAt(i));
  return code;
}

/** encodePayer of the ASCII text `bytes[start..end)`, read in place. */
function encodePayerBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start > MAX_CODED) return -1;
  let code = 1;
  for (let i = start; i < end && code > 0; i++) code = withSymbol(code, bytes[i]);
  return code;
}

/** The code followed by character c (a digit or "*"), or −1 for any other. */
function withSymbol(code: number, c: number): number {
  const symbol = c === 42 ? 10 : c - 48;
  return symbol < 0 || symbol > 10 ? -1 : code * 11 + symbol;
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

/** A coded payer's characters, filled from the end (the last symbol comes out of the code first). */
const symbols = new Uint8Array(MAX_CODED);
const LOW_SYMBOLS = 8;
/** 11^8, below 2^31. */
const LOW_SYMBOLS_BASE = 11 ** LOW_SYMBOLS;

/**
 * The symbols of an int32 part of a code into `symbols`, ending before `end`: exactly `count` of
 * them (a lower part, zeros kept), or with count 0 all but the leading 1 of the code. Returns where they start.
 */
function symbolsOf(code: number, end: number, count: number): number {
  let at = end;
  for (let k = 0; count ? k < count : code > 1; k++) {
    const rest = (code / 11) | 0;
    const symbol = code - rest * 11;
    symbols[--at] = symbol === 10 ? 0x2a : 0x30 + symbol;
    code = rest;
  }
  return at;
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
    if (code <= 0) this.others.set(row, payer);
    else this.setCode(row, code);
  }

  /** As set, for an ASCII payer read in place, `bytes[start..end)`: a coded one makes no string. */
  setBytes(row: number, bytes: Buffer, start: number, end: number): void {
    const code = encodePayerBytes(bytes, start, end);
    if (code <= 0) this.others.set(row, bytes.toString('latin1', start, end));
    else this.setCode(row, code);
  }

  private setCode(row: number, code: number): void {
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

  /** The payer of `row` as a JSON string into `out` (a coded one without a string made); false, nothing written, when it has none. */
  writeJson(row: number, out: JsonBytes): boolean {
    const code = this.codes !== null && row < this.codes.length ? this.codes[row] : 0;
    if (code > 0) {
      // In int32 arithmetic: the last 8 symbols apart first when there are more (a phone's code is
      // about 11^11), since a double's remainder, a dozen times a payer, cost more than the rest.
      let at = MAX_CODED;
      let rest = code;
      if (code >= LOW_SYMBOLS_BASE) {
        const high = Math.floor(code / LOW_SYMBOLS_BASE);
        at = symbolsOf((code - high * LOW_SYMBOLS_BASE) | 0, at, LOW_SYMBOLS);
        rest = high;
      }
      out.utf8String(symbols, symbolsOf(rest | 0, at, 0), MAX_CODED);
      return true;
    }
    const other = this.others.get(row);
    if (other === undefined) return false;
    out.string(other);
    return true;
  }

  get(row: number): string | null {
    const code = this.codes !== null && row < this.codes.length ? this.codes[row] : 0;
    if (code > 0) return decodePayer(code);
    return this.others.get(row) ?? null;
  }
}
