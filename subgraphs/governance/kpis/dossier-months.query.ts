import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { executeSql, placeholders, tableName } from '../common/dialect.js';

export interface DossierMonthCounts {
  month: number;
  received: number;
  online: number;
}

/**
 * Dossiers received per month of a year (Asia/Ho_Chi_Minh calendar), all and online, summed over
 * the units' rows of the month summary (dossier_month_summary): at most 12 rows a unit.
 */
export async function countDossiersByMonth(em: EntityManager, communeIds: readonly string[], year: number): Promise<DossierMonthCounts[]> {
  const rows = await executeSql(
    em,
    `select month, sum(received) as received, sum(online) as online from ${tableName(em, 'dossier_month_summary')}
     where commune_id in (${placeholders(communeIds.length)}) and year = ? group by month`,
    [...communeIds, year],
  );
  const byMonth = new Map(rows.map((row) => [Number(row.month), row]));
  return Array.from({ length: 12 }, (_, m) => ({ month: m + 1, received: toCount(byMonth.get(m + 1)?.received), online: toCount(byMonth.get(m + 1)?.online) }));
}
