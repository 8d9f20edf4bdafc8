import type { EntityManager } from '@mikro-orm/core';
import { monthSummaryStore } from '../common/month-summary.store.js';
import { isSqlite, placeholders, tableName, type SqlValue } from '../common/dialect.js';
import { DossierChannel, DossierStatus } from './dossier-enums.js';
import type { SummaryCounts } from './dossier-summary.rules.js';

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

/** The count columns, in table order, and the field each becomes (the KPI reads sum them, kpis/grouped-counts.store.ts). */
export const DOSSIER_SUMMARY_COUNTS = [['received', 'received'], ['resolved_on_time', 'resolvedOnTime'], ['resolved_overdue', 'resolvedOverdue'], ['online', 'online']] as const;

const store = monthSummaryStore({
  table: 'dossier_month_summary',
  counts: DOSSIER_SUMMARY_COUNTS,
  recountSql,
});

/** Adds the deltas to the summary rows, in the transaction that writes the dossiers (MonthSummaryStore.applyDeltas). */
export const applySummaryDeltas: (tx: EntityManager, deltas: readonly SummaryCounts[]) => Promise<void> = store.applyDeltas;
/** Recounts the summary from the dossiers, of every commune or of the given ones; in a transaction. */
export const rebuildDossierSummary = store.rebuild;
/** The stored summary rows with any count, ordered by commune, year and month. */
export const readDossierSummary: (em: EntityManager) => Promise<SummaryCounts[]> = store.read;
/** The summary recounted from the dossiers, in the same order: what readDossierSummary must equal. */
export const recountDossierSummary: (em: EntityManager) => Promise<SummaryCounts[]> = store.recount;
