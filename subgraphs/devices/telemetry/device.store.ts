import type { EntityManager } from '@mikro-orm/core';
import { entityByIdLoader, groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { deviceNow } from '../clock.js';
import { Device } from './device.entity.js';
import { onlineMillisecondsInDatabase } from './uptime.query.js';
import { isOnline, monitoredWindow } from './uptime.rules.js';

export function deviceById(context: SubgraphContext) {
  return entityByIdLoader(context, 'deviceById', Device);
}

export function devicesByCluster(context: SubgraphContext) {
  return requestLoader<string, Device[]>(context, 'devicesByCluster', async (ids) => {
    const rows = await context.em.find(Device, { clusterId: { $in: [...ids] } }, { orderBy: { label: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (d) => d.clusterId!);
  });
}

export function devicesByCamera(context: SubgraphContext) {
  return requestLoader<string, Device[]>(context, 'devicesByCamera', async (ids) => {
    const rows = await context.em.find(Device, { cameraId: { $in: [...ids] } }, { orderBy: { label: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (d) => d.cameraId!);
  });
}

export function devicesByCommune(context: SubgraphContext) {
  return requestLoader<string, Device[]>(context, 'devicesByCommune', async (ids) => {
    const rows = await context.em.find(Device, { communeId: { $in: [...ids] } }, { orderBy: { kind: 'asc', label: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (d) => d.communeId);
  });
}

export function deviceOnline(device: Device, now: Date = deviceNow()): boolean {
  return !device.retiredAt && isOnline(device.lastSeenAt, device.offlineAfterSeconds, now);
}

/** Devices still in service: the ones whose heartbeats make an item ONLINE or OFFLINE. */
export function inService(devices: readonly Device[]): Device[] {
  return devices.filter((d) => !d.retiredAt);
}

export interface UptimeTotals {
  devices: number;
  monitoredMs: number;
  onlineMs: number;
}

/**
 * Sums uptime over `devices` for [from, to): one aggregate query per device (see uptime.query.ts),
 * run side by side (PostgreSQL spreads them over its pool; SQLite runs them in turn).
 */
export async function uptimeTotals(em: EntityManager, devices: readonly Device[], from: Date, to: Date, now: Date = deviceNow()): Promise<UptimeTotals> {
  const windows = devices.map((device) => monitoredWindow(from, to, device.registeredAt, now, device.retiredAt));
  const online = await Promise.all(devices.map((device, i) => onlineMillisecondsInDatabase(em, device.id, device.offlineAfterSeconds * 1000, windows[i])));
  return {
    devices: devices.length,
    monitoredMs: windows.reduce((sum, w) => sum + (w.end - w.start), 0),
    onlineMs: online.reduce((sum, ms) => sum + ms, 0),
  };
}
