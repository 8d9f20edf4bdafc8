import { randomBytes } from 'node:crypto';
import { invalidInput } from '../../../core/domain-errors.js';
import { foldForSearch } from '../../../core/text.js';
import { requirePhone } from '../../shared/contact.rules.js';
import { optionalText, requireText } from '../common/input-text.js';

export const MAX_GROUPS = 10;

export interface SubscriberFields {
  phone: string;
  village: string | null;
  villageKey: string | null;
  groups: string[];
  consentAt: Date;
}

/** A village or group as audiences match it: folded, so "Xóm Mới" and "xom moi" are one. */
export function audienceKey(value: string): string {
  return foldForSearch(value).replace(/\s+/g, ' ').trim();
}

/** Validates a subscription; every problem names its input field. */
export function checkSubscriber(input: { phone: string; village?: string | null; groups?: string[] | null; consentAt?: Date | null }, now: Date): SubscriberFields {
  const phone = requirePhone(input.phone, 'input.phone');
  const village = optionalText(input.village, 'input.village', 100);
  const groups = input.groups ?? [];
  if (groups.length > MAX_GROUPS) throw invalidInput(`Give at most ${MAX_GROUPS} groups.`, 'input.groups');
  const keys = groups.map((g, i) => audienceKey(requireText(g, `input.groups.${i}`, 1, 50)));
  const consentAt = input.consentAt ?? now;
  if (Number.isNaN(consentAt.getTime()) || consentAt.getTime() > now.getTime() + 60_000) throw invalidInput('consentAt is in the future: give when the resident agreed.', 'input.consentAt');
  return { phone, village, villageKey: village ? audienceKey(village) : null, groups: [...new Set(keys)], consentAt };
}

/** 10 characters of an unambiguous alphabet (no 0/O, 1/I/L): 50 bits, read aloud or typed from an SMS. */
export function newOptOutCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function checkOptOutCode(value: string): string {
  const code = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-HJKMNP-Z2-9]{10}$/.test(code)) throw invalidInput('The opt-out code is the 10 letters and digits printed under the announcement.', 'input.code');
  return code;
}

/** "0912345678" → "091•••••78": enough for an officer to tell subscribers apart, not to call them. */
export function maskPhone(phone: string): string {
  if (phone.length <= 5) return '•'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'•'.repeat(phone.length - 5)}${phone.slice(-2)}`;
}
