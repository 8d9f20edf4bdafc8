import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MikroORM, type EntityClass, type MigrationObject, type Options } from '@mikro-orm/core';
import { secureDatabaseFiles } from './file-permissions.js';
import { HubSqliteDriver } from './sqlite-driver.js';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { HubConfig } from '../config.js';
import { withMigrationLock } from './migration-lock.js';
import { useUnnamedStatements } from './prepared-statements.js';

/**
 * Where a subgraph keeps its data. Embedded: one SQLite file per subgraph in the data directory.
 * Production: one PostgreSQL database, one schema per subgraph, so subgraphs never share tables.
 */
export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgresql';
      url: string;
      schema: string;
      pool?: PostgresPoolSettings;
      /** Raw reads as named prepared statements (DATABASE_PREPARED_STATEMENTS); default on, off behind PgBouncer's transaction pooling. */
      preparedStatements?: boolean;
    };

/** A subgraph process's PostgreSQL pool: DATABASE_POOL_MIN/MAX and DATABASE_STATEMENT_TIMEOUT_MS. */
export interface PostgresPoolSettings {
  min: number;
  max: number;
  /** `statement_timeout` of every connection, in ms; 0 means none. */
  statementTimeoutMs: number;
}

export type Dialect = DatabaseTarget['kind'];

export interface DatabaseDefinition {
  /** Subgraph name: the SQLite file name and the PostgreSQL schema. */
  name: string;
  entities: EntityClass<unknown>[];
  /** Checked-in migrations per dialect, oldest first. */
  migrations: Record<Dialect, MigrationObject[]>;
}

/**
 * A database definition whose entities and migrations are loaded when the database is opened
 * (`defineSubgraph`): the `hub` program and its commands load no entity, migration or MikroORM
 * module until a command opens a database.
 */
export interface LazyDatabaseDefinition {
  /** Subgraph name: the SQLite file name and the PostgreSQL schema. */
  name: string;
  /** Loads the entities and migrations (once; later calls get the same definition). */
  load(): Promise<DatabaseDefinition>;
}

type TargetConfig = Pick<HubConfig, 'DATABASE_URL' | 'dataDir'> &
  Partial<
    Pick<HubConfig, 'DATABASE_POOL_MIN' | 'DATABASE_POOL_MAX' | 'DATABASE_STATEMENT_TIMEOUT_MS' | 'DATABASE_BULK_STATEMENT_TIMEOUT_MS' | 'DATABASE_PREPARED_STATEMENTS'>
  >;

/**
 * Where a subgraph's database is. `bulk`: for a command that writes or reads a whole file's worth
 * in one statement (an import), whose statements get DATABASE_BULK_STATEMENT_TIMEOUT_MS instead of
 * the serving bound.
 */
export function databaseTarget(config: TargetConfig, name: string, options: { bulk?: boolean } = {}): DatabaseTarget {
  if (config.DATABASE_URL) {
    const statementTimeoutMs = options.bulk ? (config.DATABASE_BULK_STATEMENT_TIMEOUT_MS ?? 3_600_000) : (config.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000);
    const pool = { min: config.DATABASE_POOL_MIN ?? 0, max: config.DATABASE_POOL_MAX ?? 10, statementTimeoutMs };
    return { kind: 'postgresql', url: config.DATABASE_URL, schema: name, pool, preparedStatements: config.DATABASE_PREPARED_STATEMENTS ?? true };
  }
  return { kind: 'sqlite', file: path.join(config.dataDir, `${name}.sqlite`) };
}

export function ormOptions(definition: DatabaseDefinition, target: DatabaseTarget): Options {
  const common = {
    entities: definition.entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    debug: false,
    // Entities are listed explicitly; the reflect-metadata provider reads the types the decorators give.
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    migrations: {
      migrationsList: definition.migrations[target.kind],
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts' as const,
    },
  };
  if (target.kind === 'sqlite') {
    mkdirSync(path.dirname(target.file), { recursive: true, mode: 0o700 });
    // SQLite keeps datetimes as epoch milliseconds (no zone to force); see HubSqliteDriver.
    return { ...common, driver: HubSqliteDriver, dbName: target.file };
  }
  const pool = target.pool ?? { min: 0, max: 10, statementTimeoutMs: 0 };
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: target.url,
    schema: target.schema,
    forceUtcTimezone: true,
    pool: { min: pool.min, max: pool.max },
    // node-postgres sends these as start-up parameters of every connection of the pool.
    driverOptions: { connection: { statement_timeout: pool.statementTimeoutMs, application_name: `commune-hub:${definition.name}` } },
  };
}

/**
 * Page size of a new SQLite file, bytes. 16 KB rather than SQLite's 4 KB: bulk imports write a third
 * as many pages (fewer system calls in each checkpoint), and 64 KB measured no better.
 */
export const SQLITE_PAGE_SIZE = 16_384;

/**
 * Opens the database and applies every pending checked-in migration (never schema auto-sync).
 * A lazy definition (a subgraph's `database`) is loaded first.
 */
export async function openDatabase(definition: DatabaseDefinition | LazyDatabaseDefinition, target: DatabaseTarget): Promise<MikroORM> {
  const loaded = 'load' in definition ? await definition.load() : definition;
  const orm = await MikroORM.init(ormOptions(loaded, target));
  if (target.kind === 'postgresql' && target.preparedStatements === false) useUnnamedStatements(orm);
  try {
    if (target.kind === 'sqlite') {
      const connection = orm.em.getConnection();
      // Before anything is written, so a new file takes it (an existing one keeps its own): a
      // million-item import's commit copies ~110 MB of write-ahead log into the file page by page,
      // and at 4 KB pages that copy was a third of storing (hub reconcile, storing 1.5 → 1.15 s).
      await connection.execute(`pragma page_size = ${SQLITE_PAGE_SIZE}`);
      // WAL lets readers (GraphQL queries) run while a writer (seed, import, worker) holds the lock.
      await connection.execute('pragma journal_mode = wal');
      // A writer waits its turn rather than failing: the worker, an import and the subgraph may write at
      // once, and on a busy machine a turn can take seconds.
      await connection.execute('pragma busy_timeout = 30000');
      await connection.execute('pragma foreign_keys = on');
    }
    if (target.kind === 'postgresql') await withMigrationLock(target, () => orm.getMigrator().up());
    else await orm.getMigrator().up();
    // Created with the umask (often 0644): health records and credential hashes are the owner's only.
    if (target.kind === 'sqlite') secureDatabaseFiles(target.file);
    return orm;
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}

/** Counts from aggregate queries come back as strings from PostgreSQL (bigint) and numbers from SQLite. */
export function toCount(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error(`Expected a numeric aggregate, got ${String(value)}`);
  return n;
}
