import { invalidInput } from '../../core/domain-errors.js';

/**
 * The hub's one pair of rules for a person's phone number and citizen identity number, used by
 * every subgraph (dossier applicants, health records, field-report reporters). Each `check*` returns
 * the normalised value or the problem (for rules that collect problems, like imports); each
 * `require*` throws InvalidInputError on `field`.
 */
export type RuleCheck = { ok: true; value: string } | { ok: false; message: string };

/**
 * A phone number: Vietnamese ("0912 345 678", "+84 912.345.678", "84912345678") becomes its national
 * form "0912345678"; a foreign one is kept in E.164 ("+33 6 12 34 56 78" → "+33612345678").
 */
export function checkPhone(value: string): RuleCheck {
  const digits = value.trim().replace(/[\s.\-()]/g, '');
  const local = digits.replace(/^\+?84(?=\d{9,10}$)/, '0');
  if (/^0\d{9,10}$/.test(local)) return { ok: true, value: local };
  if (/^\+[1-9]\d{7,14}$/.test(digits) && !digits.startsWith('+84')) return { ok: true, value: digits };
  return { ok: false, message: `"${value}" is not a phone number: give a Vietnamese number of 10 digits starting with 0, e.g. "0912 345 678", or a foreign one starting with +.` };
}

/**
 * A citizen identity number: the 12 digits of a căn cước (CCCD), or the 9 of an older identity card
 * (CMND), which records made before the switch still carry. Spaces are ignored.
 */
export function checkCitizenId(value: string): RuleCheck {
  const id = value.replace(/\s/g, '');
  if (/^(\d{12}|\d{9})$/.test(id)) return { ok: true, value: id };
  return { ok: false, message: 'A citizen identity number has 12 digits (CCCD), or 9 on an older identity card (CMND).' };
}

function require(check: RuleCheck, field: string): string {
  if (!check.ok) throw invalidInput(check.message, field);
  return check.value;
}

export function requirePhone(value: string, field: string): string {
  return require(checkPhone(value), field);
}

/** Null for an empty value; else the normalised phone, or InvalidInputError on `field`. */
export function optionalPhone(value: string | null | undefined, field: string): string | null {
  return value?.trim() ? requirePhone(value, field) : null;
}

/** Null for an empty value; else the normalised citizen id, or InvalidInputError on `field`. */
export function optionalCitizenId(value: string | null | undefined, field: string): string | null {
  return value?.trim() ? require(checkCitizenId(value), field) : null;
}
