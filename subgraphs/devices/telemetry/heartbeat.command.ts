import type { EntityManager } from '@mikro-orm/core';
import { invalidInput, UnauthenticatedError } from '../../../core/domain-errors.js';
import { parsePlaybackReports, recordPlaybackReports } from '../broadcasts/playback-reports.js';
import { credentialMatches, type DeviceCredential } from './credentials.js';
import { DeviceHeartbeat } from './device-heartbeat.entity.js';
import { Device } from './device.entity.js';

/**
 * Heartbeats closer than this to the last one stored are acknowledged (last-seen moves) but not added
 * to the history: uptime may then undercount by at most this much per burst.
 */
export const MIN_HISTORY_SPACING_MS = 5_000;

export type HeartbeatRefusal = 'unknown device' | 'bad credential' | 'retired device';

/** Why a credential was refused, for the security log only: the caller is told the same for each. */
export class HeartbeatRefusedError extends UnauthenticatedError {
  constructor(readonly reason: HeartbeatRefusal) {
    super('Unknown device or wrong credential: use the credential registerDevice or rotateDeviceCredential returned.');
  }
}

/** The device a presented credential belongs to, if it is that device's current one and the device is in service. */
export async function authenticateDevice(em: EntityManager, presented: DeviceCredential): Promise<Device> {
  const device = await em.findOne(Device, { id: presented.deviceId });
  // Compared even for an unknown device, so timing does not tell unknown ids from bad secrets.
  const matches = credentialMatches(presented.credential, device?.credentialHash ?? null);
  if (!device) throw new HeartbeatRefusedError('unknown device');
  if (!matches) throw new HeartbeatRefusedError('bad credential');
  if (device.retiredAt) throw new HeartbeatRefusedError('retired device');
  return device;
}

export interface HeartbeatReceipt {
  receivedAt: Date;
  offlineAfterSeconds: number;
  playback: { applied: number; ignored: number };
}

/**
 * Records one heartbeat of an authenticated device and the playback reports in its body (radio
 * receivers). A malformed body records nothing. `em` must be a fresh fork: on SQLite, MikroORM 6.6
 * sees every loaded datetime property as changed and a flush would write the device row back with
 * its old last-seen, so writes here are native statements only.
 */
export async function recordHeartbeat(em: EntityManager, device: Device, body: unknown, now: () => Date): Promise<HeartbeatReceipt> {
  const reports = parsePlaybackReports(typeof body === 'object' && body !== null ? (body as { playback?: unknown }).playback : undefined);
  if (typeof reports === 'string') throw invalidInput(`${reports} Nothing was recorded: fix the body and send the heartbeat again.`, 'playback');
  const receivedAt = now();
  let playback = { applied: 0, ignored: 0 };
  await em.transactional(async (tx) => {
    // A device that floods keeps its last-seen current but adds at most one history row per spacing.
    const recent = await tx.count(DeviceHeartbeat, { deviceId: device.id, receivedAt: { $gt: new Date(receivedAt.getTime() - MIN_HISTORY_SPACING_MS) } });
    if (!recent) await tx.insert(DeviceHeartbeat, { deviceId: device.id, receivedAt });
    if (!device.lastSeenAt || device.lastSeenAt.getTime() < receivedAt.getTime()) {
      await tx.nativeUpdate(Device, { id: device.id }, { lastSeenAt: receivedAt });
    }
    playback = await recordPlaybackReports(tx, device, reports);
  });
  return { receivedAt, offlineAfterSeconds: device.offlineAfterSeconds, playback };
}
