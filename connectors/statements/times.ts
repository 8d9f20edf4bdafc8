import { VIETNAM_OFFSET_MS } from '../../core/time.js';
import { RowError } from './row-error.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The epoch milliseconds of a wall-clock time read in a zone `offsetMinutes` east of UTC, or NaN
 * when that date and time do not exist (31/11, 24:00). Decided by arithmetic rather than by
 * building a Date and reading it back (two objects a row, a million rows): the same verdicts,
 * including Date.UTC's reading of years 0–99 as 1900–1999, which the read-back refused.
 */
export function wallClockMs(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if ((year >= 0 && year <= 99) || days === undefined || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
}

/** The number written by `count` ASCII digits of `bytes` from `at` (0-9 only, as \d reads them), or -1. */
function digitsAt(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = bytes[i] - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

let scratch = Buffer.allocUnsafe(32);

/**
 * A fixed-width wall-clock layout written as a pattern: "dd/MM/yyyy HH:mm:ss" is two digits of day,
 * "/", two of month, and so on (y M d H m s, each letter one digit; anything else stands for
 * itself; seconds may be left out, then 0). Read by position rather than by a regular expression:
 * no match array and six strings per row.
 */
export class WallClockLayout {
  private readonly literals: number[] = [];
  private readonly fields: Record<'y' | 'M' | 'd' | 'H' | 'm' | 's', { at: number; count: number }>;
  /** The last date read and the epoch ms of its midnight here: a statement's rows share a few days. */
  private lastDate = -1;
  private lastMidnightMs = Number.NaN;

  constructor(
    readonly pattern: string,
    private readonly offsetMinutes: number,
  ) {
    const fields: Partial<Record<string, { at: number; count: number }>> = {};
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      // Read as bytes (msOf): one character, one byte.
      if (pattern.charCodeAt(i) >= 0x80) throw new Error(`${pattern}: only ASCII characters`);
      if (!'yMdHms'.includes(c)) this.literals.push(i);
      else if (fields[c] && fields[c].at + fields[c].count === i) fields[c].count++;
      else if (fields[c]) throw new Error(`${pattern}: "${c}" in two places`);
      else fields[c] = { at: i, count: 1 };
    }
    for (const c of 'yMdHm') if (!fields[c]) throw new Error(`${pattern}: no "${c}"`);
    this.fields = { s: { at: 0, count: 0 }, ...fields } as WallClockLayout['fields'];
  }

  /** Epoch milliseconds; null when the text is not written in the layout, NaN when it is but no such date and time exists. */
  ms(text: string): number | null {
    // A layout is ASCII: a text of its length with anything else in it is not written in it.
    if (text.length !== this.pattern.length) return null;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return null;
    if (text.length > scratch.length) scratch = Buffer.allocUnsafe(text.length);
    scratch.write(text, 0, 'latin1');
    return this.msOf(scratch, 0, text.length);
  }

  /** As `ms`, for the UTF-8 bytes `bytes[from..end)`: a statement's time read where it lies, never made a string. */
  msOf(bytes: Uint8Array, from: number, end: number): number | null {
    const { pattern, fields } = this;
    if (end - from !== pattern.length) return null;
    for (const i of this.literals) if (bytes[from + i] !== pattern.charCodeAt(i)) return null;
    const year = digitsAt(bytes, from + fields.y.at, fields.y.count);
    const month = digitsAt(bytes, from + fields.M.at, fields.M.count);
    const day = digitsAt(bytes, from + fields.d.at, fields.d.count);
    const hour = digitsAt(bytes, from + fields.H.at, fields.H.count);
    const minute = digitsAt(bytes, from + fields.m.at, fields.m.count);
    const second = digitsAt(bytes, from + fields.s.at, fields.s.count);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
    if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
    return this.midnightMs(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000;
  }

  /** wallClockMs of the date at 00:00:00 (NaN for no such date), the last one remembered: Date.UTC once a day, not once a row. */
  private midnightMs(year: number, month: number, day: number): number {
    // Unique for the two-digit month and day of every layout (digitsAt gives at most 99 for two digits).
    const date = month < 100 && day < 100 ? (year * 100 + month) * 100 + day : -1;
    if (date >= 0 && date === this.lastDate) return this.lastMidnightMs;
    const ms = wallClockMs(year, month, day, 0, 0, 0, this.offsetMinutes);
    if (date >= 0) {
      this.lastDate = date;
      this.lastMidnightMs = ms;
    }
    return ms;
  }

  /** The instant `text` writes (epoch ms), or RowError: "<column> "<text>" is not <description>" or "… is not a real date and time". */
  read(text: string, column: string, description = this.pattern): number {
    const ms = this.ms(text);
    if (ms === null) throw new RowError(`${column} "${text}" is not ${description}`);
    if (Number.isNaN(ms)) throw new RowError(`${column} "${text}" is not a real date and time`);
    return ms;
  }
}

/** Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MINUTES = VIETNAM_OFFSET_MS / 60_000;
