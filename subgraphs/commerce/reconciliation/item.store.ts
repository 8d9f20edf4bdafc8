import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { Database } from 'better-sqlite3';
import type { ClientBase } from 'pg';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import { copyRows, type ItemValue } from './item-copy.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import type { ResultItem } from './result-items.js';

/**
 * Writes a run's items straight through the transaction's own driver connection, without entities
 * or MikroORM's query formatting (which inlines and re-parses every value: at a million items it
 * cost more than reading the statement). PostgreSQL gets one COPY FROM STDIN; SQLite prepared
 * multi-row INSERTs. Both run on the transaction's connection, so a failure anywhere rolls back
 * every item with the run.
 */
const PROPERTIES = [
  'runId', 'seq', 'outcome', 'rule', 'referencesJson', 'transactionIdsJson', 'linesJson', 'expectedPaymentIdsJson',
  'producerKey', 'payer', 'paidVnd', 'reversedVnd', 'feeVnd', 'expectedVnd', 'paidAt', 'expectedAt', 'carriedFromItemId',
] as const;
/** 17 columns × 64 rows stays far below SQLite's bound on parameters. */
const SQLITE_ROWS_PER_STATEMENT = 64;
/** Progress (and, on SQLite, a turn of the event loop) every this many items. */
const PROGRESS_EVERY = 10_000;

function itemValues(runId: string, item: ResultItem): ItemValue[] {
  return [
    runId,
    item.seq,
    item.outcome,
    item.rule,
    JSON.stringify(item.references),
    JSON.stringify(item.transactionIds),
    JSON.stringify(item.lines),
    JSON.stringify(item.expectedPaymentIds),
    item.producerIds.length ? `|${item.producerIds.join('|')}|` : '',
    item.payer,
    item.paidVnd,
    item.reversedVnd,
    item.feeVnd,
    item.expectedVnd,
    item.paidAt,
    item.expectedAt,
    item.carriedFromItemId ?? null,
  ];
}

export async function insertItems(tx: EntityManager, runId: string, items: Iterable<ResultItem>, onProgress?: (written: number) => void): Promise<number> {
  const trx = tx.getTransactionContext<Knex.Transaction>();
  // Outside a transaction a failure would leave part of a run behind.
  if (!trx) throw new Error('insertItems must run inside the transaction that stores the run');
  const meta = tx.getMetadata().get(ReconciliationItem.name);
  const columns = PROPERTIES.map((p) => `"${meta.properties[p].fieldNames[0]}"`);
  const table = rawTableName(tx, meta.tableName);
  const connection = (await trx.client.acquireConnection()) as unknown;
  const rows = (function* () {
    for (const item of items) yield itemValues(runId, item);
  })();
  if (isPostgres(tx)) return copyRows(connection as ClientBase, table, columns, rows, PROGRESS_EVERY, onProgress);
  return insertSqlite(connection as Database, table, columns, rows, onProgress);
}

async function insertSqlite(db: Database, table: string, columns: string[], rows: Iterable<ItemValue[]>, onProgress?: (written: number) => void): Promise<number> {
  const rowSql = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const full = db.prepare(head + Array.from({ length: SQLITE_ROWS_PER_STATEMENT }, () => rowSql).join(', '));
  // One parameter array, filled in place for every statement: no array per row or per statement.
  const params: (string | number | null)[] = new Array<string | number | null>(SQLITE_ROWS_PER_STATEMENT * columns.length).fill(null);
  let at = 0;
  let pending = 0;
  let written = 0;
  for (const values of rows) {
    // SQLite stores instants as epoch milliseconds, as MikroORM does.
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      params[at++] = v instanceof Date ? v.getTime() : v;
    }
    if (++pending < SQLITE_ROWS_PER_STATEMENT) continue;
    full.run(params);
    written += pending;
    at = 0;
    pending = 0;
    if (written % PROGRESS_EVERY < SQLITE_ROWS_PER_STATEMENT) {
      onProgress?.(written);
      // better-sqlite3 is synchronous: let timers and I/O through now and then.
      await nextTurn();
    }
  }
  if (pending) {
    db.prepare(head + Array.from({ length: pending }, () => rowSql).join(', ')).run(params.slice(0, at));
    written += pending;
  }
  onProgress?.(written);
  return written;
}
