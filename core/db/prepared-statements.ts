import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { isPostgres } from './raw-sql.js';

/**
 * Raw SQL run on the driver itself, with each SQL text prepared once and reused.
 *
 * `em.getConnection().execute(sql, params)` inlines the parameters into the text (MikroORM's
 * `formatQuery`) and hands it to knex, so every call is a new statement: better-sqlite3 prepares it
 * again (the largest single cost of a KPI read on SQLite) and PostgreSQL parses and plans it again,
 * after MikroORM's and knex's own layers. Here the text keeps its `?` placeholders:
 * - SQLite: the connection's `prepare()` result is kept in a small LRU per connection
 *   (STATEMENTS_PER_CONNECTION texts); a statement is synchronous, so nothing interleaves with it.
 * - PostgreSQL: a named prepared statement (node-postgres `{ name, text, values }`), parsed once per
 *   pooled connection. At most NAMED_STATEMENTS texts get a name for the life of the process (the
 *   server keeps a named statement until its connection closes, so names are never recycled); any
 *   further text runs as an unnamed statement, as before. An ORM opened with
 *   DATABASE_PREPARED_STATEMENTS=off (`useUnnamedStatements`) names none: behind PgBouncer's
 *   transaction or statement pooling the statement would be prepared on one server connection and
 *   executed on another ("prepared statement ... does not exist").
 * The connection comes from knex's pool (or is the open transaction's), so a read waits for a
 * transaction that holds SQLite's one connection exactly as a knex query does. Every statement is
 * announced with knex's own `query` / `query-response` / `query-error` events, so metrics and the
 * statement-counting tests see it; errors are converted as MikroORM converts them
 * (UniqueConstraintViolationException, ...).
 */
export const STATEMENTS_PER_CONNECTION = 200;
export const NAMED_STATEMENTS = 500;
/**
 * Longer texts are bulk writes (thousands of `?` a chunk, a text per chunk size): prepared for the
 * one call and not kept, so they never push the reads out of the caches or use up the names.
 */
export const LONGEST_KEPT_SQL = 4_000;

export type RawParam = string | number | boolean | Date | null;

interface SqliteStatement {
  reader: boolean;
  all(params: readonly unknown[]): unknown[];
  raw(toggle: boolean): SqliteStatement;
  run(params: readonly unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
}
interface PgQuery {
  name?: string;
  text: string;
  values: readonly unknown[];
  rowMode?: 'array';
}
interface PgClient {
  query(config: PgQuery): Promise<{ rows: unknown[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}
interface KnexLike {
  client: KnexClient;
  emit(event: string, ...args: unknown[]): boolean;
  listenerCount(event: string): number;
}
interface TransactionLike {
  client: KnexClient;
  isCompleted(): boolean;
}

/** Prepared statements of each SQLite connection, most recently used last. */
const sqliteStatements = new WeakMap<object, Map<string, SqliteStatement>>();

/** The statement for this text on this connection, prepared on first use; the least recently used one goes beyond the bound. */
function sqliteStatement(db: SqliteDatabase, sql: string): SqliteStatement {
  let cache = sqliteStatements.get(db);
  if (!cache) sqliteStatements.set(db, (cache = new Map()));
  if (sql.length > LONGEST_KEPT_SQL) return db.prepare(sql);
  const cached = cache.get(sql);
  if (cached) {
    cache.delete(sql);
    cache.set(sql, cached);
    return cached;
  }
  const statement = db.prepare(sql);
  cache.set(sql, statement);
  if (cache.size > STATEMENTS_PER_CONNECTION) cache.delete(cache.keys().next().value!);
  return statement;
}

/** A SQLite binding as knex's better-sqlite3 client makes it: instants as epoch milliseconds, booleans as 0/1. */
function sqliteValue(value: RawParam): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** `?` → `$1, $2, …` outside quoted text and identifiers; `??` (a knex identifier binding) is refused. */
export function toNumberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (quote) {
      if (c === quote) quote = null;
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?') {
      if (sql[i + 1] === '?') throw new Error('rawRows: `??` identifier bindings are not supported; write the identifier into the text');
      out += `$${++n}`;
    } else out += c;
  }
  return out;
}

/** PostgreSQL's text and, while the bound allows, its statement name, per SQL text. */
const pgStatements = new Map<string, { text: string; name?: string }>();

/**
 * ORMs whose statements all go unnamed, by their configuration (which every fork and transaction of
 * the ORM shares): the choice belongs to the database opened, not to the process, so an ORM opened
 * later, or by another test, keeps its own.
 */
const unnamedStatements = new WeakSet<object>();

/** Every raw statement of this ORM runs as an unnamed statement (DATABASE_PREPARED_STATEMENTS=off). */
export function useUnnamedStatements(orm: Pick<MikroORM, 'config'>): void {
  unnamedStatements.add(orm.config);
}

function pgStatement(sql: string, named: boolean): { text: string; name?: string } {
  const known = pgStatements.get(sql);
  if (known) return named ? known : { text: known.text };
  const text = toNumberedPlaceholders(sql);
  // Unnamed texts are not kept: they would use up the names of ORMs that do name theirs.
  if (!named || pgStatements.size >= NAMED_STATEMENTS || sql.length > LONGEST_KEPT_SQL) return { text };
  const entry = { text, name: `hub_${pgStatements.size + 1}` };
  pgStatements.set(sql, entry);
  return entry;
}

let queryUid = 0;

/** How a statement's rows come back: objects keyed by column name, or arrays in select-list order. */
type RowShape = 'objects' | 'arrays';

/**
 * Runs one raw statement and returns its rows (none for a write), inside the entity manager's current
 * transaction if any. Parameters bind to `?` in order; give values as the database stores them
 * (SQLite: instants as epoch ms are converted here, booleans as 0/1).
 */
export async function rawRows<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly RawParam[] = []): Promise<T[]> {
  return (await runRaw(em, sql, params, 'objects')) as T[];
}

