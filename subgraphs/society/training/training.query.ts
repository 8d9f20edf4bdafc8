import type { EntityManager } from '@mikro-orm/core';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import type { TrainingSession } from './training-session.entity.js';
import { participantsBySession, sessionsForCommunes } from './training.store.js';
import { TrainingAudience, trainingYear } from './training.rules.js';

export interface TrainingYearStats {
  sessions: number;
  producersTrained: number;
  officialSessions: number;
}

/** Sessions held for these communes (a commune and those merged into it) in a calendar year, by day. Public. */
export function trainingSessionsIn(em: EntityManager, communeIds: string[], year: number): Promise<TrainingSession[]> {
  const { from, to } = trainingYear(year);
  return sessionsForCommunes(em, communeIds, from, to);
}

/**
 * The year's training in these communes. Participants come through the request's loader (hence the
 * context, not only its EntityManager), so a query that also lists the sessions' participants reads them once.
 */
export async function trainingStatsIn(context: SubgraphContext, communeIds: string[], year: number): Promise<TrainingYearStats> {
  const sessions = await trainingSessionsIn(context.em, communeIds, year);
  const participants = (await participantsBySession(context).loadMany(sessions.map((s) => s.id))).flatMap((l) => (l instanceof Error ? [] : l));
  return {
    sessions: sessions.length,
    producersTrained: new Set(participants.flatMap((p) => (p.producerId ? [p.producerId] : []))).size,
    officialSessions: sessions.filter((s) => s.audiences.includes(TrainingAudience.OFFICIALS)).length,
  };
}
