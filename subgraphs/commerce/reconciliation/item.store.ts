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

/** True when JSON.stringify would write the string as is: no control character, quote, backslash or surrogate (lone ones are escaped). */
function plainJson(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * JSON text of a list of strings, as JSON.stringify writes it. Nearly every item lists one plain
 * id or reference: that one is concatenated directly (a million items, four lists each).
 */
function jsonStrings(values: readonly string[]): string {
  if (values.length === 0) return '[]';
  if (values.length === 1 && plainJson(values[0])) return `["${values[0]}"]`;
  return JSON.stringify(values);
}

/** JSON text of a list of statement lines (whole numbers). */
function jsonLines(values: readonly number[]): string {
  return values.length === 1 ? `[${values[0]}]` : JSON.stringify(values);
}

/**
 * An item's column values, written into `into` from `at` (one array reused for every row: a
 * million items make no array each). Instants as Date, or epoch milliseconds with `epochMs`
 * (SQLite stores them so, as MikroORM does).
 */
function putItemValues(runId: string, item: ResultItem, into: ItemValue[], at: number, epochMs: boolean): void {
  into[at] = runId;
  into[at + 1] = item.seq;
  into[at + 2] = item.outcome;
  into[at + 3] = item.rule;
  into[at + 4] = jsonStrings(item.references);
  into[at + 5] = jsonStrings(item.transactionIds);
  into[at + 6] = jsonLines(item.lines);
  into[at + 7] = jsonStrings(item.expectedPaymentIds);
  into[at + 8] = item.producerIds.length ? `|${item.producerIds.join('|')}|` : '';
  into[at + 9] = item.payer;
  into[at + 10] = item.paidVnd;
  into[at + 11] = item.reversedVnd;
  into[at + 12] = item.feeVnd;
  into[at + 13] = item.expectedVnd;
  into[at + 14] = epochMs && item.paidAt ? item.paidAt.getTime() : item.paidAt;
  into[at + 15] = epochMs && item.expectedAt ? item.expectedAt.getTime() : item.expectedAt;
  into[at + 16] = item.carriedFromItemId ?? null;
}

export async function insertItems(tx: EntityManager, runId: string, items: Iterable<ResultItem>, onProgress?: (written: number) => void): Promise<number> {
  const trx = tx.getTransactionContext<Knex.Transaction>();
  // Outside a transaction a failure would leave part of a run behind.
  if (!trx) throw new Error('insertItems must run inside the transaction that stores the run');
  const meta = tx.getMetadata().get(ReconciliationItem.name);
  const columns = PROPERTIES.map((p) => `"${meta.properties[p].fieldNames[0]}"`);
  const table = rawTableName(tx, meta.tableName);
  const connection = (await trx.client.acquireConnection()) as unknown;
  if (isPostgres(tx)) {
    // copyRows turns each row into text before asking for the next: one array serves them all.
    const row: ItemValue[] = new Array<ItemValue>(PROPERTIES.length).fill(null);
    const rows = (function* () {
      for (const item of items) {
        putItemValues(runId, item, row, 0, false);
        yield row;
      }
    })();
    return copyRows(connection as ClientBase, table, columns, rows, PROGRESS_EVERY, onProgress);
  }
  return insertSqlite(connection as Database, table, columns, runId, items, onProgress);
}

async function insertSqlite(db: Database, table: string, columns: string[], runId: string, items: Iterable<ResultItem>, onProgress?: (written: number) => void): Promise<number> {
  const rowSql = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const full = db.prepare(head + Array.from({ length: SQLITE_ROWS_PER_STATEMENT }, () => rowSql).join(', '));
  // One parameter array, filled in place for every statement: no array per row or per statement.
  const params: ItemValue[] = new Array<ItemValue>(SQLITE_ROWS_PER_STATEMENT * columns.length).fill(null);
  let pending = 0;
  let written = 0;
  for (const item of items) {
    putItemValues(runId, item, params, pending * columns.length, true);
    if (++pending < SQLITE_ROWS_PER_STATEMENT) continue;
    full.run(params);
    written += pending;
    pending = 0;
    if (written % PROGRESS_EVERY < SQLITE_ROWS_PER_STATEMENT) {
      onProgress?.(written);
      // better-sqlite3 is synchronous: let timers and I/O through now and then.
      await nextTurn();
    }
  }
  if (pending) {
    db.prepare(head + Array.from({ length: pending }, () => rowSql).join(', ')).run(params.slice(0, pending * columns.length));
    written += pending;
  }
  onProgress?.(written);
  return written;
}
