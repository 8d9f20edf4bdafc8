import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { executeSql, isSqlite, placeholders, tableName, type SqlValue } from '../common/dialect.js';
import { DossierChannel, DossierStatus } from './dossier-enums.js';
import type { SummaryCounts } from './dossier-summary.rules.js';

const COLUMNS = ['commune_id', 'year', 'month', 'received', 'resolved_on_time', 'resolved_overdue', 'online'] as const;
/** Seven values a row: stay far under SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Adds the deltas to the summary rows (created at zero when missing). An upsert that adds is safe
 * under concurrent writers: each one's increment waits for the row lock of the other's, where a
 * recount from the dossiers would miss the other's uncommitted rows. Call it in the transaction
 * that writes the dossiers.
 */
export async function applySummaryDeltas(tx: EntityManager, deltas: readonly SummaryCounts[]): Promise<void> {
  const table = tableName(tx, 'dossier_month_summary');
  for (let i = 0; i < deltas.length; i += ROWS_PER_STATEMENT) {
    const chunk = deltas.slice(i, i + ROWS_PER_STATEMENT);
    await executeSql(
      tx,
      `insert into ${table} as s (${COLUMNS.join(', ')}) values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
       on conflict (commune_id, year, month) do update set
         received = s.received + excluded.received, resolved_on_time = s.resolved_on_time + excluded.resolved_on_time,
         resolved_overdue = s.resolved_overdue + excluded.resolved_overdue, online = s.online + excluded.online`,
      chunk.flatMap((d): SqlValue[] => [d.communeId, d.year, d.month, d.received, d.resolvedOnTime, d.resolvedOverdue, d.online]),
    );
  }
}

/** Year and month of received_at in the Asia/Ho_Chi_Minh calendar (UTC+7 all year, as core/time.ts), in SQL. */
function monthColumns(em: EntityManager): { year: string; month: string } {
  if (isSqlite(em)) {
    // SQLite keeps instants as epoch milliseconds.
    const local = `(received_at + 25200000) / 1000, 'unixepoch'`;
    return { year: `cast(strftime('%Y', ${local}) as integer)`, month: `cast(strftime('%m', ${local}) as integer)` };
  }
  const local = `((received_at at time zone 'UTC') + interval '7 hours')`;
  return { year: `cast(extract(year from ${local}) as integer)`, month: `cast(extract(month from ${local}) as integer)` };
}

/** The summary as the dossiers give it, for every commune or the given ones: the select that rebuilds it. */
function recountSql(em: EntityManager, communeIds?: readonly string[]): { sql: string; params: SqlValue[] } {
  const { year, month } = monthColumns(em);
  const where = communeIds ? `where commune_id in (${placeholders(communeIds.length)})` : '';
  return {
    sql: `select commune_id, ${year} as year, ${month} as month, count(*) as received,
            sum(case when status = ? and completed_at <= due_at then 1 else 0 end) as resolved_on_time,
            sum(case when status = ? and completed_at > due_at then 1 else 0 end) as resolved_overdue,
            sum(case when channel = ? then 1 else 0 end) as online
          from ${tableName(em, 'dossier')} ${where}
          group by commune_id, ${year}, ${month}`,
    params: [DossierStatus.RESOLVED, DossierStatus.RESOLVED, DossierChannel.ONLINE, ...(communeIds ?? [])],
  };
}

const SQLITE_SAFE_IDS = 10_000;

/**
 * Recomputes the summary from the dossiers, of every commune or of the given ones (after the pilot
 * seed, which inserts without knowing which rows were new). Call it in a transaction.
 */
export async function rebuildDossierSummary(tx: EntityManager, communeIds?: readonly string[]): Promise<void> {
  const table = tableName(tx, 'dossier_month_summary');
  const groups = communeIds ? Array.from({ length: Math.ceil(communeIds.length / SQLITE_SAFE_IDS) }, (_, i) => communeIds.slice(i * SQLITE_SAFE_IDS, (i + 1) * SQLITE_SAFE_IDS)) : [undefined];
  for (const ids of groups) {
    if (ids && !ids.length) continue;
    await executeSql(tx, `delete from ${table}${ids ? ` where commune_id in (${placeholders(ids.length)})` : ''}`, ids ?? []);
    const { sql, params } = recountSql(tx, ids);
    // In key order, so a commune's rows of a year share a page or two instead of one page each.
    await executeSql(tx, `insert into ${table} (${COLUMNS.join(', ')}) select * from (${sql}) r order by commune_id, year, month`, params);
  }
}

function toCounts(row: Record<string, unknown>): SummaryCounts {
  return {
    communeId: String(row.commune_id),
    year: Number(row.year),
    month: Number(row.month),
    received: toCount(row.received),
    resolvedOnTime: toCount(row.resolved_on_time),
    resolvedOverdue: toCount(row.resolved_overdue),
    online: toCount(row.online),
  };
}

const ORDER = 'order by commune_id, year, month';

/** The stored summary rows with any count, ordered by commune, year and month. */
export async function readDossierSummary(em: EntityManager): Promise<SummaryCounts[]> {
  const rows = await executeSql(
    em,
    `select ${COLUMNS.join(', ')} from ${tableName(em, 'dossier_month_summary')}
     where received <> 0 or resolved_on_time <> 0 or resolved_overdue <> 0 or online <> 0 ${ORDER}`,
  );
  return rows.map(toCounts);
}

/** The summary recounted from the dossiers, in the same order: what readDossierSummary must equal. */
export async function recountDossierSummary(em: EntityManager): Promise<SummaryCounts[]> {
  const { sql, params } = recountSql(em);
  return (await executeSql(em, `select * from (${sql}) r ${ORDER}`, params)).map(toCounts);
}
