import type { EntityManager } from '@mikro-orm/core';
import { rawRows } from './prepared-statements.js';
import { isPostgres } from './raw-sql.js';

/**
 * Runs `work` with the SQLite connection's page cache limited to `kib` KiB, then gives the
 * connection its own size back. For one-pass bulk work, such as an import that reads a million
 * rows once and appends a million more: better-sqlite3 builds SQLite with a 16 MB cache per
 * connection, which such work never reads twice but which stays resident at the work's peak.
 * PostgreSQL: `work` runs as is.
 */
export async function withSqlitePageCache<T>(em: EntityManager, kib: number, work: () => Promise<T>): Promise<T> {
  if (isPostgres(em)) return work();
  const [row] = await rawRows<{ cache_size: number }>(em, 'pragma cache_size');
  const own = Number(row?.cache_size);
  // Pragmas take no bound parameters: the values are whole numbers checked here.
  if (!Number.isInteger(kib) || kib <= 0 || !Number.isInteger(own)) throw new Error(`withSqlitePageCache: bad cache size ${kib} or ${String(row?.cache_size)}`);
  await rawRows(em, `pragma cache_size = -${kib}`);
  try {
    return await work();
  } finally {
    await rawRows(em, `pragma cache_size = ${own}`);
  }
}
