/** Calendar helpers for generating pilot records spread over a year (Vietnam calendar, UTC+7). */

export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
}

/** The n-th day (0-based) of the year, yyyy-mm-dd. */
export function dayOfYear(year: number, n: number): string {
  return new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10);
}

/** An instant at a Vietnam wall-clock time on a date. */
export function vietnamInstant(date: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`));
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
