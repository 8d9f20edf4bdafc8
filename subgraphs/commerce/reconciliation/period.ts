import { isCalendarDate, startOfVietnamDay } from '../../../core/time.js';

/** The period a run covers: one day or one calendar month of Asia/Ho_Chi_Minh, as [start, end). */
export interface Period {
  /** As given: "2026-11-01" or "2026-11". */
  label: string;
  firstDay: string;
  /** Inclusive. */
  lastDay: string;
  start: Date;
  end: Date;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Parses "yyyy-mm-dd" (a settlement day T) or "yyyy-mm" (a month). Throws with what to write instead. */
export function parsePeriod(text: string): Period {
  if (isCalendarDate(text)) {
    return { label: text, firstDay: text, lastDay: text, start: startOfVietnamDay(text), end: startOfVietnamDay(nextDay(text)) };
  }
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const firstDay = `${text}-01`;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const following = month === 12 ? `${year + 1}-01-01` : `${m[1]}-${String(month + 1).padStart(2, '0')}-01`;
    const lastDay = new Date(Date.parse(`${following}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return { label: text, firstDay, lastDay, start: startOfVietnamDay(firstDay), end: startOfVietnamDay(following) };
  }
  throw new Error(`The period "${text}" is neither a day (yyyy-mm-dd, e.g. 2026-11-01) nor a month (yyyy-mm, e.g. 2026-11).`);
}

/** An instant written in Vietnam time, for messages: "2026-11-02 00:05:00 (UTC+7)". */
export function vietnamTime(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} (UTC+7)`;
}
