import { invalidInput } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';

/** NFC text between min and max characters, else BAD_USER_INPUT naming the field. */
export function requireText(value: string | null | undefined, field: string, min: number, max: number): string {
  const text = nfc(value ?? '');
  if (text.length < min || text.length > max) {
    throw invalidInput(`${field.split('.').pop()} must be ${min} to ${max} characters, got ${text.length}.`, field);
  }
  return text;
}

export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = nfc(value ?? '');
  return text ? requireText(text, field, 1, max) : null;
}
