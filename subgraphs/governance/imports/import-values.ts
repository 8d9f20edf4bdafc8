import { isCalendarDate } from '../../../core/time.js';
import type { Problem } from '../common/problems.js';

/**
 * Reads typed values out of an import row (CSV gives strings, JSON may give numbers, booleans and
 * arrays), noting a problem for each unreadable one. Empty cells are absent values.
 */
export class RowReader {
  readonly problems: Problem[] = [];

  constructor(private readonly values: Record<string, unknown>) {}

  private raw(field: string): unknown {
    const v = this.values[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' && v.trim() === '') return undefined;
    return typeof v === 'string' ? v.trim() : v;
  }

  text(field: string): string | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    this.problems.push({ field, message: `${field} must be text.` });
    return undefined;
  }

  integer(field: string): number | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : /^-?\d+$/.test(String(v)) ? Number(v) : NaN;
    if (!Number.isInteger(n)) {
      this.problems.push({ field, message: `${field} must be a whole number, got ${JSON.stringify(v)}.` });
      return undefined;
    }
    return n;
  }

  boolean(field: string): boolean | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    const s = String(v).toLowerCase();
    if (['true', '1', 'yes', 'có'].includes(s)) return true;
    if (['false', '0', 'no', 'không'].includes(s)) return false;
    this.problems.push({ field, message: `${field} must be true or false, got ${JSON.stringify(v)}.` });
    return undefined;
  }

  /** An enum value, case-insensitive. */
  choice<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const v = this.text(field);
    if (v === undefined) return undefined;
    const upper = v.toUpperCase() as T;
    if (allowed.includes(upper)) return upper;
    this.problems.push({ field, message: `${field} "${v}" is not one of ${allowed.join(', ')}.` });
    return undefined;
  }

  date(field: string): string | undefined {
    const v = this.text(field);
    if (v === undefined) return undefined;
    if (!isCalendarDate(v)) {
      this.problems.push({ field, message: `${field} must be a date written yyyy-mm-dd, got "${v}".` });
      return undefined;
    }
    return v;
  }

  /** ISO 8601; without an offset ("2021-03-15 08:30") the time is read as Vietnam time (UTC+7). */
  instant(field: string): Date | undefined {
    const v = this.text(field);
    if (v === undefined) return undefined;
    const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
    const d = m && isCalendarDate(m[1]) ? new Date(`${m[1]}T${m[2]}${m[3] ?? '+07:00'}`) : null;
    if (!d || Number.isNaN(d.getTime())) {
      this.problems.push({ field, message: `${field} must be a date and time, e.g. 2021-03-15T08:30:00+07:00, got "${v}".` });
      return undefined;
    }
    return d;
  }

  /** A list: a JSON array, or a CSV cell separated by ";". */
  list(field: string): string[] | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    if (Array.isArray(v)) return v.map(String);
    return String(v)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  require<T>(field: string, value: T | undefined): T {
    if (value === undefined && !this.problems.some((p) => p.field === field)) this.problems.push({ field, message: `${field} is required.` });
    return value as T;
  }
}
