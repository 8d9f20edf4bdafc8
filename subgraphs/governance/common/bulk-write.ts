import type { EntityManager } from '@mikro-orm/core';
import { executeSql, tableName, type SqlValue } from './dialect.js';

/** SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535: stay under both. */
const MAX_PARAMETERS = 30_000;

export interface BulkWriteOptions {
  table: string;
  columns: readonly string[];
  /** Conflict target, e.g. ['id']. */
  key: readonly string[];
  /** On a key conflict: keep the stored row (`ignore`) or overwrite its columns (`update`). */
  onConflict: 'ignore' | 'update';
  /** An integer column (an optimistic-lock version) to increment when a row is updated. */
  bump?: string;
}

/**
 * Multi-row `insert ... on conflict` in chunks, for the pilot seed and imports (tens of thousands
 * of rows in one transaction; one statement per few thousand rows instead of one per row). Both
 * SQLite (3.24+) and PostgreSQL speak this syntax. Call it inside `em.transactional`.
 */
export async function bulkWrite(em: EntityManager, options: BulkWriteOptions, rows: readonly SqlValue[][]): Promise<void> {
  const { table, columns, key } = options;
  const perChunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  if (options.bump) updates.push(`${options.bump} = t.${options.bump} + 1`);
  const conflict =
    options.onConflict === 'ignore' || !updates.length ? 'do nothing' : `do update set ${updates.join(', ')}`;
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    for (const row of chunk) {
      if (row.length !== columns.length) throw new Error(`bulkWrite ${table}: a row has ${row.length} values for ${columns.length} columns`);
    }
    const sql = `insert into ${tableName(em, table)} as t (${columns.join(', ')}) values ${chunk.map(() => tuple).join(', ')} on conflict (${key.join(', ')}) ${conflict}`;
    await executeSql(em, sql, chunk.flat());
  }
}
