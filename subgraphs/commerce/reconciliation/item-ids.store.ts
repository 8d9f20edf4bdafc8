import type { EntityManager } from '@mikro-orm/core';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';

/**
 * Reserves `count` consecutive item ids for a run inside its transaction and returns the first:
 * the item of seq n gets firstItemId + n, whether it is stored as a row or packed, so a packed item
 * has a stable id before it is ever a row. The reservation advances the table's own id generator
 * (SQLite's sqlite_sequence of the AUTOINCREMENT key, PostgreSQL's serial sequence), so ids handed
 * out later, by a run or by the database, never fall in the range.
 */
export async function reserveItemIds(tx: EntityManager, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`reserveItemIds: ${count} is not a positive number of items`);
  const connection = tx.getConnection();
  const context = tx.getTransactionContext();
  if (!context) throw new Error('reserveItemIds must run inside the transaction that stores the run');
  const { tableName } = tx.getMetadata().get(ReconciliationItem.name);
  if (isPostgres(tx)) {
    // nextval and setval are two steps: two imports at once take turns here, for the transaction.
    await connection.execute(`select pg_advisory_xact_lock(hashtext('reconciliation_item.id'))`, [], 'run', context);
    const [row] = (await connection.execute(
      `select setval(s, nextval(s) + ? - 1) as last from (select pg_get_serial_sequence(?, 'id') as s) q`,
      [count, rawTableName(tx, tableName)],
      'all',
      context,
    )) as { last: string | number }[];
    return Number(row.last) - count + 1;
  }
  // One statement takes SQLite's write lock and advances the counter at once; the row exists once
  // the table has had a row, so it is created first when it has not.
  await connection.execute(
    `insert into sqlite_sequence (name, seq) select ?, coalesce((select max(id) from "${tableName}"), 0) where not exists (select 1 from sqlite_sequence where name = ?)`,
    [tableName, tableName],
    'run',
    context,
  );
  const [row] = (await connection.execute(`update sqlite_sequence set seq = seq + ? where name = ? returning seq`, [count, tableName], 'all', context)) as { seq: number }[];
  return Number(row.seq) - count + 1;
}
