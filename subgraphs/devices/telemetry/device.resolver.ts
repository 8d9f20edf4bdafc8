import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { CAMERA_MANAGERS, RADIO_MANAGERS, requireCommuneRole } from '../access.rules.js';
import { deviceNow } from '../clock.js';
import { Camera } from '../cameras/camera.entity.js';
import { Commune, communeRef } from '../commune/commune.reference.js';
import { RadioCluster } from '../radio/radio-cluster.entity.js';
import { issueCredential } from './credentials.js';
import { DEFAULT_OFFLINE_AFTER_SECONDS, deviceById, deviceOnline, devicesByCommune, uptimeTotals } from './device-loaders.js';
import { Device, DeviceKind } from './device.entity.js';
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

const MIN_THRESHOLD = 1;
const MAX_THRESHOLD = 86_400;

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
    if (!!input.clusterId === !!input.cameraId) {
      throw invalidInput('Give exactly one of clusterId (a radio receiver) and cameraId (a camera).', input.clusterId ? 'input.cameraId' : 'input.clusterId');
    }
    const label = nfc(input.label);
    if (!label || label.length > 200) throw invalidInput('label must be 1 to 200 characters.', 'input.label');
    const threshold = input.offlineAfterSeconds ?? DEFAULT_OFFLINE_AFTER_SECONDS;
    if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
      throw invalidInput(`offlineAfterSeconds must be between ${MIN_THRESHOLD} and ${MAX_THRESHOLD}, got ${threshold}.`, 'input.offlineAfterSeconds');
    }
    let communeId: string;
    let kind: DeviceKind;
    if (input.clusterId) {
      const cluster = await context.em.findOne(RadioCluster, { id: input.clusterId });
      if (!cluster) throw notFound(`No radio cluster has id "${input.clusterId}": list them with Commune.radioClusters.`, { field: 'input.clusterId' });
      requireCommuneRole(context.viewer, RADIO_MANAGERS, cluster.communeId, 'register radio receivers');
      communeId = cluster.communeId;
      kind = DeviceKind.RADIO_RECEIVER;
    } else {
      const camera = await context.em.findOne(Camera, { id: input.cameraId! });
      if (!camera) throw notFound(`No camera has id "${input.cameraId}": list them with Commune.cameras.`, { field: 'input.cameraId' });
      requireCommuneRole(context.viewer, CAMERA_MANAGERS, camera.communeId, 'register camera devices');
      communeId = camera.communeId;
      kind = DeviceKind.CAMERA;
    }
    const id = randomUUID();
    const { credential, hash } = issueCredential(id);
    const device = Object.assign(new Device(), {
      id,
      communeId,
      kind,
      clusterId: input.clusterId ?? null,
      cameraId: input.cameraId ?? null,
      label,
      credentialHash: hash,
      offlineAfterSeconds: threshold,
      registeredAt: deviceNow(),
      lastSeenAt: null,
    });
    await context.em.transactional(async (tx) => {
      tx.persist(device);
    });
    context.logger.info({ deviceId: id, kind, communeId, by: context.viewer?.subject }, 'device registered');
    return { device, credential };
  }

  @Mutation(() => DeviceCredentialPayload, {
    description: 'Issues a new credential for a device (the old one stops working at once). Same roles as registerDevice.',
  })
  async rotateDeviceCredential(
    @Arg('input', () => RotateDeviceCredentialInput, { description: 'The device.' }) input: RotateDeviceCredentialInput,
    @Ctx() context: SubgraphContext,
  ): Promise<DeviceCredentialPayload> {
    const device = await context.em.findOne(Device, { id: input.deviceId });
    if (!device) throw notFound(`No device has id "${input.deviceId}": list them with Commune.devices.`, { field: 'input.deviceId' });
    const roles = device.kind === DeviceKind.CAMERA ? CAMERA_MANAGERS : RADIO_MANAGERS;
    requireCommuneRole(context.viewer, roles, device.communeId, 'rotate device credentials');
    if (device.retiredAt) throw conflict(`Device "${device.id}" was retired on ${device.retiredAt.toISOString()}: register a new device instead.`);
    const { credential, hash } = issueCredential(device.id);
    // Native updates: a flush of the loaded device would also write back its last-seen (see heartbeat-route.ts).
    await context.em.transactional((tx) => tx.nativeUpdate(Device, { id: device.id }, { credentialHash: hash }));
    context.logger.info({ deviceId: device.id, by: context.viewer?.subject }, 'device credential rotated');
    return { device, credential };
  }

  @Mutation(() => RetireDevicePayload, {
    description: 'Takes a device out of service (replaced, removed): its credential stops working; its uptime counts only up to now. Same roles as registerDevice.',
  })
  async retireDevice(
    @Arg('input', () => RetireDeviceInput, { description: 'The device.' }) input: RetireDeviceInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RetireDevicePayload> {
    const device = await context.em.findOne(Device, { id: input.deviceId });
    if (!device) throw notFound(`No device has id "${input.deviceId}": list them with Commune.devices.`, { field: 'input.deviceId' });
    const roles = device.kind === DeviceKind.CAMERA ? CAMERA_MANAGERS : RADIO_MANAGERS;
    requireCommuneRole(context.viewer, roles, device.communeId, 'retire devices');
    if (device.retiredAt) throw conflict(`Device "${device.id}" is already retired (since ${device.retiredAt.toISOString()}).`);
    const retiredAt = deviceNow();
    await context.em.transactional((tx) => tx.nativeUpdate(Device, { id: device.id }, { retiredAt }));
    context.logger.info({ deviceId: device.id, by: context.viewer?.subject }, 'device retired');
    return { device: Object.assign(device, { retiredAt }) };
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