/**
 * rawRows with each row as an array of its columns in select-list order, for reads of many rows:
 * the drivers then build no object per row (better-sqlite3 `raw`, node-postgres `rowMode: 'array'`).
 * Reading a million expected payments on SQLite took 1.8 s instead of 2.7 s so.
 */
export async function rawArrays<T extends readonly unknown[] = unknown[]>(em: EntityManager, sql: string, params: readonly RawParam[] = []): Promise<T[]> {
  return (await runRaw(em, sql, params, 'arrays')) as T[];
}

async function runRaw(em: EntityManager, sql: string, params: readonly RawParam[], shape: RowShape): Promise<unknown[]> {
  const named = !unnamedStatements.has(em.config);
  return onRawConnection(em, sql, params, (connection) =>
    isPostgres(em) ? pgRows(connection as PgClient, sql, params, shape, named) : sqliteRows(connection as SqliteDatabase, sql, params, shape),
  );
}

/**
 * Runs `use` on the driver's own connection (the open transaction's, or one from knex's pool, given
 * back whatever happens), announced to knex's query listeners as `sql` and its errors converted as
 * MikroORM converts them: what rawRows does around its statement, for other uses of the connection
 * (a COPY stream).
 */
export async function onRawConnection<T>(em: EntityManager, sql: string, params: readonly RawParam[], use: (connection: unknown) => T | Promise<T>): Promise<T> {
  const knex = (em.getConnection() as unknown as { getKnex(): KnexLike }).getKnex();
  const transaction = em.getTransactionContext<TransactionLike>();
  if (transaction?.isCompleted()) throw new Error('rawRows: the transaction has already ended');
  const client = transaction ? transaction.client : knex.client;
  const announce = knex.listenerCount('query') + knex.listenerCount('query-response') + knex.listenerCount('query-error') > 0;
  const event = announce ? { method: 'raw', sql, bindings: params, __knexQueryUid: `raw-${++queryUid}` } : undefined;
  const connection = await client.acquireConnection();
  try {
    if (event) knex.emit('query', event);
    const result = await use(connection);
    if (event) knex.emit('query-response', result, event);
    return result;
  } catch (error) {
    if (event) knex.emit('query-error', error, event);
    throw em.getDriver().getPlatform().getExceptionConverter().convertException(error as Error);
  } finally {
    await client.releaseConnection(connection);
  }
}

async function pgRows(connection: PgClient, sql: string, params: readonly RawParam[], shape: RowShape, named: boolean): Promise<unknown[]> {
  const { text, name } = pgStatement(sql, named);
  const query: PgQuery = { text, values: params };
  if (name) query.name = name;
  if (shape === 'arrays') query.rowMode = 'array';
  return (await connection.query(query)).rows;
}

function sqliteRows(db: SqliteDatabase, sql: string, params: readonly RawParam[], shape: RowShape): unknown[] {
  const statement = sqliteStatement(db, sql);
  const values = params.map(sqliteValue);
  if (!statement.reader) {
    statement.run(values);
    return [];
  }
  if (shape === 'objects') return statement.all(values);
  // The cached statement is shared with rawRows: back to objects whatever happens, and nothing can
  // run in between (a statement is synchronous).
  statement.raw(true);
  try {
    return statement.all(values);
  } finally {
    statement.raw(false);
  }
}

/** How many SQL texts the connection holds prepared (for tests). */
export function preparedOnConnection(connection: object): number {
  return sqliteStatements.get(connection)?.size ?? 0;
}
