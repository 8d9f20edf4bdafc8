import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { invalidInput, notFound } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { parseCommuneId, RADIO_MANAGERS, requireCommuneRole } from '../access.rules.js';
import { Commune, communeRef, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { EquipmentStatus, equipmentStatus, InstallationState } from '../equipment-status.js';
import { checkEquipmentFields } from '../equipment-input.js';
import { deviceOnline, devicesByCluster, inService } from '../telemetry/device-loaders.js';
import { Device } from '../telemetry/device.entity.js';
import { DeviceType } from '../telemetry/device.type.js';
import { RadioCluster } from './radio-cluster.entity.js';
import { AddRadioClusterInput, RadioClusterPayload, RadioClusterType, UpdateRadioClusterInput } from './radio-cluster.type.js';
import { radioClusterById, radioClustersByCommune } from './radio-loaders.js';

function checkCounts(deviceCount: number | null | undefined, loudspeakerCount: number | null | undefined): void {
  if (deviceCount !== null && deviceCount !== undefined && (deviceCount < 0 || deviceCount > 100)) {
    throw invalidInput(`deviceCount must be 0 to 100, got ${deviceCount}.`, 'input.deviceCount');
  }
  if (loudspeakerCount !== null && loudspeakerCount !== undefined && (loudspeakerCount < 0 || loudspeakerCount > 1000)) {
    throw invalidInput(`loudspeakerCount must be 0 to 1000, got ${loudspeakerCount}.`, 'input.loudspeakerCount');
  }
}

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
    const communeId = parseCommuneId(input.communeId, 'input.communeId');
    requireCommuneRole(context.viewer, RADIO_MANAGERS, communeId, 'add radio clusters');
    const village = nfc(input.village);
    if (!village || village.length > 200) throw invalidInput('village must be 1 to 200 characters.', 'input.village');
    checkCounts(input.deviceCount, input.loudspeakerCount);
    const { installedOn, note } = checkEquipmentFields(input.state, input.installedOn ?? null, input.note ?? null);
    const cluster = Object.assign(new RadioCluster(), {
      id: randomUUID(),
      communeId,
      village,
      deviceCount: input.deviceCount,
      loudspeakerCount: input.loudspeakerCount,
      state: input.state,
      installedOn,
      note,
    });
    await context.em.transactional(async (tx) => {
      tx.persist(cluster);
    });
    return { radioCluster: cluster };
  }

  @Mutation(() => RadioClusterPayload, { description: 'Changes a cluster: counts, state (e.g. FAULTY, or INSTALLED once a planned point is built), install day, note. OFFICER of the commune.' })
  async updateRadioCluster(
    @Arg('input', () => UpdateRadioClusterInput, { description: 'The changes.' }) input: UpdateRadioClusterInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RadioClusterPayload> {
    const existing = await context.em.findOne(RadioCluster, { id: input.id });
    if (!existing) throw notFound(`No radio cluster has id "${input.id}": list them with Commune.radioClusters.`, { field: 'input.id' });
    requireCommuneRole(context.viewer, RADIO_MANAGERS, existing.communeId, 'change radio clusters');
    checkCounts(input.deviceCount, input.loudspeakerCount);
    const state = input.state ?? existing.state;
    const { installedOn, note } = checkEquipmentFields(
      state,
      input.installedOn !== undefined ? input.installedOn : state === InstallationState.PLANNED ? null : (existing.installedOn ?? null),
      input.note !== undefined ? input.note : (existing.note ?? null),
    );
    const cluster = await context.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(RadioCluster, { id: input.id });
      Object.assign(row, {
        state,
        installedOn,
        note,
        deviceCount: input.deviceCount ?? row.deviceCount,
        loudspeakerCount: input.loudspeakerCount ?? row.loudspeakerCount,
      });
      return row;
    });
    return { radioCluster: cluster };
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
