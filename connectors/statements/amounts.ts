import { MAX_VND } from '../../core/graphql/scalars.js';
import { RowError } from './row-error.js';

/** Amount parsers for the number formats statements use. Each returns whole đồng or throws RowError. */

function checked(value: number, column: string, text: string): number {
  if (!Number.isSafeInteger(value) || value > MAX_VND) {
    throw new RowError(`${column} "${text}" is above the limit of ${MAX_VND} đồng: check the file's number format`);
  }
  return value;
}

const GROUPED = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/**
 * Vietnamese grouping: "150.000" or "150000", optionally ",00". A non-zero decimal part is a
 * fraction of a đồng, which VND does not have.
 */
export function parseGroupedVnd(text: string, column: string): number {
  const m = GROUPED.exec(text);
  if (!m) throw new RowError(`${column} "${text}" is not an amount in đồng (expected e.g. 150.000 or 150000)`);
  if (m[2] !== undefined && /[1-9]/.test(m[2])) {
    throw new RowError(`${column} "${text}" has a fraction of a đồng; VND amounts are whole numbers`);
  }
  return checked(Number(m[1].replace(/\./g, '')), column, text);
}

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/** Plain digits, "150000", optionally ".00" (bank exports). A non-zero decimal part is rejected. */
export function parsePlainVnd(text: string, column: string): number {
  const m = PLAIN.exec(text);
  if (!m) throw new RowError(`${column} "${text}" is not an amount in đồng (expected digits, e.g. 150000)`);
  if (m[2] !== undefined && /[1-9]/.test(m[2])) {
    throw new RowError(`${column} "${text}" has a fraction of a đồng; VND amounts are whole numbers`);
  }
  return checked(Number(m[1]), column, text);
}

/**
 * Gateway convention (like VNPAY's vnp_Amount): the amount × 100, as digits. "15000000" is
 * 150.000 đồng; "15000050" would be 150.000,50 đồng, which cannot exist.
 */
export function parseHundredthsVnd(text: string, column: string): number {
  if (!/^\d+$/.test(text)) throw new RowError(`${column} "${text}" is not an amount × 100 (expected digits only, e.g. 15000000 for 150.000 đồng)`);
  const hundredths = Number(text);
  if (hundredths % 100 !== 0) {
    throw new RowError(`${column} "${text}" is ${hundredths / 100} đồng, a fraction of a đồng: this provider sends amounts × 100, so they must end in 00`);
  }
  return checked(hundredths / 100, column, text);
}
