import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { CursorKey } from '../../../core/graphql/connection.js';
import { InformationAlert } from './information-alert.entity.js';

/** A commune's alerts, newest first (keyset on detectedAt, id), optionally only handled or open ones. */
export async function listAlerts(em: EntityManager, communeId: string, handled: boolean | undefined, limit: number, after: CursorKey | null) {
  const where: FilterQuery<InformationAlert> = { unitId: communeId };
  if (handled === true) where.handledAt = { $ne: null };
  if (handled === false) where.handledAt = null;
  const totalCount = await em.count(InformationAlert, where);
  const page: FilterQuery<InformationAlert> = after
    ? { $and: [where, { $or: [{ detectedAt: { $lt: new Date(Number(after[0])) } }, { detectedAt: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] }] }
    : where;
  const rows = await em.find(InformationAlert, page, { orderBy: { detectedAt: 'desc', id: 'desc' }, limit: limit + 1 });
  return { rows, totalCount };
}

export function alertCursor(alert: { detectedAt: Date; id: string }): CursorKey {
  return [alert.detectedAt.getTime(), alert.id];
}
