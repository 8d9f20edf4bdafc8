import { randomInt } from 'node:crypto';
import { invalidInput } from '../../../core/domain-errors.js';

/** No 0/O, 1/I/L or U: a code read out over the phone survives. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 5;

/**
 * A receipt code, "PA-XXXXX-XXXXX": 10 random characters of 30 (about 49 bits), so codes cannot
 * be guessed. Whoever holds it can follow the report and reopen it; it is never shown on the report.
 */
export function newReceiptCode(): string {
  const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `PA-${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
}

/** Accepts any case, spaces or dashes ("pa 7kq3m x9d2f"); BAD_USER_INPUT for something that cannot be a code. */
export function normaliseReceiptCode(value: string, field: string): string {
  const compact = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = compact.startsWith('PA') ? compact.slice(2) : compact;
  if (body.length !== GROUP * 2 || [...body].some((c) => !ALPHABET.includes(c))) {
    throw invalidInput('That is not a field-report receipt code: it looks like "PA-7KQ3M-X9D2F", as given when the report was sent.', field);
  }
  return `PA-${body.slice(0, GROUP)}-${body.slice(GROUP)}`;
}
