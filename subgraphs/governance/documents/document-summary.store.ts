import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { executeSql, isSqlite, placeholders, tableName, type SqlValue } from '../common/dialect.js';
import { DocumentDirection } from './document-enums.js';
import type { CountedDocument, DocumentSummaryCounts } from './document-summary.rules.js';

const COLUMNS = ['commune_id', 'year', 'month', 'incoming', 'incoming_electronic', 'outgoing', 'outgoing_electronic', 'outgoing_signed'] as const;
/** Eight values a row: stay far under SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 2_000;
const SQLITE_SAFE_IDS = 10_000;

/**
 * Adds the deltas to the summary rows (created at zero when missing). An upsert that adds is safe
 * under concurrent writers, where a recount would miss another transaction's uncommitted rows. Call
 * it in the transaction that writes the documents or signatures.
 */
export async function applyDocumentSummaryDeltas(tx: EntityManager, deltas: readonly DocumentSummaryCounts[]): Promise<void> {
  const table = tableName(tx, 'document_month_summary');
  for (let i = 0; i < deltas.length; i += ROWS_PER_STATEMENT) {
    const chunk = deltas.slice(i, i + ROWS_PER_STATEMENT);
    await executeSql(
      tx,
      `insert into ${table} as s (${COLUMNS.join(', ')}) values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
       on conflict (commune_id, year, month) do update set
         incoming = s.incoming + excluded.incoming, incoming_electronic = s.incoming_electronic + excluded.incoming_electronic,
         outgoing = s.outgoing + excluded.outgoing, outgoing_electronic = s.outgoing_electronic + excluded.outgoing_electronic,
         outgoing_signed = s.outgoing_signed + excluded.outgoing_signed`,
      chunk.flatMap((d): SqlValue[] => [d.communeId, d.year, d.month, d.incoming, d.incomingElectronic, d.outgoing, d.outgoingElectronic, d.outgoingSigned]),
    );
  }
}

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

/**
 * Recomputes the summary from the register, of every commune or of the given ones (after the pilot
 * seed, which inserts without knowing which rows were new). Call it in a transaction.
 */
export async function rebuildDocumentSummary(tx: EntityManager, communeIds?: readonly string[]): Promise<void> {
  const table = tableName(tx, 'document_month_summary');
  const groups = communeIds ? Array.from({ length: Math.ceil(communeIds.length / SQLITE_SAFE_IDS) }, (_, i) => communeIds.slice(i * SQLITE_SAFE_IDS, (i + 1) * SQLITE_SAFE_IDS)) : [undefined];
  for (const ids of groups) {
    if (ids && !ids.length) continue;
    await executeSql(tx, `delete from ${table}${ids ? ` where commune_id in (${placeholders(ids.length)})` : ''}`, ids ?? []);
    const { sql, params } = recountSql(tx, ids);
    // In key order, so a commune's rows of a year share a page or two.
    await executeSql(tx, `insert into ${table} (${COLUMNS.join(', ')}) select * from (${sql}) r order by commune_id, year, month`, params);
  }
}

function toCounts(row: Record<string, unknown>): DocumentSummaryCounts {
  return {
    communeId: String(row.commune_id),
    year: Number(row.year),
    month: Number(row.month),
    incoming: toCount(row.incoming),
    incomingElectronic: toCount(row.incoming_electronic),
    outgoing: toCount(row.outgoing),
    outgoingElectronic: toCount(row.outgoing_electronic),
    outgoingSigned: toCount(row.outgoing_signed),
  };
}

const ORDER = 'order by commune_id, year, month';

/** The stored summary rows with any count, ordered by commune, year and month. */
export async function readDocumentSummary(em: EntityManager): Promise<DocumentSummaryCounts[]> {
  const rows = await executeSql(
    em,
    `select ${COLUMNS.join(', ')} from ${tableName(em, 'document_month_summary')}
     where incoming <> 0 or incoming_electronic <> 0 or outgoing <> 0 or outgoing_electronic <> 0 or outgoing_signed <> 0 ${ORDER}`,
  );
  return rows.map(toCounts);
}

/** The summary recounted from the register, in the same order: what readDocumentSummary must equal. */
export async function recountDocumentSummary(em: EntityManager): Promise<DocumentSummaryCounts[]> {
  const { sql, params } = recountSql(em);
  return (await executeSql(em, `select * from (${sql}) r ${ORDER}`, params)).map(toCounts);
}

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
