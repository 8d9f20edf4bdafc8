import { createHash } from 'node:crypto';

/**
 * Record ids are derived from the record's natural key (e.g. a dossier's commune and code), so the
 * pilot seed and a re-import land on the same row, and a duplicate is found by id alone.
 * 16 base64url characters = 96 bits: collisions are not a practical concern at commune scale.
 */
export function recordId(prefix: string, ...naturalKey: (string | number)[]): string {
  const digest = createHash('sha256').update(JSON.stringify(naturalKey)).digest('base64url').slice(0, 16);
  return `${prefix}_${digest}`;
}
