import { foldForSearch } from '../../../core/text.js';

/**
 * The form of a payer identifier used for matching; the raw text is kept for display.
 *
 * - Phones and account numbers (digits, with "*" or "x" masking some): separators dropped, masks
 *   written "*", and a Vietnamese number's international forms +84… / 84… written as its national
 *   form 0…: VNPT's "84868***123" and "+84 868 123 123" both become "0868***123" / "0868123123".
 * - Names: NFC, case and diacritics folded, spaces collapsed ("NGUYỄN  Văn A" → "nguyen van a"),
 *   so an NFD export matches the NFC ledger.
 *
 * Returns null for an empty identifier (it constrains nothing).
 */
export function payerKey(raw: string | null): string | null {
  if (raw === null) return null;
  if (isNationalForm(raw)) return raw;
  const text = raw.normalize('NFC').trim();
  if (text === '') return null;
  const compact = text.replace(/[\s.\-()]/g, '');
  if (/^\+?[\d*xX•]+$/.test(compact) && /\d{2}/.test(compact)) {
    const masked = compact.replace(/[xX•]/g, '*');
    // +84 / 84 then the 9 (mobile) or 10 (landline) symbols after the national 0.
    return masked.replace(/^\+?84(?=[1-9*][\d*]{8,9}$)/, '0');
  }
  return foldForSearch(text);
}

/**
 * Already its own key: "0" then digits and "*" only, two digits in a row somewhere. What nearly
 * every statement row and ledger entry holds; checked without the normalising and regular
 * expressions above, which cost a second of a million-row import.
 */
function isNationalForm(raw: string): boolean {
  if (raw.length < 2 || raw.charCodeAt(0) !== 48) return false;
  let state = PREVIOUS_DIGIT;
  for (let i = 1; i < raw.length && state >= 0; i++) state = nationalFormStep(state, raw.charCodeAt(i));
  return state >= PAIR;
}

/**
 * isNationalForm of an ASCII payer read in place, `bytes[start..end)` (the statement's bytes): true
 * when payerKey would give the text back as it is, so the key needs no string of its own.
 */
export function isNationalFormBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < 2 || bytes[start] !== 48) return false;
  let state = PREVIOUS_DIGIT;
  for (let i = start + 1; i < end && state >= 0; i++) state = nationalFormStep(state, bytes[i]);
  return state >= PAIR;
}

/** The scan of isNationalForm: whether the symbol before was a digit, whether two came in a row; −1 past anything but a digit or "*". */
const PREVIOUS_DIGIT = 1;
const PAIR = 2;
function nationalFormStep(state: number, c: number): number {
  if (c === 42) return state & PAIR;
  if (c < 48 || c > 57) return -1;
  return state & PREVIOUS_DIGIT ? PAIR | PREVIOUS_DIGIT : state | PREVIOUS_DIGIT;
}

/** True when two payer keys can be the same person: either unknown, equal, or equal where one side is masked. */
export function payerKeysCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && x !== 42 && y !== 42) return false;
  }
  return true;
}
