import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { ProducerReference } from './producer.reference.js';
import { TrainingSession } from './training-session.entity.js';
import { ParticipantKind, TrainingAudience } from './training.rules.js';

registerEnumType(TrainingAudience, {
  name: 'TrainingAudience',
  description: 'Who a training session is for.',
  valuesConfig: {
    OFFICIALS: { description: 'Commune officials and civil servants.' },
    HOUSEHOLDS: { description: 'Farming or business households.' },
    COOPERATIVES: { description: 'Cooperatives.' },
    RESIDENTS: { description: 'Residents at large (community digital-technology teams, citizens).' },
  },
});
registerEnumType(ParticipantKind, {
  name: 'TrainingParticipantKind',
  description: 'Who a participant is.',
  valuesConfig: {
    OFFICIAL: { description: 'A commune official (not named: counted only).' },
    HOUSEHOLD: { description: 'A household producer (a Producer of commerce).' },
    COOPERATIVE: { description: 'A cooperative (a Producer of commerce).' },
  },
});

@ObjectType('TrainingSession', { description: 'A training or digital-skills session (tập huấn).' })
@Directive(PART_OF_PARENT)
export class TrainingSessionType {
  @Field(() => ID, { description: 'Session id.' })
  id!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { description: 'Who organised it.' })
  organiser!: string;

  @Field(() => [TrainingAudience], { description: 'Who it was for.' })
  audiences!: TrainingAudience[];

  @Field(() => [String], { description: 'Topics covered.' })
  topics!: string[];

  @Field(() => DateScalar, { description: 'Day it was held.' })
  heldOn!: string;
}

@ObjectType({ description: 'Training in a commune in a year.' })
export class TrainingStats {
  @Field(() => Int, { description: 'sessions = sessions held for the commune in the year.' })
  sessions!: number;

  @Field(() => Int, { description: 'producersTrained = distinct producers (households and cooperatives) listed as participants of those sessions.' })
  producersTrained!: number;

  @Field(() => Int, { description: 'officialSessions = sessions whose audience includes OFFICIALS.' })
  officialSessions!: number;
}

@InputType({ description: 'A session that was held.' })
export class RecordTrainingSessionInput {
  @Field(() => [ID], { description: 'Communes it was held for (Commune.id), 1 to 20.' })
  communeIds!: string[];

  @Field(() => String, { description: 'Title, 1 to 300 characters.' })
  title!: string;

  @Field(() => String, { description: 'Organiser, 1 to 300 characters.' })
  organiser!: string;

  @Field(() => [TrainingAudience], { description: 'Audiences (at least one).' })
  audiences!: TrainingAudience[];

  @Field(() => [String], { description: 'Topics, at most 30 of 1 to 200 characters.' })
  topics!: string[];

  @Field(() => DateScalar, { description: 'Day held, not in the future.' })
  heldOn!: string;

  @Field(() => Int, { nullable: true, description: 'Attendees as reported, 1 to 100000, when they are not all listed.' })
  attendeeCount?: number | null;
}

@InputType({ description: 'A participant.' })
export class TrainingParticipantInput {
  @Field(() => ParticipantKind, { description: 'Official, household or cooperative.' })
  kind!: ParticipantKind;

  @Field(() => ID, { nullable: true, description: 'Producer.id (commerce) for a household or cooperative; none for an official.' })
  producerId?: string | null;
}

@InputType({ description: 'Participants to add to a session (a producer already listed is refused).' })
export class AddTrainingParticipantsInput {
  @Field(() => ID, { description: 'The session.' })
  sessionId!: string;

  @Field(() => [TrainingParticipantInput], { description: '1 to 1000 participants.' })
  participants!: TrainingParticipantInput[];
}

@ObjectType({ description: 'The session as it now stands.' })
export class TrainingSessionPayload {
  @Field(() => TrainingSessionType, { description: 'The session.' })
  trainingSession!: TrainingSession;
}

@ObjectType('TrainingParticipant', { description: 'Someone trained at a session: an official (counted, not named) or a producer.' })
export class TrainingParticipantType {
  @Field(() => ParticipantKind, { description: 'Official, household or cooperative.' })
  kind!: ParticipantKind;

  @Field(() => ProducerReference, { nullable: true, description: 'The producer (commerce), for households and cooperatives.' })
  producer!: ProducerReference | null;
}
