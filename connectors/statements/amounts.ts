import { RowError } from './row-error.js';

/**
 * Amount formats of statement layouts. Each provider declares exactly one format; a text that does
 * not fit it exactly is a line error, never a guess. "150,000" in a layout whose decimal comma
 * allows only ",00", or "200.000" in a layout of plain digits with an optional ".00", could mean
 * 150 or 150.000 đồng: guessing either way is how amounts silently become 1000× too small.
 */
export interface AmountFormat {
  /** What the layout writes, for messages and the README: `dots group thousands, optional ",00" (1.250.000)`. */
  readonly description: string;
  /** The text → whole đồng, or RowError naming the column. Above MAX_ROW_VND is an error. */
  parse(text: string, column: string): number;
  /**
   * The UTF-8 bytes `bytes[from..end)` → whole đồng when they are an amount of the layout within
   * MAX_ROW_VND, else -1 (then `parse` of their text says why). What a reader calls per row: the
   * field is read where it lies, never made a string.
   */
  scan(bytes: Uint8Array, from: number, end: number): number;
}

/**
 * Per-row maximum: 10.000.000.000 đồng (10 tỷ). No wallet payment to a commune's shops comes near
 * it; a larger number is a format error (an amount × 100 or × 1000). Rows above it are line errors,
 * which also bounds every per-item sum well inside exact double arithmetic.
 */
export const MAX_ROW_VND = 10_000_000_000;

function bounded(value: number, column: string, text: string): number {
  if (!Number.isSafeInteger(value) || value > MAX_ROW_VND) {
    throw new RowError(`${column} "${text}" is above the per-row maximum of 10.000.000.000 đồng: check the file's number format`);
  }
  return value;
}

/**
 * The value the bytes from..end write in one layout, or -1 when they are not in the layout.
 * Scanned by hand over the bytes rather than tested with a regular expression and cut and joined
 * into digits for Number(): a million amounts, no string for any of them. Digits are added up as
 * read: exact up to 2^53, far above MAX_ROW_VND, and never below it once above (so `bounded`
 * decides the same). A layout's texts are ASCII, so a text is scanned as its bytes (asciiBytes).
 */
const NOT_IN_LAYOUT = -1;

let scratch = Buffer.allocUnsafe(64);
/** An ASCII text's bytes (in a buffer reused from call to call), or null for any other text: it is in no layout. */
function asciiBytes(text: string): Buffer | null {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return null;
  if (text.length > scratch.length) scratch = Buffer.allocUnsafe(text.length);
  scratch.write(text, 0, 'latin1');
  return scratch;
}

/** The value scanned from `text`'s bytes, or -1 when it is not ASCII or not in the layout. */
function scanText(text: string, scanner: (bytes: Uint8Array, from: number, end: number) => number): number {
  const bytes = asciiBytes(text);
  return bytes ? scanner(bytes, 0, text.length) : NOT_IN_LAYOUT;
}

/** Whether bytes from..end end in the mark then "00": the optional ",00" or ".00" of a layout. */
function endsWithZeroFraction(bytes: Uint8Array, from: number, end: number, mark: number): boolean {
  return end - from >= 3 && bytes[end - 3] === mark && bytes[end - 2] === 48 && bytes[end - 1] === 48;
}

/** The digits from..end as a number: "0" alone, or digits without a leading zero (0|[1-9]\d*); else -1. */
function plainDigits(bytes: Uint8Array, from: number, end: number): number {
  if (end <= from) return NOT_IN_LAYOUT;
  if (bytes[from] === 48) return end - from === 1 ? 0 : NOT_IN_LAYOUT;
  let value = 0;
  for (let i = from; i < end; i++) {
    const d = bytes[i] - 48;
    if (!(d >= 0 && d <= 9)) return NOT_IN_LAYOUT;
    value = value * 10 + d;
  }
  return value;
}

/** As /^(?:0|[1-9]\d{0,2}(?:\.\d{3})*)(?:,00)?$/ (DOT_GROUPED) reads it. */
function dotGroupedValue(bytes: Uint8Array, from: number, to: number): number {
  const end = endsWithZeroFraction(bytes, from, to, 44) ? to - 3 : to;
  // The first group: one to three digits up to the first dot.
  let dot = from;
  while (dot < end && bytes[dot] !== 46) dot++;
  if (dot - from > 3) return NOT_IN_LAYOUT;
  let value = plainDigits(bytes, from, dot);
  if (value < 0 || (value === 0 && dot < end)) return NOT_IN_LAYOUT;
  // Then ".ddd" groups to the end.
  for (let i = dot; i < end; i += 4) {
    if (i + 4 > end || bytes[i] !== 46) return NOT_IN_LAYOUT;
    for (let k = i + 1; k < i + 4; k++) {
      const d = bytes[k] - 48;
      if (!(d >= 0 && d <= 9)) return NOT_IN_LAYOUT;
      value = value * 10 + d;
    }
  }
  return value;
}

