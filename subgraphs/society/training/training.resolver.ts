import { cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { todayInVietnam } from '../../../core/time.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { Commune, communeScope, REQUIRES_LINEAGE, resolveCommuneReference } from '../commune/commune.reference.js';
import { isOfficerOf, requireOfficerOf } from '../field-reports/officer-access.rules.js';
import { producerRef } from './producer.reference.js';
import { TrainingParticipant } from './training-participant.entity.js';
import { TrainingSessionCommune } from './training-session-commune.entity.js';
import { TrainingSession } from './training-session.entity.js';
import { communesBySession, participantsBySession, sessionsForCommunes } from './training-loaders.js';
import { checkParticipants, checkSession, TrainingAudience } from './training.rules.js';
import { AddTrainingParticipantsInput, RecordTrainingSessionInput, TrainingParticipantType, TrainingSessionPayload, TrainingSessionType, TrainingStats } from './training.type.js';

function yearRange(year: number): { from: string; to: string } {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw invalidInput(`year must be 1990 to 2100, got ${year}.`, 'year');
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

@Resolver(() => TrainingSessionType)
export class TrainingSessionResolver {
  @FieldResolver(() => [Commune], { description: 'Communes it was held for.' })
  async communes(@Root() session: TrainingSession, @Ctx() context: SubgraphContext): Promise<Commune[]> {
    return (await communesBySession(context).load(session.id)).map((l) => resolveCommuneReference({ id: l.communeId }));
  }

  @FieldResolver(() => [TrainingParticipantType], { description: 'Participants listed, producers by id.' })
  async participants(@Root() session: TrainingSession, @Ctx() context: SubgraphContext): Promise<TrainingParticipantType[]> {
    return (await participantsBySession(context).load(session.id)).map((p) => ({ kind: p.kind, producer: p.producerId ? producerRef(p.producerId) : null }));
  }

  @FieldResolver(() => Int, { description: 'producersTrained = participants who are producers (households and cooperatives).' })
  async producersTrained(@Root() session: TrainingSession, @Ctx() context: SubgraphContext): Promise<number> {
    return (await participantsBySession(context).load(session.id)).filter((p) => p.producerId).length;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'attendees = the reported attendee count, or the participants listed when larger; null when neither is known.' })
  async attendees(@Root() session: TrainingSession, @Ctx() context: SubgraphContext): Promise<number | null> {
    const listed = (await participantsBySession(context).load(session.id)).length;
    const reported = session.attendeeCount ?? 0;
    return Math.max(listed, reported) || null;
  }

  @Mutation(() => TrainingSessionPayload, { description: 'Records a training session that was held (OFFICER of every commune it was for, or ADMIN).' })
  async recordTrainingSession(
    @Arg('input', () => RecordTrainingSessionInput, { description: 'The session.' }) input: RecordTrainingSessionInput,
    @Ctx() context: SubgraphContext,
  ): Promise<TrainingSessionPayload> {
    if (!input.communeIds.length || input.communeIds.length > 20) throw invalidInput('Give 1 to 20 communes.', 'input.communeIds');
    const communeIds = [...new Set(input.communeIds.map((id, i) => requireCommuneId(id, `input.communeIds.${i}`)))];
    for (const id of communeIds) requireOfficerOf(context.viewer, id, 'record training sessions');
    const fields = checkSession(input, todayInVietnam());
    const session = Object.assign(new TrainingSession(), { id: randomUUID(), ...fields });
    await context.em.transactional(async (tx) => {
      tx.persist(session);
      for (const communeId of communeIds) tx.persist(Object.assign(new TrainingSessionCommune(), { sessionId: session.id, communeId }));
    });
    return { trainingSession: session };
  }

  @Mutation(() => TrainingSessionPayload, { description: 'Adds participants to a session, producers by their commerce id (OFFICER of a commune of the session). CONFLICT for a producer already listed.' })
  async addTrainingParticipants(
    @Arg('input', () => AddTrainingParticipantsInput, { description: 'The participants.' }) input: AddTrainingParticipantsInput,
    @Ctx() context: SubgraphContext,
  ): Promise<TrainingSessionPayload> {
    const session = await context.em.findOne(TrainingSession, { id: input.sessionId });
    if (!session) throw notFound(`No training session has id "${input.sessionId}".`, { field: 'input.sessionId' });
    const communes = await context.em.find(TrainingSessionCommune, { sessionId: session.id });
    if (!communes.some((c) => isOfficerOf(context.viewer, c.communeId))) requireOfficerOf(context.viewer, communes[0]?.communeId ?? '00000/0', 'add participants to this session');
    const participants = checkParticipants(input.participants);
    await context.em.transactional(async (tx) => {
      const ids = participants.flatMap((p) => (p.producerId ? [p.producerId] : []));
      const taken = ids.length ? await tx.find(TrainingParticipant, { sessionId: session.id, producerId: { $in: ids } }) : [];
      if (taken.length) throw conflict(`Producer "${taken[0].producerId}" is already listed for this session.`, { producerId: taken[0].producerId });
      for (const p of participants) tx.persist(Object.assign(new TrainingParticipant(), { id: randomUUID(), sessionId: session.id, ...p }));
    });
    return { trainingSession: session };
  }
}

@Resolver(() => Commune)
export class CommuneTrainingResolver {
  @FieldResolver(() => [TrainingSessionType], { nullable: true, description: 'Training sessions held for the commune (or the units merged into it) in a year, by day.' })
  @Directive(REQUIRES_LINEAGE)
  async trainingSessions(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo, @Arg('year', () => Int, { description: 'Calendar year.' }) year: number): Promise<TrainingSession[]> {
    cacheForPeriod(info, { year });
    const { from, to } = yearRange(year);
    return sessionsForCommunes(context, communeScope(commune), from, to);
  }

  @FieldResolver(() => TrainingStats, { nullable: true, description: 'Training in the commune (or the units merged into it) in a year (formulas on each field).' })
  @Directive(REQUIRES_LINEAGE)
  async trainingStats(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Arg('year', () => Int, { description: 'Calendar year.' }) year: number): Promise<TrainingStats> {
    const { from, to } = yearRange(year);
    const sessions = await sessionsForCommunes(context, communeScope(commune), from, to);
    const participants = (await participantsBySession(context).loadMany(sessions.map((s) => s.id))).flatMap((l) => (l instanceof Error ? [] : l));
    return {
      sessions: sessions.length,
      producersTrained: new Set(participants.flatMap((p) => (p.producerId ? [p.producerId] : []))).size,
      officialSessions: sessions.filter((s) => s.audiences.includes(TrainingAudience.OFFICIALS)).length,
    };
  }
}
