import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { type CursorKey } from '../../../core/graphql/connection.js';
import { foldForSearch } from '../../../core/text.js';
import { executeSql, tableName } from '../common/dialect.js';
import { SqlConditions } from '../common/sql-conditions.js';
import { DocumentSignature } from './document-signature.entity.js';
import { DocumentRecord } from './document.entity.js';
import { DocumentSignatureView, DocumentView, type DocumentFilter } from './document.type.js';

export function toDocumentView(r: DocumentRecord): DocumentView {
  return Object.assign(new DocumentView(), {
    id: r.id,
    communeId: r.communeId,
    direction: r.direction,
    number: r.number,
    symbol: r.symbol,
    numberAndSymbol: `${r.number}/${r.symbol}`,
    documentType: r.documentType,
    issuedOn: r.issuedOn,
    issuedPlace: r.issuedPlace ?? null,
    issuingBody: r.issuingBody,
    subject: r.subject,
    urgency: r.urgency,
    secrecy: r.secrecy,
    signerName: r.signerName ?? null,
    signerPosition: r.signerPosition ?? null,
    recipients: r.recipients ? r.recipients.split('\n') : [],
    electronic: r.electronic,
    arrivalNumber: r.arrivalNumber ?? null,
    arrivedOn: r.arrivedOn ?? null,
    registeredOn: r.registeredOn,
  });
}

export function toSignatureView(s: DocumentSignature): DocumentSignatureView {
  return Object.assign(new DocumentSignatureView(), {
    id: s.id,
    kind: s.kind,
    signerName: s.signerName,
    signerPosition: s.signerPosition ?? null,
    signedAt: s.signedAt,
    certificateSerial: s.certificateSerial,
    certificateIssuer: s.certificateIssuer,
  });
}

export function signaturesByDocument(context: SubgraphContext) {
  return requestLoader<string, DocumentSignature[]>(context, 'signaturesByDocument', async (ids) => {
    const rows = await context.em.find(DocumentSignature, { documentId: { $in: [...ids] } }, { orderBy: { signedAt: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (s) => s.documentId);
  });
}

const signed = (em: EntityManager) => `exists (select 1 from ${tableName(em, 'document_signature')} s where s.document_id = d.id)`;

/**
 * A page of a commune's register, newest first: keyset on (registered_on, id), both descending,
 * so a page is an index range (commune_id, registered_on, id) whatever the table size.
 */
export async function listDocuments(
  em: EntityManager,
  communeId: string,
  filter: DocumentFilter,
  limit: number,
  after: CursorKey | null,
): Promise<{ rows: DocumentRecord[]; totalCount: number }> {
  const where = new SqlConditions().add('d.commune_id = ?', communeId);
  if (filter.direction) where.add('d.direction = ?', filter.direction);
  if (filter.year !== undefined && filter.year !== null) where.add('d.register_year = ?', filter.year);
  if (filter.urgency) where.add('d.urgency = ?', filter.urgency);
  if (filter.signed === true) where.add(signed(em));
  if (filter.signed === false) where.add(`not ${signed(em)}`);
  const words = filter.search ? foldForSearch(filter.search).split(' ').filter(Boolean) : [];
  for (const word of words) where.add('d.subject_folded like ?', `%${word.replace(/[%_]/g, '')}%`);
  const [count] = await executeSql(em, `select count(*) as n from ${tableName(em, 'document')} d ${where.toSql()}`, where.params);
  const page = where.copy();
  if (after) {
    const [date, id] = after;
    page.add('d.registered_on < ? or (d.registered_on = ? and d.id < ?)', String(date), String(date), String(id));
  }
  const rows = await executeSql(em, `select d.* from ${tableName(em, 'document')} d ${page.toSql()} order by d.registered_on desc, d.id desc limit ?`, [...page.params, limit + 1]);
  return { rows: rows.map((row) => em.map(DocumentRecord, row)), totalCount: toCount(count?.n) };
}

export function documentCursor(r: Pick<DocumentRecord, 'registeredOn' | 'id'>): CursorKey {
  return [r.registeredOn, r.id];
}

/** The next free number of a register sequence: max of the numbers the query selects (as `n`), plus one. */
export async function nextDocumentNumber(em: EntityManager, sql: string, params: (string | number)[]): Promise<number> {
  const [row] = await executeSql(em, sql, params);
  return toCount(row?.n) + 1;
}

/** The next arrival number of the commune's incoming register for the year. */
export function nextArrivalNumber(em: EntityManager, communeId: string, year: number): Promise<number> {
  return nextDocumentNumber(em, `select max(arrival_number) as n from ${tableName(em, 'document')} where commune_id = ? and register_year = ?`, [communeId, year]);
}

/** The next number the commune gives an outgoing document of this issuer and year. */
export function nextOutgoingNumber(em: EntityManager, communeId: string, direction: string, issuingBody: string, year: number): Promise<number> {
  return nextDocumentNumber(em, `select max(number) as n from ${tableName(em, 'document')} where commune_id = ? and direction = ? and issuer_key = ? and issued_year = ?`, [
    communeId,
    direction,
    foldForSearch(issuingBody),
    year,
  ]);
}
