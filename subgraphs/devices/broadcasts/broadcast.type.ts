import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { BroadcastTarget } from './broadcast-target.entity.js';
import { Broadcast, BroadcastPriority } from './broadcast.entity.js';

export enum BroadcastStatus {
  SCHEDULED = 'SCHEDULED',
  PLAYING = 'PLAYING',
  PLAYED = 'PLAYED',
  FAILED = 'FAILED',
}

registerEnumType(BroadcastPriority, {
  name: 'BroadcastPriority',
  description:
    'Circular 39/2020/TT-BTTTT: NORMAL; PRIORITY (pushes back NORMAL bulletins it overlaps); ' +
    'EMERGENCY (disasters, fire, epidemics: plays at once and pushes back everything else on its clusters).',
  valuesConfig: {
    NORMAL: { description: 'Normal bulletin (tin thường): plays in its slot; overlapping anything is a conflict.' },
    PRIORITY: { description: 'Priority bulletin (tin ưu tiên): pushes back NORMAL bulletins it overlaps.' },
    EMERGENCY: { description: 'Emergency bulletin (tin khẩn cấp): plays at once, pushing back NORMAL and PRIORITY ones.' },
  },
});
registerEnumType(BroadcastStatus, {
  name: 'BroadcastStatus',
  description:
    'Per cluster: FAILED or PLAYED when the cluster\'s receiver reported so; otherwise by the clock: ' +
    'SCHEDULED before the slot, PLAYING during it, PLAYED after it.',
  valuesConfig: {
    SCHEDULED: { description: 'Its slot on the cluster has not begun.' },
    PLAYING: { description: 'Its slot on the cluster is under way.' },
    PLAYED: { description: 'Its slot has ended, or the receiver reported it played.' },
    FAILED: { description: 'The receiver reported it could not play it (see failureReason).' },
  },
});

@ObjectType('Broadcast', { description: 'A bulletin (bản tin) for a commune\'s loudspeaker clusters, with a slot on each target cluster.' })
export class BroadcastType {
  @Field(() => ID, { description: 'Bulletin id.' })
  id!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { description: 'Text read out, or a description of the audio.' })
  content!: string;

  @Field(() => BroadcastPriority, { description: 'NORMAL, PRIORITY or EMERGENCY.' })
  priority!: BroadcastPriority;

  @Field(() => DateTimeScalar, { description: 'The start asked for (for an emergency, when it was issued). Each target has its own actual slot.' })
  startsAt!: Date;

  @Field(() => Int, { description: 'Length in seconds.' })
  durationSeconds!: number;

  @Field(() => DateTimeScalar, { description: 'When it was scheduled.' })
  createdAt!: Date;
}

@ObjectType('BroadcastTarget', { description: 'A bulletin on one cluster: its slot there and how it went.' })
export class BroadcastTargetType {
  @Field(() => DateTimeScalar, { description: 'Start of the slot on this cluster (later than asked if pre-empted).' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the slot (exclusive).' })
  endsAt!: Date;

  @Field(() => Boolean, { description: 'True when a higher-priority bulletin cut it off while playing; it then plays again, whole, at startsAt.' })
  interrupted!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it failed, when the receiver reported FAILED.' })
  failureReason!: string | null;
}

export const { ConnectionType: BroadcastConnection } = connectionTypes(BroadcastType, 'Broadcast', 'bulletin');

@InputType({ description: 'A bulletin to schedule on some or all clusters of a commune.' })
export class ScheduleBroadcastInput {
  @Field(() => ID, { description: 'Commune.id, e.g. "05068/1".' })
  communeId!: string;

  @Field(() => String, { description: 'Title, 1 to 300 characters.' })
  title!: string;

  @Field(() => String, { description: 'Text read out, 1 to 20000 characters.' })
  content!: string;

  @Field(() => BroadcastPriority, { description: 'NORMAL, PRIORITY or EMERGENCY.' })
  priority!: BroadcastPriority;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When to start; required for NORMAL and PRIORITY, not in the past. Leave out for EMERGENCY (it plays at once).' })
  startsAt?: Date | null;

  @Field(() => Int, { description: 'Length in seconds, 1 to 7200.' })
  durationSeconds!: number;

  @Field(() => [ID], { nullable: true, description: 'Target clusters (installed, not faulty); default: every such cluster of the commune.' })
  clusterIds?: string[] | null;
}

@ObjectType({ description: 'The scheduled bulletin and the slots of other bulletins it pushed back.' })
export class ScheduleBroadcastPayload {
  @Field(() => BroadcastType, { description: 'The bulletin.' })
  broadcast!: Broadcast;

  @Field(() => [BroadcastTargetType], { description: 'Slots of other bulletins this one pre-empted, as they now stand.' })
  preempted!: BroadcastTarget[];
}
