import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { startOfVietnamDay } from '../../../core/time.js';
import { executeSql, placeholders, tableName, type SqlValue } from '../common/dialect.js';
import { DossierChannel } from '../dossiers/dossier-enums.js';

export interface DossierMonthCounts {
  month: number;
  received: number;
  online: number;
}

/**
 * Dossiers received per month of a year (Asia/Ho_Chi_Minh calendar), all and online, in one
 * aggregate over the year's range of the (commune_id, received_at) index: one sum per month with
 * bound month boundaries, so SQLite and PostgreSQL run the same statement.
 */
export async function countDossiersByMonth(em: EntityManager, communeIds: readonly string[], year: number): Promise<DossierMonthCounts[]> {
  const bounds = Array.from({ length: 13 }, (_, i) => startOfVietnamDay(i < 12 ? `${year}-${String(i + 1).padStart(2, '0')}-01` : `${year + 1}-01-01`));
  const sums: string[] = [];
  const params: SqlValue[] = [];
  for (let m = 0; m < 12; m++) {
    sums.push(`sum(case when received_at >= ? and received_at < ? then 1 else 0 end) as r${m}`);
    sums.push(`sum(case when received_at >= ? and received_at < ? and channel = ? then 1 else 0 end) as o${m}`);
    params.push(bounds[m], bounds[m + 1], bounds[m], bounds[m + 1], DossierChannel.ONLINE);
  }
  const [row] = await executeSql(
    em,
    `select ${sums.join(', ')} from ${tableName(em, 'dossier')}
     where commune_id in (${placeholders(communeIds.length)}) and received_at >= ? and received_at < ?`,
    [...params, ...communeIds, bounds[0], bounds[12]],
  );
  return Array.from({ length: 12 }, (_, m) => ({ month: m + 1, received: toCount(row?.[`r${m}`]), online: toCount(row?.[`o${m}`]) }));
}
