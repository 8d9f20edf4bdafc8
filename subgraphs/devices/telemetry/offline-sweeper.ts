import type { BackgroundTask, SubgraphRuntime } from '../../../core/subgraph.js';
import { deviceNow } from '../clock.js';
import { DeviceHeartbeat } from './device-heartbeat.entity.js';
import { Device } from './device.entity.js';
import { isOnline } from './uptime.rules.js';

/** How often the sweeper looks for devices that fell silent. */
export const SWEEP_INTERVAL_MS = 30_000;
/** Heartbeat history kept for uptime: a little over a year (uptime periods span at most 366 days). */
export const HEARTBEAT_RETENTION_DAYS = 400;
const PRUNE_EVERY_MS = 3600_000;

export interface OfflineSweeper extends BackgroundTask {
  /** One pass: logs devices that went offline or came back since the last pass; prunes old history hourly. */
  sweep(): Promise<{ wentOffline: string[]; cameBack: string[]; pruned: number }>;
  /** Sweeps every `intervalMs` until stopped. */
  start(): void;
}

/**
 * Status is always derived from last-seen at read time, so the graph is right without this. The
 * sweeper turns silence into an event: a warning log line when a device goes offline (for alerting
 * on the logs) and an info line when it comes back. It also keeps the heartbeat history bounded.
 */
export function createOfflineSweeper(runtime: SubgraphRuntime, intervalMs = SWEEP_INTERVAL_MS): OfflineSweeper {
  const known = new Map<string, boolean>();
  let lastPrune = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function sweep() {
    const now = deviceNow();
    const em = runtime.orm.em.fork();
    const devices = await em.find(Device, { retiredAt: null }, { orderBy: { id: 'asc' } });
    const wentOffline: string[] = [];
    const cameBack: string[] = [];
    for (const device of devices) {
      const online = isOnline(device.lastSeenAt, device.offlineAfterSeconds, now);
      const before = known.get(device.id);
      const fields = { deviceId: device.id, communeId: device.communeId, kind: device.kind, label: device.label, lastSeenAt: device.lastSeenAt?.toISOString() ?? null };
      if (before === true && !online) {
        wentOffline.push(device.id);
        runtime.logger.warn({ ...fields, silentSeconds: device.lastSeenAt ? Math.round((now.getTime() - device.lastSeenAt.getTime()) / 1000) : null }, 'device offline');
      } else if (before === false && online) {
        cameBack.push(device.id);
        runtime.logger.info(fields, 'device back online');
      }
      known.set(device.id, online);
    }
    let pruned = 0;
    if (now.getTime() - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = now.getTime();
      pruned = await em.nativeDelete(DeviceHeartbeat, { receivedAt: { $lt: new Date(now.getTime() - HEARTBEAT_RETENTION_DAYS * 86_400_000) } });
      if (pruned) runtime.logger.info({ pruned, retentionDays: HEARTBEAT_RETENTION_DAYS }, 'old heartbeats pruned');
    }
    return { wentOffline, cameBack, pruned };
  }

  /** Passes never overlap: each waits for the one before. */
  function queued() {
    const next = running.then(sweep);
    running = next.catch(() => undefined);
    return next;
  }

  return {
    sweep: queued,
    start() {
      timer = setInterval(() => {
        queued().catch((error: unknown) => runtime.logger.error({ err: error }, 'device sweep failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export async function startOfflineSweeper(runtime: SubgraphRuntime): Promise<BackgroundTask> {
  const sweeper = createOfflineSweeper(runtime);
  sweeper.start();
  return sweeper;
}
