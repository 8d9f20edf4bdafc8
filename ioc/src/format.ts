import type { Lang } from './i18n.js';

/** Numbers the way the reader writes them: Vietnamese 1.964 and 20,9%; English 1,964 and 20.9%. */
const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatCount(lang: Lang, n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(LOCALES[lang]).format(n);
}

export function formatRate(lang: Lang, rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : new Intl.NumberFormat(LOCALES[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** A whole target such as 50% without a decimal. */
export function formatTarget(lang: Lang, rate: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Money in millions of đồng (a commune's budget reads best as "7.345 triệu"). */
export function formatMillionVnd(lang: Lang, vnd: number | null | undefined): string {
  return vnd === null || vnd === undefined ? '—' : new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(vnd / 1e6);
}
