import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import { vietnamYearRange } from '../../../core/time.js';
import { executeSql, placeholders, tableName } from '../common/dialect.js';
import { DossierChannel, DossierStatus } from '../dossiers/dossier-enums.js';
import type { DossierCounts } from './kpi.rules.js';

/**
 * One aggregate query over the dossiers the given units received in a year (Asia/Ho_Chi_Minh
 * calendar). The year's cohort: resolved on time = status RESOLVED with completedAt ≤ dueAt,
 * overdue = RESOLVED with completedAt > dueAt, whenever the result came. Served by the index
 * (commune_id, received_at, id): a range scan over one commune-year.
 */
export async function countDossiers(em: EntityManager, communeIds: readonly string[], year: number): Promise<DossierCounts> {
  const { start, end } = vietnamYearRange(year);
  const [row] = await executeSql(
    em,
    `select
       count(*) as received,
       sum(case when status = ? and completed_at <= due_at then 1 else 0 end) as resolved_on_time,
       sum(case when status = ? and completed_at > due_at then 1 else 0 end) as resolved_overdue,
       sum(case when channel = ? then 1 else 0 end) as online
     from ${tableName(em, 'dossier')}
     where commune_id in (${placeholders(communeIds.length)}) and received_at >= ? and received_at < ?`,
    [DossierStatus.RESOLVED, DossierStatus.RESOLVED, DossierChannel.ONLINE, ...communeIds, start, end],
  );
  return {
    received: toCount(row?.received),
    resolvedOnTime: toCount(row?.resolved_on_time),
    resolvedOverdue: toCount(row?.resolved_overdue),
    online: toCount(row?.online),
  };
}