/** A scanned value within the per-row maximum, else -1 (`parse` then says it is above). */
function withinRowMaximum(value: number): number {
  return value <= MAX_ROW_VND ? value : NOT_IN_LAYOUT;
}

/**
 * Vietnamese grouping, strictly: dots between groups of three digits, first group without a
 * leading zero, optionally ",00" (a zero đồng fraction). "150.000", "1.250.000", "880", "150.000,00".
 * Not "150000" (ungrouped), not "150,000" (comma grouping or a three-digit fraction: ambiguous),
 * not "150.000,50" (a fraction of a đồng).
 */
const DOT_GROUPED_TEXT = 'dots group thousands, optional ",00" (e.g. 1.250.000 or 1.250.000,00)';
export const DOT_GROUPED_VND: AmountFormat = {
  description: DOT_GROUPED_TEXT,
  scan: (bytes, from, end) => withinRowMaximum(dotGroupedValue(bytes, from, end)),
  parse(text, column) {
    const value = scanText(text, dotGroupedValue);
    if (value === NOT_IN_LAYOUT) {
      if (/^\d[\d.]*,\d*[1-9]\d*$/.test(text) && /,\d{1,2}$/.test(text)) {
        throw new RowError(`${column} "${text}" has a fraction of a đồng; VND amounts are whole numbers`);
      }
      const hint = /,\d{3}/.test(text)
        ? ': a comma here is the decimal mark, so "150,000" could mean 150 or 150.000 đồng; the row is refused rather than guessed'
        : '';
      throw new RowError(`${column} "${text}" is not an amount in this layout's format, ${DOT_GROUPED_TEXT}${hint}`);
    }
    return bounded(value, column, text);
  },
};

const PLAIN = /^(?:0|[1-9]\d*)(?:\.00)?$/;

/** As PLAIN reads it. */
function plainValue(bytes: Uint8Array, from: number, end: number): number {
  return plainDigits(bytes, from, endsWithZeroFraction(bytes, from, end, 46) ? end - 3 : end);
}

/**
 * Plain digits, optionally ".00" (bank exports): "150000", "150000.00". Not "200.000" (a
 * three-digit fraction or dot grouping: ambiguous), not "150000.50" (a fraction of a đồng).
 */
const PLAIN_TEXT = 'plain digits, optional ".00" (e.g. 150000 or 150000.00)';
export const PLAIN_VND: AmountFormat = {
  description: PLAIN_TEXT,
  scan: (bytes, from, end) => withinRowMaximum(plainValue(bytes, from, end)),
  parse(text, column) {
    const value = scanText(text, plainValue);
    if (value === NOT_IN_LAYOUT) {
      if (/^\d+\.\d?[1-9]\d?$/.test(text) && /\.\d{1,2}$/.test(text)) throw new RowError(`${column} "${text}" has a fraction of a đồng; VND amounts are whole numbers`);
      const hint = /\.\d{3}/.test(text)
        ? ': this layout writes no thousands separator, so "200.000" could mean 200 or 200.000 đồng; the row is refused rather than guessed'
        : '';
      throw new RowError(`${column} "${text}" is not an amount in this layout's format, ${PLAIN_TEXT}${hint}`);
    }
    return bounded(value, column, text);
  },
};

/** A control total in the plain format: exact (bigint) and without the per-row maximum. */
export function parsePlainTotal(text: string, column: string): bigint {
  if (!PLAIN.test(text)) throw new RowError(`${column} "${text}" is not a total in this layout's format, ${PLAIN_TEXT}`);
  const dot = text.indexOf('.');
  return BigInt(dot < 0 ? text : text.slice(0, dot));
}

/**
 * Gateway convention (like VNPAY's vnp_Amount): the amount × 100, digits only. "15000000" is
 * 150.000 đồng; "15000050" would be 150.000,50 đồng, which cannot exist.
 */
export const HUNDREDTHS_VND: AmountFormat = {
  description: 'the amount × 100 as digits only (e.g. 15000000 for 150.000 đồng)',
  scan(bytes, from, end) {
    // Up to 15 digits the sum is exact; longer texts are above the maximum, which `parse` words.
    const hundredths = end - from <= 15 ? plainDigits(bytes, from, end) : NOT_IN_LAYOUT;
    return hundredths >= 0 && hundredths % 100 === 0 ? withinRowMaximum(hundredths / 100) : NOT_IN_LAYOUT;
  },
  parse(text, column) {
    if (!/^(?:0|[1-9]\d*)$/.test(text)) throw new RowError(`${column} "${text}" is not an amount × 100 (expected digits only, e.g. 15000000 for 150.000 đồng)`);
    if (text.length > 18) return bounded(Number.POSITIVE_INFINITY, column, text);
    const hundredths = Number(text);
    if (hundredths % 100 !== 0) {
      throw new RowError(`${column} "${text}" is ${hundredths / 100} đồng, a fraction of a đồng: this provider sends amounts × 100, so they must end in 00`);
    }
    return bounded(hundredths / 100, column, text);
  },
};
