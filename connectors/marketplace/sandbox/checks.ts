/** Small field checks the sandboxes validate request bodies with, collecting every problem. */
import type { FieldProblem } from './respond.js';

export class FieldChecks {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  private fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  text(field: string, min: number, max: number, pattern?: RegExp): void {
    const value = this.body[field];
    if (typeof value !== 'string') return this.fail(field, 'required text');
    const length = [...value.trim()].length;
    if (length < min || length > max) return this.fail(field, `must be ${min}–${max} characters (got ${length})`);
    if (pattern && !pattern.test(value)) this.fail(field, `must match ${pattern}`);
  }

  integer(field: string, min: number, max: number): void {
    const value = this.body[field];
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(field, 'required whole number');
    if (value < min || value > max) this.fail(field, `must be between ${min} and ${max}`);
  }

  number(field: string, minExclusive: number, max: number, { nullable = false, decimals = 3 } = {}): void {
    const value = this.body[field];
    if (value === null && nullable) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(field, nullable ? 'number or null' : 'required number');
    if (value <= minExclusive || value > max) return this.fail(field, `must be above ${minExclusive} and at most ${max}`);
    if (Math.round(value * 10 ** decimals) !== value * 10 ** decimals) this.fail(field, `at most ${decimals} decimals`);
  }

  oneOf(field: string, allowed: readonly (string | number)[]): void {
    if (!allowed.includes(this.body[field] as string | number)) this.fail(field, `must be one of ${allowed.join(', ')}`);
  }

  urls(field: string, max: number): void {
    const value = this.body[field];
    if (!Array.isArray(value)) return this.fail(field, 'required list of image URLs (may be empty)');
    if (value.length > max) return this.fail(field, `at most ${max} images`);
    if (value.some((u) => typeof u !== 'string' || !/^https?:\/\/\S+$/.test(u))) this.fail(field, 'every image must be an http(s) URL');
  }
}

/**
 * Category attributes `[{ <nameKey>: name, value }]`: each of `required` present with a non-empty
 * value (the marketplace's rule for the category).
 */
export function attributeProblems(field: string, value: unknown, required: readonly string[], nameKey = 'name'): FieldProblem[] {
  if (value !== undefined && !Array.isArray(value)) return [{ field, message: 'must be a list of attributes' }];
  const given = new Map(
    ((value as Record<string, unknown>[] | undefined) ?? []).filter((a) => a && typeof a === 'object').map((a) => [String(a[nameKey]), typeof a.value === 'string' ? a.value.trim() : '']),
  );
  return required.filter((name) => !given.get(name)).map((name) => ({ field, message: `the category requires the attribute ${name}` }));
}

/** Printable ASCII without spaces, 1–64 characters. */
export const SELLER_SKU = /^[\x21-\x7e]{1,64}$/;
