import type { EntityManager } from '@mikro-orm/core';
import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { TrainingParticipant } from './training-participant.entity.js';
import { TrainingSessionCommune } from './training-session-commune.entity.js';
import { TrainingSession } from './training-session.entity.js';

/** Per-request batched lookups, so a year of sessions costs one query for their participants and one for their communes, not one per session. */
export function participantsBySession(context: SubgraphContext) {
  return requestLoader<string, TrainingParticipant[]>(context, 'participantsBySession', async (ids) => {
    const rows = await context.em.find(TrainingParticipant, { sessionId: { $in: [...ids] } }, { orderBy: { producerId: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.sessionId);
  });
}

export function communesBySession(context: SubgraphContext) {
  return requestLoader<string, TrainingSessionCommune[]>(context, 'communesBySession', async (ids) => {
    const rows = await context.em.find(TrainingSessionCommune, { sessionId: { $in: [...ids] } }, { orderBy: { communeId: 'asc' } });
    return groupByKey(ids, rows, (r) => r.sessionId);
  });
}

/** Sessions held for any of these communes in [from, to) (yyyy-mm-dd), by day. */
export async function sessionsForCommunes(em: EntityManager, communeIds: string[], from: string, to: string): Promise<TrainingSession[]> {
  const links = await em.find(TrainingSessionCommune, { communeId: { $in: communeIds } });
  if (!links.length) return [];
  return em.find(TrainingSession, { id: { $in: [...new Set(links.map((l) => l.sessionId))] }, heldOn: { $gte: from, $lt: to } }, { orderBy: { heldOn: 'asc', id: 'asc' } });
}
