import type { EntityManager } from '@mikro-orm/core';
import { monthSummaryStore } from '../common/month-summary.store.js';
import { executeSql, isSqlite, placeholders, tableName, type SqlValue } from '../common/dialect.js';
import { DocumentDirection } from './document-enums.js';
import type { CountedDocument, DocumentSummaryCounts } from './document-summary.rules.js';

const SQLITE_SAFE_IDS = 10_000;

/** The month of registered_on in SQL: SQLite keeps dates as 'yyyy-mm-dd' text, PostgreSQL as date. */
function monthColumn(em: EntityManager): string {
  return isSqlite(em) ? `cast(substr(d.registered_on, 6, 2) as integer)` : `cast(extract(month from d.registered_on) as integer)`;
}

/** The summary as the register gives it, for every commune or the given ones: the select that rebuilds it. */
function recountSql(em: EntityManager, communeIds?: readonly string[]): { sql: string; params: SqlValue[] } {
  const IN = DocumentDirection.INCOMING;
  const OUT = DocumentDirection.OUTGOING;
  const where = communeIds ? `where d.commune_id in (${placeholders(communeIds.length)})` : '';
  const month = monthColumn(em);
  return {
    sql: `select d.commune_id, d.register_year as year, ${month} as month,
            sum(case when d.direction = ? then 1 else 0 end) as incoming,
            sum(case when d.direction = ? and d.electronic then 1 else 0 end) as incoming_electronic,
            sum(case when d.direction = ? then 1 else 0 end) as outgoing,
            sum(case when d.direction = ? and d.electronic then 1 else 0 end) as outgoing_electronic,
            sum(case when d.direction = ? and d.electronic
                      and exists (select 1 from ${tableName(em, 'document_signature')} s where s.document_id = d.id) then 1 else 0 end) as outgoing_signed
          from ${tableName(em, 'document')} d ${where}
          group by d.commune_id, d.register_year, ${month}`,
    params: [IN, IN, OUT, OUT, OUT, ...(communeIds ?? [])],
  };
}

/** The count columns, in table order, and the field each becomes (the KPI reads sum them, kpis/grouped-counts.store.ts). */
export const DOCUMENT_SUMMARY_COUNTS = [
  ['incoming', 'incoming'], ['incoming_electronic', 'incomingElectronic'], ['outgoing', 'outgoing'],
  ['outgoing_electronic', 'outgoingElectronic'], ['outgoing_signed', 'outgoingSigned'],
] as const;

const store = monthSummaryStore({
  table: 'document_month_summary',
  counts: DOCUMENT_SUMMARY_COUNTS,
  recountSql,
});

/** Adds the deltas to the summary rows, in the transaction that writes the documents or signatures (MonthSummaryStore.applyDeltas). */
export const applyDocumentSummaryDeltas: (tx: EntityManager, deltas: readonly DocumentSummaryCounts[]) => Promise<void> = store.applyDeltas;
/** Recounts the summary from the register, of every commune or of the given ones; in a transaction. */
export const rebuildDocumentSummary = store.rebuild;
/** The stored summary rows with any count, ordered by commune, year and month. */
export const readDocumentSummary: (em: EntityManager) => Promise<DocumentSummaryCounts[]> = store.read;
/** The summary recounted from the register, in the same order: what readDocumentSummary must equal. */
export const recountDocumentSummary: (em: EntityManager) => Promise<DocumentSummaryCounts[]> = store.recount;

/**
 * The documents as the summary counts them now (absent: no such document), read after locking their
 * rows on PostgreSQL: two transactions signing or re-importing the same document one after the other
 * then see each other's writes and count a signature once (SQLite runs one write transaction at a
 * time). Call in the transaction that writes them.
 */
export async function lockCountedDocuments(tx: EntityManager, documentIds: readonly string[]): Promise<Map<string, CountedDocument>> {
  const counted = new Map<string, CountedDocument>();
  const document = tableName(tx, 'document');
  const signature = tableName(tx, 'document_signature');
  for (let i = 0; i < documentIds.length; i += SQLITE_SAFE_IDS) {
    const ids = documentIds.slice(i, i + SQLITE_SAFE_IDS);
    const rows = await executeSql(
      tx,
      `select d.id, d.commune_id, d.direction, d.electronic, d.register_year, ${monthColumn(tx)} as month from ${document} d
       where d.id in (${placeholders(ids.length)}) order by d.id${isSqlite(tx) ? '' : ' for update'}`,
      ids,
    );
    const signed = new Set((await executeSql(tx, `select distinct document_id from ${signature} where document_id in (${placeholders(ids.length)})`, ids)).map((r) => String(r.document_id)));
    for (const row of rows) {
      const id = String(row.id);
      counted.set(id, { communeId: String(row.commune_id), direction: String(row.direction), electronic: Boolean(row.electronic), year: Number(row.register_year), month: Number(row.month), signed: signed.has(id) });
    }
  }
  return counted;
}
