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
 * The value of `text` read by a scanner of one layout, or -1 when the text is not in the layout.
 * Scanned by hand rather than tested with a regular expression and then cut and joined into digits
 * for Number(): a million amounts, a string or two less each. Digits are added up as read: exact up
 * to 2^53, far above MAX_ROW_VND, and never below it once above (so `bounded` decides the same).
 */
const NOT_IN_LAYOUT = -1;

/** Whether `text` ends in the mark then "00": the optional ",00" or ".00" of a layout. */
function endsWithZeroFraction(text: string, mark: number): boolean {
  const n = text.length;
  return n >= 3 && text.charCodeAt(n - 3) === mark && text.charCodeAt(n - 2) === 48 && text.charCodeAt(n - 1) === 48;
}

/** The digits from..end as a number: "0" alone, or digits without a leading zero (0|[1-9]\d*); else -1. */
function plainDigits(text: string, from: number, end: number): number {
  if (end <= from) return NOT_IN_LAYOUT;
  if (text.charCodeAt(from) === 48) return end - from === 1 ? 0 : NOT_IN_LAYOUT;
  let value = 0;
  for (let i = from; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return NOT_IN_LAYOUT;
    value = value * 10 + d;
  }
  return value;
}

/** As /^(?:0|[1-9]\d{0,2}(?:\.\d{3})*)(?:,00)?$/ (DOT_GROUPED) reads it. */
function dotGroupedValue(text: string): number {
  const end = endsWithZeroFraction(text, 44) ? text.length - 3 : text.length;
  // The first group: one to three digits up to the first dot.
  let dot = text.indexOf('.');
  if (dot < 0 || dot > end) dot = end;
  if (dot > 3) return NOT_IN_LAYOUT;
  let value = plainDigits(text, 0, dot);
  if (value < 0 || (value === 0 && dot < end)) return NOT_IN_LAYOUT;
  // Then ".ddd" groups to the end.
  for (let i = dot; i < end; i += 4) {
    if (i + 4 > end || text.charCodeAt(i) !== 46) return NOT_IN_LAYOUT;
    for (let k = i + 1; k < i + 4; k++) {
      const d = text.charCodeAt(k) - 48;
      if (!(d >= 0 && d <= 9)) return NOT_IN_LAYOUT;
      value = value * 10 + d;
    }
  }
  return value;
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
  parse(text, column) {
    const value = dotGroupedValue(text);
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
function plainValue(text: string): number {
  return plainDigits(text, 0, endsWithZeroFraction(text, 46) ? text.length - 3 : text.length);
}

/**
 * Plain digits, optionally ".00" (bank exports): "150000", "150000.00". Not "200.000" (a
 * three-digit fraction or dot grouping: ambiguous), not "150000.50" (a fraction of a đồng).
 */
const PLAIN_TEXT = 'plain digits, optional ".00" (e.g. 150000 or 150000.00)';
export const PLAIN_VND: AmountFormat = {
  description: PLAIN_TEXT,
  parse(text, column) {
    const value = plainValue(text);
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
