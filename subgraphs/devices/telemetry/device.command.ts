import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../../core/auth/viewer.js';
import { conflict, notFound } from '../../../core/domain-errors.js';
import { CAMERA_MANAGERS, RADIO_MANAGERS, requireCommuneRole } from '../access.rules.js';
import { Camera } from '../cameras/camera.entity.js';
import { deviceNow } from '../clock.js';
import { RadioCluster } from '../radio/radio-cluster.entity.js';
import { issueCredential } from './credentials.js';
import { checkDeviceRegistration } from './device.rules.js';
import { Device, DeviceKind } from './device.entity.js';

export interface DeviceRegistration {
  clusterId?: string | null;
  cameraId?: string | null;
  label: string;
  offlineAfterSeconds?: number | null;
}

/**
 * Registers a radio receiver (of a cluster: the commune's officers) or a camera device (security or
 * officers) and returns it with its credential, which is shown this once; only its hash is stored.
 */
export async function registerDevice(em: EntityManager, viewer: Viewer | null, input: DeviceRegistration): Promise<{ device: Device; credential: string }> {
  const { label, offlineAfterSeconds } = checkDeviceRegistration(input);
  let communeId: string;
  let kind: DeviceKind;
  if (input.clusterId) {
    const cluster = await em.findOne(RadioCluster, { id: input.clusterId });
    if (!cluster) throw notFound(`No radio cluster has id "${input.clusterId}": list them with Commune.radioClusters.`, { field: 'input.clusterId' });
    requireCommuneRole(viewer, RADIO_MANAGERS, cluster.communeId, 'register radio receivers');
    communeId = cluster.communeId;
    kind = DeviceKind.RADIO_RECEIVER;
  } else {
    const camera = await em.findOne(Camera, { id: input.cameraId! });
    if (!camera) throw notFound(`No camera has id "${input.cameraId}": list them with Commune.cameras.`, { field: 'input.cameraId' });
    requireCommuneRole(viewer, CAMERA_MANAGERS, camera.communeId, 'register camera devices');
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
    offlineAfterSeconds,
    registeredAt: deviceNow(),
    lastSeenAt: null,
  });
  await em.transactional(async (tx) => {
    tx.persist(device);
  });
  return { device, credential };
}

/** A live device the viewer may manage, or the error that says why not. */
async function managedDevice(em: EntityManager, viewer: Viewer | null, deviceId: string, action: string): Promise<Device> {
  const device = await em.findOne(Device, { id: deviceId });
  if (!device) throw notFound(`No device has id "${deviceId}": list them with Commune.devices.`, { field: 'input.deviceId' });
  requireCommuneRole(viewer, device.kind === DeviceKind.CAMERA ? CAMERA_MANAGERS : RADIO_MANAGERS, device.communeId, action);
  return device;
}

/** A new credential; the old one stops working at once. */
export async function rotateDeviceCredential(em: EntityManager, viewer: Viewer | null, deviceId: string): Promise<{ device: Device; credential: string }> {
  const device = await managedDevice(em, viewer, deviceId, 'rotate device credentials');
  if (device.retiredAt) throw conflict(`Device "${device.id}" was retired on ${device.retiredAt.toISOString()}: register a new device instead.`);
  const { credential, hash } = issueCredential(device.id);
  // Native updates: a flush of the loaded device would also write back its last-seen (see heartbeat.command.ts).
  await em.transactional((tx) => tx.nativeUpdate(Device, { id: device.id }, { credentialHash: hash }));
  return { device, credential };
}

/** Out of service: its credential stops working; its uptime counts only up to now. */
export async function retireDevice(em: EntityManager, viewer: Viewer | null, deviceId: string): Promise<Device> {
  const device = await managedDevice(em, viewer, deviceId, 'retire devices');
  if (device.retiredAt) throw conflict(`Device "${device.id}" is already retired (since ${device.retiredAt.toISOString()}).`);
  const retiredAt = deviceNow();
  await em.transactional((tx) => tx.nativeUpdate(Device, { id: device.id }, { retiredAt }));
  return Object.assign(device, { retiredAt });
}
