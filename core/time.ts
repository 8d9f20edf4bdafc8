/**
 * The hub stores instants in UTC, but "a day" or "a year" in a report is the calendar of
 * Asia/Ho_Chi_Minh (UTC+7, no daylight saving), as the schema guide says.
 */
/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date (yyyy-mm-dd) in Vietnam. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which the given Vietnamese calendar date begins. */
export function startOfVietnamDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+07:00`));
}

/** [start, end) of a calendar year in Vietnam, as UTC instants. */
export function vietnamYearRange(year: number): { start: Date; end: Date } {
  return { start: startOfVietnamDay(`${year}-01-01`), end: startOfVietnamDay(`${year + 1}-01-01`) };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written yyyy-mm-dd (rejects 2021-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** An instant as ISO 8601 in Vietnam time with its offset: "2026-11-01T08:00:00+07:00" (reports, exports). */
export function vietnamIsoTime(date: Date): string {
  return `${new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}
