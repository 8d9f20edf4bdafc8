import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

type HasDriver = Pick<EntityManager, 'getDriver'> | Pick<MikroORM, 'config'>;

function driverOf(source: HasDriver) {
  return 'getDriver' in source ? source.getDriver() : source.config.getDriver();
}

/** True on PostgreSQL (production), false on the embedded SQLite. */
export function isPostgres(source: HasDriver): boolean {
  return driverOf(source) instanceof PostgreSqlDriver;
}

/**
 * A table name for raw SQL. On PostgreSQL each subgraph lives in its own schema; MikroORM's
 * `schema` option qualifies its own queries but not raw ones, so qualify it there.
 */
export function rawTableName(source: HasDriver, table: string): string {
  const schema = driverOf(source).config.get('schema');
  return schema && isPostgres(source) ? `"${schema}"."${table}"` : `"${table}"`;
}
