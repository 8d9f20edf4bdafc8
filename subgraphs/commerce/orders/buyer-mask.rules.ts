import { nfc } from '../../../core/text.js';

/** "Nguyễn Văn An" → "N***** V** A*": enough to tell orders apart, not to identify the buyer. */
export function maskName(name: string): string {
  const words = nfc(name).split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  return words.map((w) => [...w][0] + '*'.repeat(Math.max(1, [...w].length - 1))).join(' ');
}

/** "0912345678" → "*******678": the last three digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 3) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 3) + digits.slice(-3);
}
