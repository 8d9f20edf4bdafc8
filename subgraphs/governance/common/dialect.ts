import type { EntityManager } from '@mikro-orm/core';
import { rawRows } from '../../../core/db/prepared-statements.js';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';

/**
 * Raw SQL (aggregates, bulk writes) runs on SQLite and PostgreSQL. The two store a few types
 * differently: SQLite keeps instants as epoch milliseconds and booleans as 0/1 (MikroORM's own
 * convention there), PostgreSQL as timestamptz and boolean. These helpers bind values accordingly.
 */
export function isSqlite(em: EntityManager): boolean {
  return !isPostgres(em);
}

export type SqlValue = string | number | boolean | Date | null;

/** A value as the database stores it, for a bound parameter of a raw query. */
export function toDatabaseValue(em: EntityManager, value: SqlValue | undefined): string | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  if (!isSqlite(em)) return value;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Runs a raw statement inside the entity manager's current transaction, if any, and returns its rows
 * (none for a write). On the driver, each text prepared once (core/db/prepared-statements.ts): through
 * MikroORM and knex every call was parsed and prepared again.
 */
export async function executeSql<T = Record<string, unknown>>(em: EntityManager, sql: string, params: SqlValue[] = []): Promise<T[]> {
  return rawRows<T>(em, sql, params.map((p) => toDatabaseValue(em, p)));
}

/** `?, ?, ?` for an `in (...)` list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** A table name for raw SQL, schema-qualified on PostgreSQL (core/db/raw-sql.ts). */
export function tableName(em: EntityManager, name: string): string {
  return rawTableName(em, name);
}
