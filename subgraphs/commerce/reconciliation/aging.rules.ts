import { VIETNAM_OFFSET_MS } from '../../../core/time.js';

/** Age buckets of open items, in whole Vietnam calendar days since the money was due. */
export const AGE_BUCKETS = [
  { label: '0-7', fromDays: 0, toDays: 7 },
  { label: '8-30', fromDays: 8, toDays: 30 },
  { label: '31-90', fromDays: 31, toDays: 90 },
  { label: '>90', fromDays: 91, toDays: null },
] as const;

const DAY_MS = 86_400_000;

/** Whole days from the Vietnam calendar day of `since` to `asOf` (yyyy-mm-dd); 0 on the same day, never negative. */
export function ageInDays(since: Date, asOf: string): number {
  const sinceDay = Math.floor((since.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
  const asOfDay = Math.floor(Date.parse(`${asOf}T00:00:00Z`) / DAY_MS);
  return Math.max(0, asOfDay - sinceDay);
}

/** Index into AGE_BUCKETS of an age in days. */
export function bucketOf(days: number): number {
  return AGE_BUCKETS.findIndex((b) => days >= b.fromDays && (b.toDays === null || days <= b.toDays));
}

/**
 * The instants (epoch ms) whose age on `asOf` falls in a bucket: `from` inclusive, `before`
 * exclusive, null where the bucket is open. The inverse of ageInDays, so a database can filter by
 * bucket on the stored time. An instant after `asOf` is 0 days old: the first bucket has no end.
 */
export function bucketInstants(bucket: (typeof AGE_BUCKETS)[number], asOf: string): { from: number | null; before: number | null } {
  const asOfDay = Math.floor(Date.parse(`${asOf}T00:00:00Z`) / DAY_MS);
  return {
    from: bucket.toDays === null ? null : (asOfDay - bucket.toDays) * DAY_MS - VIETNAM_OFFSET_MS,
    before: bucket.fromDays === 0 ? null : (asOfDay - bucket.fromDays + 1) * DAY_MS - VIETNAM_OFFSET_MS,
  };
}
