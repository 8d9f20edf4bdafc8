import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { executeSql, placeholders, tableName } from '../common/dialect.js';
import type { DocumentCounts, DossierCounts } from './kpi.rules.js';

/**
 * The same aggregates as countDossiers/countDocuments, for many units in one statement, grouped by
 * unit: a page of communes with their figures costs one query, not one per commune. `by` groups by
 * the commune (`commune`) or by the province the commune belonged to (`province`, a join on the
 * registry). Units without records are absent from the map.
 */
type GroupBy = 'commune' | 'province';

const SQLITE_SAFE_IDS = 10_000;

function groupColumn(by: GroupBy, alias: string): { select: string; join: (em: EntityManager) => string; where: string } {
  return by === 'commune'
    ? { select: `${alias}.commune_id`, join: () => '', where: `${alias}.commune_id` }
    : { select: 'u.province_id', join: (em) => `join ${tableName(em, 'administrative_unit')} u on u.id = ${alias}.commune_id`, where: 'u.province_id' };
}

/**
 * Dossier counts read from the month summary (dossier_month_summary, kept exact with every dossier
 * write): a commune-year is at most 12 rows and a province-year ~150 × 12, whatever the number of
 * dossiers behind them.
 */
export async function countDossiersGrouped(em: EntityManager, by: GroupBy, ids: readonly string[], year: number): Promise<Map<string, DossierCounts>> {
  const result = new Map<string, DossierCounts>();
  const g = groupColumn(by, 's');
  for (let i = 0; i < ids.length; i += SQLITE_SAFE_IDS) {
    const chunk = ids.slice(i, i + SQLITE_SAFE_IDS);
    const rows = await executeSql(
      em,
      `select ${g.select} as unit_id, sum(s.received) as received, sum(s.resolved_on_time) as resolved_on_time,
         sum(s.resolved_overdue) as resolved_overdue, sum(s.online) as online
       from ${tableName(em, 'dossier_month_summary')} s ${g.join(em)}
       where ${g.where} in (${placeholders(chunk.length)}) and s.year = ?
       group by ${g.select}`,
      [...chunk, year],
    );
    for (const row of rows) {
      result.set(String(row.unit_id), {
        received: toCount(row.received),
        resolvedOnTime: toCount(row.resolved_on_time),
        resolvedOverdue: toCount(row.resolved_overdue),
        online: toCount(row.online),
      });
    }
  }
  return result;
}

/**
 * Document counts read from the month summary (document_month_summary, kept exact with every document
 * and signature write): a commune-year is at most 12 rows, where the register is a row and a
 * signature probe per document.
 */
export async function countDocumentsGrouped(em: EntityManager, by: GroupBy, ids: readonly string[], year: number): Promise<Map<string, DocumentCounts>> {
  const result = new Map<string, DocumentCounts>();
  const g = groupColumn(by, 's');
  for (let i = 0; i < ids.length; i += SQLITE_SAFE_IDS) {
    const chunk = ids.slice(i, i + SQLITE_SAFE_IDS);
    const rows = await executeSql(
      em,
      `select ${g.select} as unit_id, sum(s.incoming) as incoming, sum(s.incoming_electronic) as incoming_electronic,
         sum(s.outgoing) as outgoing, sum(s.outgoing_electronic) as outgoing_electronic, sum(s.outgoing_signed) as outgoing_signed
       from ${tableName(em, 'document_month_summary')} s ${g.join(em)}
       where ${g.where} in (${placeholders(chunk.length)}) and s.year = ?
       group by ${g.select}`,
      [...chunk, year],
    );
    for (const row of rows) {
      result.set(String(row.unit_id), {
        incoming: toCount(row.incoming),
        incomingElectronic: toCount(row.incoming_electronic),
        outgoing: toCount(row.outgoing),
        outgoingElectronic: toCount(row.outgoing_electronic),
        outgoingSigned: toCount(row.outgoing_signed),
      });
    }
  }
  return result;
}
