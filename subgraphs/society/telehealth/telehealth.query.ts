import type { EntityManager } from '@mikro-orm/core';
import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import { Teleconsultation } from './teleconsultation.entity.js';
import { TelehealthAccount } from './telehealth-account.entity.js';

/** The stations' accounts in these units, by unit and platform. Public. */
export function listTelehealthAccounts(em: EntityManager, communeIds: string[]): Promise<TelehealthAccount[]> {
  return em.find(TelehealthAccount, { communeId: { $in: communeIds } }, { orderBy: { communeId: 'asc', platform: 'asc' } });
}

/** A page of one account's consultations, newest first. The caller checks access: these are health data. */
export async function listTeleconsultations(em: EntityManager, accountId: string, page: PageArgs): Promise<Connection<Teleconsultation>> {
  const { limit, after } = pageWindow(page);
  const where = { accountId };
  const keyset = after
    ? { $or: [{ scheduledAt: { $lt: new Date(Number(after[0])) } }, { scheduledAt: new Date(Number(after[0])), id: { $lt: String(after[1]) } }] }
    : {};
  const [rows, totalCount] = await Promise.all([
    em.find(Teleconsultation, { ...where, ...keyset }, { orderBy: { scheduledAt: 'desc', id: 'desc' }, limit: limit + 1 }),
    em.count(Teleconsultation, where),
  ]);
  return toConnection(rows, limit, totalCount, (r) => [r.scheduledAt.getTime(), r.id]);
}
