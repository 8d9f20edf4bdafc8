import type { EntityManager } from '@mikro-orm/core';
import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { Broadcast } from './broadcast.entity.js';

/** A page of the commune's bulletins, latest start first (keyset on start, then id). */
export async function listBroadcasts(em: EntityManager, communeId: string, page: PageArgs): Promise<Connection<Broadcast>> {
  const { limit, after } = pageWindow(page);
  const where: Record<string, unknown> = { communeId };
  const total = await em.count(Broadcast, where);
  if (after) {
    const [ms, id] = after;
    if (typeof ms !== 'number' || typeof id !== 'string') throw invalidInput('The cursor is not one this list returned: pass a pageInfo.endCursor unchanged.', 'after');
    const at = new Date(ms);
    where.$or = [{ startsAt: { $lt: at } }, { startsAt: at, id: { $lt: id } }];
  }
  const rows = await em.find(Broadcast, where, { orderBy: { startsAt: 'desc', id: 'desc' }, limit: limit + 1 });
  return toConnection(rows, limit, total, (b) => [b.startsAt.getTime(), b.id]);
}
