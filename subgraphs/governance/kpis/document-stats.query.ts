import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { executeSql, placeholders, tableName } from '../common/dialect.js';
import { DocumentDirection } from '../documents/document-enums.js';

export interface DocumentCounts {
  incoming: number;
  incomingElectronic: number;
  outgoing: number;
  outgoingElectronic: number;
  outgoingSigned: number;
}

/**
 * One aggregate query over the register of the given units for a year (the year a document counts
 * in: arrival year for incoming, issue year for outgoing). "Signed" = at least one digital signature
 * record exists for the (electronic, outgoing) document. Served by index (commune_id, register_year, direction).
 */
export async function countDocuments(em: EntityManager, communeIds: readonly string[], year: number): Promise<DocumentCounts> {
  const IN = DocumentDirection.INCOMING;
  const OUT = DocumentDirection.OUTGOING;
  const [row] = await executeSql(
    em,
    `select
       sum(case when d.direction = ? then 1 else 0 end) as incoming,
       sum(case when d.direction = ? and d.electronic then 1 else 0 end) as incoming_electronic,
       sum(case when d.direction = ? then 1 else 0 end) as outgoing,
       sum(case when d.direction = ? and d.electronic then 1 else 0 end) as outgoing_electronic,
       sum(case when d.direction = ? and d.electronic
                 and exists (select 1 from ${tableName(em, 'document_signature')} s where s.document_id = d.id) then 1 else 0 end) as outgoing_signed
     from ${tableName(em, 'document')} d
     where d.commune_id in (${placeholders(communeIds.length)}) and d.register_year = ?`,
    [IN, IN, OUT, OUT, OUT, ...communeIds, year],
  );
  return {
    incoming: toCount(row?.incoming),
    incomingElectronic: toCount(row?.incoming_electronic),
    outgoing: toCount(row?.outgoing),
    outgoingElectronic: toCount(row?.outgoing_electronic),
    outgoingSigned: toCount(row?.outgoing_signed),
  };
}
