import { invalidInput } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import { optionalText } from '../common/input-text.js';

const BLOOD_TYPES = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'];

/** A date of care: not in the future (Vietnam calendar) and not before the person was born. */
export function requireCareDate(date: string, birthDate: string, field: string): string {
  if (date > todayInVietnam()) throw invalidInput(`${date} is in the future: record care once it has happened.`, field);
  if (date < birthDate) throw invalidInput(`${date} is before the date of birth (${birthDate}).`, field);
  return date;
}

export function optionalIcd10(value: string | null | undefined, field: string): string | null {
  const code = value?.trim().toUpperCase();
  if (!code) return null;
  if (!/^[A-Z]\d{2}(\.\d{1,2})?$/.test(code)) throw invalidInput(`"${value}" is not an ICD-10 code: a letter, two digits and an optional decimal, e.g. "I10" or "E11.9".`, field);
  return code;
}

export function optionalInsuranceNumber(value: string | null | undefined, field: string): string | null {
  const number = value?.replace(/\s/g, '').toUpperCase();
  if (!number) return null;
  if (!/^[A-Z]{2}\d{13}$/.test(number)) throw invalidInput('A health insurance card number (mã thẻ BHYT) is 2 letters and 13 digits, e.g. "GD4171234567890".', field);
  return number;
}

export function optionalBloodType(value: string | null | undefined, field: string): string | null {
  const type = value?.replace(/\s/g, '').toUpperCase();
  if (!type) return null;
  if (!BLOOD_TYPES.includes(type)) throw invalidInput(`Blood group must be one of ${BLOOD_TYPES.join(', ')}.`, field);
  return type;
}

export function optionalBloodPressure(value: string | null | undefined, field: string): string | null {
  const text = optionalText(value, field, 7);
  if (!text) return null;
  const m = /^(\d{2,3})\/(\d{2,3})$/.exec(text);
  if (!m || Number(m[1]) <= Number(m[2])) throw invalidInput('Blood pressure is "systolic/diastolic" in mmHg, systolic above diastolic, e.g. "120/80".', field);
  return text;
}

export function optionalNumberIn(value: number | null | undefined, min: number, max: number, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < min || value > max) throw invalidInput(`${field.split('.').pop()} must be between ${min} and ${max}, got ${value}.`, field);
  return value;
}
