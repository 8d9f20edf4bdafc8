import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { executeSql, placeholders, tableName } from '../common/dialect.js';
import { DOCUMENT_SUMMARY_COUNTS } from '../documents/document-summary.store.js';
import { DOSSIER_SUMMARY_COUNTS } from '../dossiers/dossier-summary.store.js';
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

/** The two month summaries, their count columns in the order of the statement's c1..c5 and the field each becomes. */
const SUMMARIES = {
  dossiers: { table: 'dossier_month_summary', counts: DOSSIER_SUMMARY_COUNTS },
  documents: { table: 'document_month_summary', counts: DOCUMENT_SUMMARY_COUNTS },
} as const;
const SLOTS = 5;

export type SummaryKind = keyof typeof SUMMARIES;

export interface GroupedCounts {
  dossiers: Map<string, DossierCounts>;
  documents: Map<string, DocumentCounts>;
}

/** One summary's part of the statement: kind, unit_id and its sums as c1..c5 (0 for a slot it does not use). */
function summarySelect(em: EntityManager, kind: SummaryKind, by: GroupBy, count: number): string {
  const { table, counts } = SUMMARIES[kind];
  const g = groupColumn(by, 's');
  const sums = Array.from({ length: SLOTS }, (_, i) => (counts[i] ? `sum(s.${counts[i][0]})` : '0') + ` as c${i + 1}`);
  return `select '${kind}' as kind, ${g.select} as unit_id, ${sums.join(', ')}
    from ${tableName(em, table)} s ${g.join(em)}
    where ${g.where} in (${placeholders(count)}) and s.year = ?
    group by ${g.select}`;
}

/**
 * Dossier and document counts of a year read from the month summaries (dossier_month_summary and
 * document_month_summary, kept exact with every write): a commune-year is at most 12 rows of each
 * and a province-year ~150 × 12, whatever the number of records behind them. When both kinds are
 * asked for, one statement reads both (`union all`): the sample query's dossierStats and
 * documentStats cost one statement, not two.
 */
export async function countSummariesGrouped(em: EntityManager, by: GroupBy, ids: { dossiers: readonly string[]; documents: readonly string[] }, year: number): Promise<GroupedCounts> {
  const result: GroupedCounts = { dossiers: new Map(), documents: new Map() };
  const longest = Math.max(ids.dossiers.length, ids.documents.length);
  for (let i = 0; i < longest; i += SQLITE_SAFE_IDS) {
    const parts: string[] = [];
    const params: (string | number)[] = [];
    for (const kind of ['dossiers', 'documents'] as const) {
      const chunk = ids[kind].slice(i, i + SQLITE_SAFE_IDS);
      if (!chunk.length) continue;
      parts.push(summarySelect(em, kind, by, chunk.length));
      params.push(...chunk, year);
    }
    const rows = await executeSql(em, parts.join('\nunion all\n'), params);
    for (const row of rows) {
      const kind = String(row.kind) as SummaryKind;
      const counts = Object.fromEntries(SUMMARIES[kind].counts.map(([, field], slot) => [field, toCount(row[`c${slot + 1}`])]));
      (result[kind] as Map<string, object>).set(String(row.unit_id), counts);
    }
  }
  return result;
}
