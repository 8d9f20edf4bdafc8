import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import type { Viewer } from '../../shared/roles.js';
import { isOfficerOf, requireOfficerOf } from '../field-reports/officer-access.rules.js';
import { TrainingParticipant } from './training-participant.entity.js';
import { TrainingSessionCommune } from './training-session-commune.entity.js';
import { TrainingSession } from './training-session.entity.js';
import { checkParticipants, checkSession, checkSessionCommunes, type ParticipantKind, type TrainingAudience } from './training.rules.js';

export interface NewTrainingSession {
  communeIds: string[];
  title: string;
  organiser: string;
  audiences: TrainingAudience[];
  topics: string[];
  heldOn: string;
  attendeeCount?: number | null;
}

/** Records a session that was held, with the communes it served, in one transaction. OFFICER of every commune listed (or ADMIN). */
export async function recordTrainingSession(em: EntityManager, viewer: Viewer | null, input: NewTrainingSession): Promise<TrainingSession> {
  const communeIds = checkSessionCommunes(input.communeIds);
  for (const id of communeIds) requireOfficerOf(viewer, id, 'record training sessions');
  const fields = checkSession(input, todayInVietnam());
  const session = Object.assign(new TrainingSession(), { id: randomUUID(), ...fields });
  await em.transactional(async (tx) => {
    tx.persist(session);
    for (const communeId of communeIds) tx.persist(Object.assign(new TrainingSessionCommune(), { sessionId: session.id, communeId }));
  });
  return session;
}

/**
 * Lists participants of a session: OFFICER of one of its communes (or ADMIN). NOT_FOUND for an unknown session;
 * CONFLICT, with nothing written, when a producer is already listed.
 */
export async function addTrainingParticipants(
  em: EntityManager,
  viewer: Viewer | null,
  input: { sessionId: string; participants: readonly { kind: ParticipantKind; producerId?: string | null }[] },
): Promise<TrainingSession> {
  const session = await em.findOne(TrainingSession, { id: input.sessionId });
  if (!session) throw notFound(`No training session has id "${input.sessionId}".`, { field: 'input.sessionId' });
  const communes = await em.find(TrainingSessionCommune, { sessionId: session.id });
  // A session always has a commune; '00000/0' only gives the refusal a commune to name should one have none.
  if (!communes.some((c) => isOfficerOf(viewer, c.communeId))) requireOfficerOf(viewer, communes[0]?.communeId ?? '00000/0', 'add participants to this session');
  const participants = checkParticipants(input.participants);
  await em.transactional(async (tx) => {
    const ids = participants.flatMap((p) => (p.producerId ? [p.producerId] : []));
    const taken = ids.length ? await tx.find(TrainingParticipant, { sessionId: session.id, producerId: { $in: ids } }) : [];
    if (taken.length) throw conflict(`Producer "${taken[0].producerId}" is already listed for this session.`, { producerId: taken[0].producerId });
    for (const p of participants) tx.persist(Object.assign(new TrainingParticipant(), { id: randomUUID(), sessionId: session.id, ...p }));
  });
  return session;
}
