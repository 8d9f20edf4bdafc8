import { VIETNAM_OFFSET_MS } from '../../core/time.js';
import { RowError } from './row-error.js';

/**
 * The UTC instant of a wall-clock time read in a zone `offsetMinutes` east of UTC. Rejects dates
 * that do not exist (31/11) instead of letting Date roll them over.
 */
export function wallClockToUtc(
  text: string,
  column: string,
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  offsetMinutes: number,
): Date {
  const { year, month, day, hour, minute, second } = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new RowError(`${column} "${text}" is not a real date and time`);
  }
  return new Date(ms - offsetMinutes * 60_000);
}

/** Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MINUTES = VIETNAM_OFFSET_MS / 60_000;
