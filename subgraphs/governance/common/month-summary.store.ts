import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { executeSql, isSqlite, placeholders, tableName, type SqlValue } from './dialect.js';
import type { MonthSummary } from './month-summary.js';

/** A summary row's key: one commune and month of a year. */
export interface MonthKey {
  communeId: string;
  year: number;
  month: number;
}

/**
 * A per-commune, per-month summary table (dossier_month_summary, document_month_summary): its
 * count columns and the select that recounts it from its source rows. The writes and reads every
 * such summary needs are the same for all of them (monthSummaryStore).
 */
export interface MonthSummaryTable<F extends string> {
  table: string;
  /** Each count column and the field it becomes, in the table's column order. */
  counts: readonly (readonly [column: string, field: F])[];
  /**
   * Selects commune_id, year, month and the count columns (in that order), grouped by the key, from
   * the source rows of every commune or of the given ones.
   */
  recountSql(em: EntityManager, communeIds?: readonly string[]): { sql: string; params: SqlValue[] };
}

export interface MonthSummaryStore<R> {
  /**
   * Adds the deltas to the summary rows (created at zero when missing). An upsert that adds is safe
   * under concurrent writers: each one's increment waits for the row lock of the other's, where a
   * recount from the source rows would miss the other's uncommitted rows. Call it in the transaction
   * that writes the source rows.
   */
  applyDeltas(tx: EntityManager, deltas: readonly R[]): Promise<void>;
  /**
   * Recomputes the summary from the source rows, of every commune or of the given ones (after the
   * pilot seed, which inserts without knowing which rows were new). Call it in a transaction.
   */
  rebuild(tx: EntityManager, communeIds?: readonly string[]): Promise<void>;
  /** The stored summary rows with any count, ordered by commune, year and month. */
  read(em: EntityManager): Promise<R[]>;
  /** The summary recounted from the source rows, in the same order: what `read` must equal. */
  recount(em: EntityManager): Promise<R[]>;
}

/** SQLite allows 32,766 bound parameters a statement: a few thousand rows of up to ten values stay far under it. */
const ROWS_PER_STATEMENT = 2_000;
const SQLITE_SAFE_IDS = 10_000;
const ORDER = 'order by commune_id, year, month';

export function monthSummaryStore<F extends string>(summary: MonthSummaryTable<F>): MonthSummaryStore<MonthKey & Record<F, number>> {
  type Row = MonthKey & Record<F, number>;
  const countColumns = summary.counts.map(([column]) => column);
  const columns = ['commune_id', 'year', 'month', ...countColumns];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const added = countColumns.map((c) => `${c} = s.${c} + excluded.${c}`).join(', ');

  function toRow(row: Record<string, unknown>): Row {
    const counts = Object.fromEntries(summary.counts.map(([column, field]) => [field, toCount(row[column])]));
    return { communeId: String(row.commune_id), year: Number(row.year), month: Number(row.month), ...counts } as Row;
  }

  return {
    async applyDeltas(tx, deltas) {
      const table = tableName(tx, summary.table);
      for (let i = 0; i < deltas.length; i += ROWS_PER_STATEMENT) {
        const chunk = deltas.slice(i, i + ROWS_PER_STATEMENT);
        await executeSql(
          tx,
          `insert into ${table} as s (${columns.join(', ')}) values ${chunk.map(() => tuple).join(', ')}
           on conflict (commune_id, year, month) do update set ${added}`,
          chunk.flatMap((d): SqlValue[] => [d.communeId, d.year, d.month, ...summary.counts.map(([, field]) => d[field])]),
        );
      }
    },

    async rebuild(tx, communeIds) {
      const table = tableName(tx, summary.table);
      const groups = communeIds ? Array.from({ length: Math.ceil(communeIds.length / SQLITE_SAFE_IDS) }, (_, i) => communeIds.slice(i * SQLITE_SAFE_IDS, (i + 1) * SQLITE_SAFE_IDS)) : [undefined];
      for (const ids of groups) {
        if (ids && !ids.length) continue;
        await executeSql(tx, `delete from ${table}${ids ? ` where commune_id in (${placeholders(ids.length)})` : ''}`, ids ?? []);
        const { sql, params } = summary.recountSql(tx, ids);
        // In key order, so a commune's rows of a year share a page or two instead of one page each.
        await executeSql(tx, `insert into ${table} (${columns.join(', ')}) select * from (${sql}) r ${ORDER}`, params);
      }
    },

    async read(em) {
      const rows = await executeSql(em, `select ${columns.join(', ')} from ${tableName(em, summary.table)} where ${countColumns.map((c) => `${c} <> 0`).join(' or ')} ${ORDER}`);
      return rows.map(toRow);
    },

    async recount(em) {
      const { sql, params } = summary.recountSql(em);
      return (await executeSql(em, `select * from (${sql}) r ${ORDER}`, params)).map(toRow);
    },
  };
}

/**
 * Recounts the whole summary in one transaction (readers see the old summary until it commits):
 * after rows were written outside the hub's write paths, e.g. a bulk load straight into the database.
 * Returns the number of commune-months.
 */
export async function rebuildMonthSummary(em: EntityManager, summary: Pick<MonthSummary, 'table' | 'rebuild'>): Promise<{ communeMonths: number }> {
  const table = tableName(em, summary.table);
  const result = await em.transactional(async (tx) => {
    // A recount of tens of millions of rows outlasts the statement timeout meant for requests (DATABASE_STATEMENT_TIMEOUT_MS).
    if (!isSqlite(tx)) await executeSql(tx, 'set local statement_timeout = 0');
    await summary.rebuild(tx);
    const [row] = await executeSql(tx, `select count(*) as n from ${table}`);
    return { communeMonths: toCount(row?.n) };
  });
  // Every row was replaced: fresh planner statistics rather than waiting for autovacuum and, on PostgreSQL, a
  // vacuum that marks the new pages all-visible, without which the KPI reads' index-only scans fetch every row
  // from the table as well (vacuum runs outside a transaction: the recount has committed).
  await executeSql(em, `${isSqlite(em) ? 'analyze' : 'vacuum analyze'} ${table}`);
  return result;
}
