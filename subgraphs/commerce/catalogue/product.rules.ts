import { invalidInput } from '../../../core/domain-errors.js';
import { isCalendarDate, todayInVietnam } from '../../../core/time.js';
import { isProductCategory, PRODUCT_CATEGORIES } from './categories.js';
import type { VietGapInput } from './product.inputs.js';
import { nfc } from '../../../core/text.js';

const MAX_IMAGES = 10;
const MAX_STOCK = 1_000_000_000;
const MAX_NET_WEIGHT_GRAMS = 1_000_000;

/** Each check throws BAD_USER_INPUT naming the input field; all run before anything is written. */
export function checkName(value: string, field: string): string {
  const name = nfc(value);
  if (!name || name.length > 200) throw invalidInput('The name must be 1 to 200 characters.', field);
  return name;
}

export function checkDescription(value: string, field: string): string {
  const text = nfc(value);
  if (text.length > 5000) throw invalidInput('The description must be at most 5000 characters.', field);
  return text;
}

export function checkCategory(value: string, field: string): string {
  if (!isProductCategory(value)) throw invalidInput(`Unknown category "${value}": use one of ${PRODUCT_CATEGORIES.join(', ')}.`, field);
  return value;
}

export function checkUnit(value: string, field: string): string {
  const unit = nfc(value);
  if (!unit || unit.length > 40) throw invalidInput('The unit must be 1 to 40 characters, e.g. "kg", "quả", "hộp", "chục".', field);
  return unit;
}

export function checkNetWeight(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_NET_WEIGHT_GRAMS) {
    throw invalidInput(`The net weight must be a whole number of grams from 1 to ${MAX_NET_WEIGHT_GRAMS}; omit it when it varies.`, field);
  }
  return value;
}

export function checkPrice(value: number, field: string): number {
  if (value < 1) throw invalidInput('The price must be at least 1 đồng.', field);
  return value;
}

export function checkStock(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_STOCK) throw invalidInput(`Stock must be a whole number from 0 to ${MAX_STOCK}.`, field);
  return value;
}

export function checkImages(values: string[], field: string): string[] {
  if (values.length > MAX_IMAGES) throw invalidInput(`At most ${MAX_IMAGES} images.`, field);
  values.forEach((url, i) => {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw invalidInput(`"${url}" is not an http(s) URL.`, `${field}.${i}`);
  });
  return values;
}

/** VietGAP certificates are valid at most 2 years; an expired one is refused. */
export function checkVietGap(value: VietGapInput, field: string, today = todayInVietnam()): { number: string; expiresOn: string } {
  const number = nfc(value.number);
  if (!number || number.length > 60) throw invalidInput('The VietGAP certificate number must be 1 to 60 characters.', `${field}.number`);
  if (!isCalendarDate(value.expiresOn)) throw invalidInput('The expiry must be a date, yyyy-mm-dd.', `${field}.expiresOn`);
  if (value.expiresOn < today) throw invalidInput(`The VietGAP certificate expired on ${value.expiresOn}: renew it, or leave it out.`, `${field}.expiresOn`);
  const limit = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
  if (value.expiresOn > limit) throw invalidInput(`A VietGAP certificate is valid at most 2 years: an expiry after ${limit} is not possible. Check the date.`, `${field}.expiresOn`);
  return { number, expiresOn: value.expiresOn };
}

export function checkOcopStars(value: number, field: string, allowZero = false): number {
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1) || value > 5) {
    throw invalidInput(`OCOP stars must be a whole number from 1 to 5${allowZero ? ' (0 removes the rating)' : ''}.`, field);
  }
  return value;
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_ATTRIBUTES = 20;

/** Category attributes: unique lower-case names, values 1–200 characters (NFC), at most 20. */
export function checkAttributes(values: readonly { name: string; value: string }[], field: string): Record<string, string> {
  if (values.length > MAX_ATTRIBUTES) throw invalidInput(`At most ${MAX_ATTRIBUTES} attributes.`, field);
  const attributes: Record<string, string> = {};
  values.forEach((a, i) => {
    const name = a.name.trim();
    const value = nfc(a.value.trim());
    if (!ATTRIBUTE_NAME.test(name)) throw invalidInput(`Attribute names are lower-case letters, digits and _ (e.g. "origin"), not "${a.name}".`, `${field}.${i}.name`);
    if (name in attributes) throw invalidInput(`The attribute ${name} is given twice.`, `${field}.${i}.name`);
    if (value.length < 1 || value.length > 200) throw invalidInput(`The value of ${name} must be 1 to 200 characters.`, `${field}.${i}.value`);
    attributes[name] = value;
  });
  return attributes;
}

/** A shipping package: whole grams 1–100000 and centimetres 1–300. */
export function checkPackage(value: { weightGrams: number; lengthCm: number; widthCm: number; heightCm: number }, field: string) {
  if (!Number.isInteger(value.weightGrams) || value.weightGrams < 1 || value.weightGrams > 100_000) throw invalidInput('The package weight must be 1 to 100000 grams.', `${field}.weightGrams`);
  for (const side of ['lengthCm', 'widthCm', 'heightCm'] as const) {
    if (!Number.isInteger(value[side]) || value[side] < 1 || value[side] > 300) throw invalidInput(`The package ${side.replace('Cm', '')} must be 1 to 300 cm.`, `${field}.${side}`);
  }
  return { packageWeightGrams: value.weightGrams, packageLengthCm: value.lengthCm, packageWidthCm: value.widthCm, packageHeightCm: value.heightCm };
}
