import { cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune, communeScope, REQUIRES_LINEAGE, resolveCommuneReference } from '../commune/commune.reference.js';
import { producerRef } from './producer.reference.js';
import type { TrainingSession } from './training-session.entity.js';
import { addTrainingParticipants, recordTrainingSession } from './training.command.js';
import { trainingSessionsIn, trainingStatsIn } from './training.query.js';
import { communesBySession, participantsBySession } from './training.store.js';
import { AddTrainingParticipantsInput, RecordTrainingSessionInput, TrainingParticipantType, TrainingSessionPayload, TrainingSessionType, TrainingStats } from './training.type.js';

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
    return { trainingSession: await recordTrainingSession(context.em, context.viewer, input) };
  }

  @Mutation(() => TrainingSessionPayload, { description: 'Adds participants to a session, producers by their commerce id (OFFICER of a commune of the session). CONFLICT for a producer already listed.' })
  async addTrainingParticipants(
    @Arg('input', () => AddTrainingParticipantsInput, { description: 'The participants.' }) input: AddTrainingParticipantsInput,
    @Ctx() context: SubgraphContext,
  ): Promise<TrainingSessionPayload> {
    return { trainingSession: await addTrainingParticipants(context.em, context.viewer, input) };
  }
}

@Resolver(() => Commune)
export class CommuneTrainingResolver {
  @FieldResolver(() => [TrainingSessionType], { nullable: true, description: 'Training sessions held for the commune (or the units merged into it) in a year, by day.' })
  @Directive(REQUIRES_LINEAGE)
  async trainingSessions(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo, @Arg('year', () => Int, { description: 'Calendar year.' }) year: number): Promise<TrainingSession[]> {
    cacheForPeriod(info, { year });
    return trainingSessionsIn(context.em, communeScope(commune), year);
  }

  @FieldResolver(() => TrainingStats, { nullable: true, description: 'Training in the commune (or the units merged into it) in a year (formulas on each field).' })
  @Directive(REQUIRES_LINEAGE)
  async trainingStats(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Arg('year', () => Int, { description: 'Calendar year.' }) year: number): Promise<TrainingStats> {
    return Object.assign(new TrainingStats(), await trainingStatsIn(context, communeScope(commune), year));
  }
}
