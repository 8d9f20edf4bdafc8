import type { EntityManager } from '@mikro-orm/core';
import { toCount } from '../../../core/db/database.js';
import type { CursorKey } from '../../../core/graphql/connection.js';
import { startOfVietnamDay } from '../../../core/time.js';
import { executeSql, placeholders, tableName } from '../common/dialect.js';
import { SqlConditions } from '../common/sql-conditions.js';
import { OPEN_STATUSES } from './dossier-status.rules.js';
import { Dossier } from './dossier.entity.js';
import { DossierApplicant, DossierView, type DossierFilter } from './dossier.type.js';

export function toDossierView(d: Dossier): DossierView {
  return Object.assign(new DossierView(), {
    id: d.id,
    communeId: d.communeId,
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    procedureField: d.procedureField,
    channel: d.channel,
    onlineLevel: d.onlineLevel ?? null,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    completedAt: d.completedAt ?? null,
    status: d.status,
    statusChangedAt: d.statusChangedAt,
    applicant: Object.assign(new DossierApplicant(), {
      name: d.applicantName,
      idNumber: d.applicantIdNumber ?? null,
      phone: d.applicantPhone ?? null,
    }),
  });
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A page of a commune's dossiers, newest first: keyset on (received_at, id) descending, served by
 * the index (commune_id, received_at, id).
 */
export async function listDossiers(
  em: EntityManager,
  communeId: string,
  filter: DossierFilter,
  limit: number,
  after: CursorKey | null,
  now = new Date(),
): Promise<{ rows: Dossier[]; totalCount: number }> {
  const where = new SqlConditions().add('commune_id = ?', communeId);
  if (filter.statuses?.length) where.add(`status in (${placeholders(filter.statuses.length)})`, ...filter.statuses);
  if (filter.channel) where.add('channel = ?', filter.channel);
  if (filter.procedureCode) where.add('procedure_code = ?', filter.procedureCode);
  if (filter.receivedFrom) where.add('received_at >= ?', startOfVietnamDay(filter.receivedFrom));
  if (filter.receivedTo) where.add('received_at < ?', startOfVietnamDay(nextDay(filter.receivedTo)));
  if (filter.overdueNow !== undefined && filter.overdueNow !== null) {
    const overdue = `status in (${placeholders(OPEN_STATUSES.length)}) and due_at < ?`;
    where.add(filter.overdueNow ? overdue : `not (${overdue})`, ...OPEN_STATUSES, now);
  }
  const [count] = await executeSql(em, `select count(*) as n from ${tableName(em, 'dossier')} ${where.toSql()}`, where.params);
  const page = where.copy();
  if (after) {
    const [ms, id] = after;
    const at = new Date(Number(ms));
    page.add('received_at < ? or (received_at = ? and id < ?)', at, at, String(id));
  }
  const rows = await executeSql(em, `select * from ${tableName(em, 'dossier')} ${page.toSql()} order by received_at desc, id desc limit ?`, [...page.params, limit + 1]);
  return { rows: rows.map((row) => em.map(Dossier, row)), totalCount: toCount(count?.n) };
}

export function dossierCursor(d: Pick<DossierView, 'receivedAt' | 'id'>): CursorKey {
  return [d.receivedAt.getTime(), d.id];
}
