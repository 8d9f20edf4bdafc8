import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { deviceNow } from '../clock.js';
import { Commune, communeRef } from '../commune/commune.reference.js';
import { RadioCluster } from '../radio/radio-cluster.entity.js';
import { radioClusterById } from '../radio/radio-cluster.store.js';
import { RadioClusterType } from '../radio/radio-cluster.type.js';
import { broadcastById, targetsByBroadcast, targetStatus } from './broadcast.store.js';
import { BroadcastTarget } from './broadcast-target.entity.js';
import { Broadcast } from './broadcast.entity.js';
import {
  BroadcastConnection,
  BroadcastStatus,
  BroadcastTargetType,
  BroadcastType,
  ScheduleBroadcastInput,
  ScheduleBroadcastPayload,
} from './broadcast.type.js';
import { scheduleBroadcast } from './broadcast.command.js';
import { listBroadcasts } from './broadcast.query.js';

@Resolver(() => BroadcastType)
export class BroadcastResolver {
  @Query(() => BroadcastType, { nullable: true, description: 'The bulletin with this id; null if none.' })
  async broadcast(@Arg('id', () => ID, { description: 'Broadcast.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<Broadcast | null> {
    return broadcastById(context).load(id);
  }

  @FieldResolver(() => Commune, { description: 'The commune whose clusters play it.' })
  commune(@Root() broadcast: Broadcast): Commune {
    return communeRef(broadcast.communeId);
  }

  @FieldResolver(() => [BroadcastTargetType], { description: 'Its slot and status on each target cluster, by cluster id.' })
  async targets(@Root() broadcast: Broadcast, @Ctx() context: SubgraphContext): Promise<BroadcastTarget[]> {
    return targetsByBroadcast(context).load(broadcast.id);
  }

  @Mutation(() => ScheduleBroadcastPayload, {
    description:
      'Schedules a bulletin (OFFICER of the commune). EMERGENCY plays at once and pushes back what it overlaps; ' +
      'PRIORITY pushes back NORMAL bulletins; overlapping a bulletin of equal or higher priority is a CONFLICT.',
  })
  async scheduleBroadcast(
    @Arg('input', () => ScheduleBroadcastInput, { description: 'The bulletin.' }) input: ScheduleBroadcastInput,
    @Ctx() context: SubgraphContext,
  ): Promise<ScheduleBroadcastPayload> {
    const result = await scheduleBroadcast(context.em, context.viewer, input, deviceNow());
    context.logger.info(
      { broadcastId: result.broadcast.id, priority: result.broadcast.priority, preempted: result.preempted.length, by: context.viewer?.subject },
      'broadcast scheduled',
    );
    return result;
  }
}

@Resolver(() => BroadcastTargetType)
export class BroadcastTargetResolver {
  @FieldResolver(() => BroadcastType, { description: 'The bulletin.' })
  async broadcast(@Root() target: BroadcastTarget, @Ctx() context: SubgraphContext): Promise<Broadcast> {
    return (await broadcastById(context).load(target.broadcastId))!;
  }

  @FieldResolver(() => RadioClusterType, { description: 'The cluster.' })
  async cluster(@Root() target: BroadcastTarget, @Ctx() context: SubgraphContext): Promise<RadioCluster> {
    return (await radioClusterById(context).load(target.clusterId))!;
  }

  @FieldResolver(() => BroadcastStatus, { description: 'SCHEDULED, PLAYING, PLAYED or FAILED on this cluster, read at query time.' })
  status(@Root() target: BroadcastTarget): BroadcastStatus {
    return targetStatus(target, deviceNow());
  }

  @FieldResolver(() => BroadcastType, { nullable: true, description: 'The bulletin that last pushed this slot back; null if never pre-empted.' })
  async preemptedBy(@Root() target: BroadcastTarget, @Ctx() context: SubgraphContext): Promise<Broadcast | null> {
    return target.preemptedById ? broadcastById(context).load(target.preemptedById) : null;
  }
}

@Resolver(() => Commune)
export class CommuneBroadcastsResolver {
  @FieldResolver(() => BroadcastConnection, { nullable: true, description: 'The commune\'s bulletins, latest start first.' })
  async broadcasts(@Root() commune: Commune, @Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext): Promise<Connection<Broadcast>> {
    return listBroadcasts(context.em, commune.id, page);
  }
}
