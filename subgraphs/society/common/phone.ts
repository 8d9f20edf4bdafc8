import { invalidInput } from '../../../core/domain-errors.js';

/** "0912 345 678", "+84 912.345.678", "84912345678" → "0912345678"; BAD_USER_INPUT otherwise. */
export function normalisePhone(value: string, field: string): string {
  const digits = value.replace(/[\s.\-()]/g, '');
  const local = digits.replace(/^\+?84/, '0');
  if (!/^0\d{9,10}$/.test(local)) throw invalidInput(`"${value}" is not a Vietnamese phone number: give 10 digits starting with 0, e.g. "0912 345 678".`, field);
  return local;
}
