import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { Commune, communeRef, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { EquipmentStatus, equipmentStatus } from '../equipment-status.js';
import { deviceOnline, devicesByCluster, inService } from '../telemetry/device.store.js';
import { Device } from '../telemetry/device.entity.js';
import { DeviceType } from '../telemetry/device.type.js';
import { addRadioCluster, updateRadioCluster } from './radio-cluster.command.js';
import { RadioCluster } from './radio-cluster.entity.js';
import { AddRadioClusterInput, RadioClusterPayload, RadioClusterType, UpdateRadioClusterInput } from './radio-cluster.type.js';
import { radioClusterById, radioClustersByCommune } from './radio-cluster.store.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../equipment-status.type.js';

@Resolver(() => RadioClusterType)
export class RadioClusterResolver {
  @Query(() => RadioClusterType, { nullable: true, description: 'The loudspeaker cluster with this id; null if none.' })
  async radioCluster(@Arg('id', () => ID, { description: 'RadioCluster.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<RadioCluster | null> {
    return radioClusterById(context).load(id);
  }

  @FieldResolver(() => Commune, { description: 'The commune of the cluster.' })
  commune(@Root() cluster: RadioCluster): Commune {
    return communeRef(cluster.communeId);
  }

  @FieldResolver(() => EquipmentStatus, {
    description: 'PLANNED/FAULTY as recorded; else ONLINE if any registered receiver is online, OFFLINE if it has receivers and none is, INSTALLED if none reports.',
  })
  async status(@Root() cluster: RadioCluster, @Ctx() context: SubgraphContext): Promise<EquipmentStatus> {
    const devices = inService(await devicesByCluster(context).load(cluster.id));
    return equipmentStatus(cluster.state, devices.map((d) => deviceOnline(d)));
  }

  @FieldResolver(() => [DeviceType], { description: 'Receivers of the cluster that report heartbeats.' })
  async devices(@Root() cluster: RadioCluster, @Ctx() context: SubgraphContext): Promise<Device[]> {
    return devicesByCluster(context).load(cluster.id);
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'Latest heartbeat of any of its receivers; null if none reported.' })
  async lastSeenAt(@Root() cluster: RadioCluster, @Ctx() context: SubgraphContext): Promise<Date | null> {
    const seen = (await devicesByCluster(context).load(cluster.id)).flatMap((d) => (d.lastSeenAt ? [d.lastSeenAt.getTime()] : []));
    return seen.length ? new Date(Math.max(...seen)) : null;
  }

  @Mutation(() => RadioClusterPayload, { description: 'Adds a loudspeaker cluster (OFFICER of the commune).' })
  async addRadioCluster(
    @Arg('input', () => AddRadioClusterInput, { description: 'The cluster.' }) input: AddRadioClusterInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RadioClusterPayload> {
    return { radioCluster: await addRadioCluster(context.em, context.viewer, input) };
  }

  @Mutation(() => RadioClusterPayload, { description: 'Changes a cluster: counts, state (e.g. FAULTY, or INSTALLED once a planned point is built), install day, note. OFFICER of the commune.' })
  async updateRadioCluster(
    @Arg('input', () => UpdateRadioClusterInput, { description: 'The changes.' }) input: UpdateRadioClusterInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RadioClusterPayload> {
    return { radioCluster: await updateRadioCluster(context.em, context.viewer, input) };
  }
}

@Resolver(() => Commune)
export class CommuneRadioResolver {
  @FieldResolver(() => [RadioClusterType], {
    nullable: true,
    description: 'The smart-radio loudspeaker clusters installed in the commune or in the units merged into it, by village.',
  })
  @Directive(REQUIRES_LINEAGE)
  async radioClusters(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<RadioCluster[]> {
    cacheFor(info, CACHE_SECONDS.current);
    return loadForScope(radioClustersByCommune(context), commune);
  }
}

@Resolver(() => DeviceType)
export class DeviceClusterResolver {
  @FieldResolver(() => RadioClusterType, { nullable: true, description: 'The cluster of a radio receiver; null for cameras.' })
  async cluster(@Root() device: Device, @Ctx() context: SubgraphContext): Promise<RadioCluster | null> {
    return device.clusterId ? radioClusterById(context).load(device.clusterId) : null;
  }
}
