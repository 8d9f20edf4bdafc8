import type { EntityManager } from '@mikro-orm/core';
import { rawTableName } from '../../../core/db/raw-sql.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import type { ResultItem } from './result-items.js';

/**
 * Writes a run's items with plain multi-row INSERTs: at a million items the entity-mapping path of
 * `insertMany` costs about twice as much. Column and table names come from the entity metadata;
 * instants are bound the way MikroORM stores them (epoch ms on SQLite, timestamptz on PostgreSQL).
 */
const PROPERTIES = [
  'runId', 'seq', 'outcome', 'rule', 'referencesJson', 'transactionIdsJson', 'linesJson', 'expectedPaymentIdsJson',
  'producerKey', 'payer', 'paidVnd', 'reversedVnd', 'feeVnd', 'expectedVnd', 'paidAt', 'expectedAt', 'carriedFromItemId',
] as const;
const ROWS_PER_STATEMENT = 500;

type Bound = string | number | Date | null;

export async function insertItems(
  tx: EntityManager,
  runId: string,
  items: Iterable<ResultItem>,
  onProgress?: (written: number) => void,
): Promise<number> {
  const meta = tx.getMetadata().get(ReconciliationItem.name);
  const columns = PROPERTIES.map((p) => `"${meta.properties[p].fieldNames[0]}"`);
  const platform = tx.getPlatform();
  const table = rawTableName(tx, meta.tableName);
  const rowSql = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const fullSql = head + Array.from({ length: ROWS_PER_STATEMENT }, () => rowSql).join(', ');
  const instant = (d: Date | null): Bound => (d === null ? null : (platform.processDateProperty(d) as Date | number));
  const connection = tx.getConnection();
  let params: Bound[] = [];
  let rows = 0;
  let written = 0;
  const flush = async () => {
    if (!rows) return;
    const sql = rows === ROWS_PER_STATEMENT ? fullSql : head + Array.from({ length: rows }, () => rowSql).join(', ');
    await connection.execute(sql, params, 'run', tx.getTransactionContext());
    written += rows;
    onProgress?.(written);
    params = [];
    rows = 0;
  };
  for (const item of items) {
    params.push(
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
      instant(item.paidAt),
      instant(item.expectedAt),
      item.carriedFromItemId ?? null,
    );
    if (++rows === ROWS_PER_STATEMENT) await flush();
  }
  await flush();
  return written;
}
