import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { Commune, communeRef } from '../commune/commune.reference.js';
import { registerDevice, retireDevice, rotateDeviceCredential } from './device.command.js';
import { deviceById, deviceOnline, devicesByCommune, uptimeTotals } from './device.store.js';
import { type Device, DeviceKind } from './device.entity.js';
import {
  DeviceCredentialPayload,
  DeviceStatus,
  DeviceType,
  RegisterDeviceInput,
  RetireDeviceInput,
  RetireDevicePayload,
  RotateDeviceCredentialInput,
  Uptime,
} from './device.type.js';
import { checkPeriod, toUptime } from './period.js';

@Resolver(() => DeviceType)
export class DeviceResolver {
  @Query(() => DeviceType, { nullable: true, description: 'The device with this id; null if none.' })
  async device(@Arg('id', () => ID, { description: 'Device.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<Device | null> {
    return deviceById(context).load(id);
  }

  @FieldResolver(() => Commune, { description: 'The commune the device belongs to.' })
  commune(@Root() device: Device): Commune {
    return communeRef(device.communeId);
  }

  @FieldResolver(() => DeviceStatus, { description: 'ONLINE when the last heartbeat is less than offlineAfterSeconds old, read at query time.' })
  status(@Root() device: Device): DeviceStatus {
    if (device.retiredAt) return DeviceStatus.RETIRED;
    return deviceOnline(device) ? DeviceStatus.ONLINE : DeviceStatus.OFFLINE;
  }

  @FieldResolver(() => Uptime, { description: 'Uptime of this device over [from, to), from its heartbeat history.' })
  async uptime(
    @Root() device: Device,
    @Arg('from', () => DateTimeScalar, { description: 'Start of the period.' }) from: Date,
    @Arg('to', () => DateTimeScalar, { description: 'End of the period (exclusive).' }) to: Date,
    @Ctx() context: SubgraphContext,
  ): Promise<Uptime> {
    checkPeriod(from, to);
    return toUptime(from, to, await uptimeTotals(context.em, [device], from, to));
  }

  @Mutation(() => DeviceCredentialPayload, {
    description:
      'Registers a radio receiver (of a cluster) or a camera device and returns its credential, once. ' +
      'Radio receivers: OFFICER of the commune; camera devices: SECURITY or OFFICER of the commune.',
  })
  async registerDevice(
    @Arg('input', () => RegisterDeviceInput, { description: 'The device.' }) input: RegisterDeviceInput,
    @Ctx() context: SubgraphContext,
  ): Promise<DeviceCredentialPayload> {
    const registered = await registerDevice(context.em, context.viewer, input);
    const { device } = registered;
    context.logger.info({ deviceId: device.id, kind: device.kind, communeId: device.communeId, by: context.viewer?.subject }, 'device registered');
    return registered;
  }

  @Mutation(() => DeviceCredentialPayload, {
    description: 'Issues a new credential for a device (the old one stops working at once). Same roles as registerDevice.',
  })
  async rotateDeviceCredential(
    @Arg('input', () => RotateDeviceCredentialInput, { description: 'The device.' }) input: RotateDeviceCredentialInput,
    @Ctx() context: SubgraphContext,
  ): Promise<DeviceCredentialPayload> {
    const rotated = await rotateDeviceCredential(context.em, context.viewer, input.deviceId);
    context.logger.info({ deviceId: rotated.device.id, by: context.viewer?.subject }, 'device credential rotated');
    return rotated;
  }

  @Mutation(() => RetireDevicePayload, {
    description: 'Takes a device out of service (replaced, removed): its credential stops working; its uptime counts only up to now. Same roles as registerDevice.',
  })
  async retireDevice(
    @Arg('input', () => RetireDeviceInput, { description: 'The device.' }) input: RetireDeviceInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RetireDevicePayload> {
    const device = await retireDevice(context.em, context.viewer, input.deviceId);
    context.logger.info({ deviceId: device.id, by: context.viewer?.subject }, 'device retired');
    return { device };
  }
}

@Resolver(() => Commune)
export class CommuneTelemetryResolver {
  @FieldResolver(() => [DeviceType], {
    nullable: true,
    description: 'Devices of the commune that report heartbeats (radio receivers, cameras), by kind and label.',
  })
  async devices(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<Device[]> {
    return devicesByCommune(context).load(commune.id);
  }

  @FieldResolver(() => Uptime, {
    nullable: true,
    description:
      'Uptime of the commune\'s devices over [from, to): onlineSeconds ÷ monitoredSeconds summed over every device ' +
      '(or only those of `kind`), so a device counts in proportion to the time it was monitored.',
  })
  async deviceUptime(
    @Root() commune: Commune,
    @Arg('from', () => DateTimeScalar, { description: 'Start of the period.' }) from: Date,
    @Arg('to', () => DateTimeScalar, { description: 'End of the period (exclusive).' }) to: Date,
    @Arg('kind', () => DeviceKind, { nullable: true, description: 'Only devices of this kind.' }) kind: DeviceKind | undefined,
    @Ctx() context: SubgraphContext,
  ): Promise<Uptime> {
    checkPeriod(from, to);
    const devices = (await devicesByCommune(context).load(commune.id)).filter((d) => !kind || d.kind === kind);
    return toUptime(from, to, await uptimeTotals(context.em, devices, from, to));
  }
}
