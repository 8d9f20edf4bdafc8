import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createLogThrottle } from '../../../core/log-throttle.js';
import type { SubgraphRuntime } from '../../../core/subgraph.js';
import { deviceNow } from '../clock.js';
import { credentialFromHeader, credentialMatches } from './credentials.js';
import { DeviceHeartbeat } from './device-heartbeat.entity.js';
import { Device } from './device.entity.js';
import { parsePlaybackReports, recordPlaybackReports } from '../broadcasts/playback-reports.js';

export const HEARTBEAT_PATH = '/devices/heartbeat';
/**
 * Heartbeats closer than this to the last one stored are acknowledged (last-seen moves) but not added
 * to the history: uptime may then undercount by at most this much per burst.
 */
export const MIN_HISTORY_SPACING_MS = 5_000;
/** Rejected heartbeats logged per source address and minute; the rest are summed up in one line per minute. */
export const REJECTION_LOG_BURST = 5;
export const REJECTION_LOG_INTERVAL_MS = 60_000;

function reject(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  if (status === 401) res.set('WWW-Authenticate', 'Bearer realm="devices"');
  res.json({ error: code, message });
}

/**
 * POST /devices/heartbeat, "Authorization: Bearer <credential>", optional JSON body
 * `{ "playback": [{ "broadcastId", "status": "PLAYED" | "FAILED", "reason"? }] }` (radio receivers).
 * 200 with the device's status; 401 for a missing, malformed, unknown or wrong credential (logged,
 * nothing written); 400 for a malformed body (the heartbeat is not recorded either).
 */
export function heartbeatRoutes(app: Express, runtime: SubgraphRuntime): void {
  // A device (or an attacker) sending bad credentials in a loop writes a few lines a minute, then a summary.
  const rejections = createLogThrottle(runtime.logger, { burst: REJECTION_LOG_BURST, intervalMs: REJECTION_LOG_INTERVAL_MS, summary: 'heartbeats rejected (summary of lines not written)', now: () => deviceNow().getTime() });
  const parseJson = express.json({ limit: '16kb' });
  // Body errors answer in JSON like everything else here, not with Express's HTML error page.
  const parseBody = (req: Request, res: Response, next: NextFunction) =>
    parseJson(req, res, (error?: unknown) => {
      if (!error) return next();
      const status = (error as { status?: number }).status === 413 ? 413 : 400;
      reject(res, status, 'BAD_USER_INPUT', status === 413 ? 'The body is larger than 16 kB.' : 'The body must be a JSON object (or empty).');
    });
  app.post(HEARTBEAT_PATH, parseBody, async (req: Request, res: Response) => {
    const presented = credentialFromHeader(req.headers.authorization);
    const source = { ip: req.ip, userAgent: req.headers['user-agent'] };
    if (!presented) {
      rejections.warn(String(source.ip), { ...source, reason: 'missing or malformed credential' }, 'heartbeat rejected');
      reject(res, 401, 'UNAUTHENTICATED', 'Send "Authorization: Bearer <device credential>" as issued by registerDevice.');
      return;
    }
    const device = await runtime.orm.em.fork().findOne(Device, { id: presented.deviceId });
    const matches = credentialMatches(presented.credential, device?.credentialHash ?? null);
    if (!device || !matches || device.retiredAt) {
      rejections.warn(
        String(source.ip),
        { ...source, deviceId: presented.deviceId, reason: !device ? 'unknown device' : !matches ? 'bad credential' : 'retired device' },
        'heartbeat rejected',
      );
      reject(res, 401, 'UNAUTHENTICATED', 'Unknown device or wrong credential: use the credential registerDevice or rotateDeviceCredential returned.');
      return;
    }
    const body: unknown = req.body ?? {};
    const reports = parsePlaybackReports(typeof body === 'object' && body !== null ? (body as { playback?: unknown }).playback : undefined);
    if (typeof reports === 'string') {
      reject(res, 400, 'BAD_USER_INPUT', `${reports} Nothing was recorded: fix the body and send the heartbeat again.`);
      return;
    }
    const receivedAt = deviceNow();
    let playback = { applied: 0, ignored: 0 };
    // Writes go through a fresh fork and native statements only: on SQLite, MikroORM 6.6 sees every
    // loaded datetime property as changed and would write the device row back with its old last-seen.
    await runtime.orm.em.fork().transactional(async (tx) => {
      // A device that floods keeps its last-seen current but adds at most one history row per spacing.
      const recent = await tx.count(DeviceHeartbeat, { deviceId: device.id, receivedAt: { $gt: new Date(receivedAt.getTime() - MIN_HISTORY_SPACING_MS) } });
      if (!recent) await tx.insert(DeviceHeartbeat, { deviceId: device.id, receivedAt });
      if (!device.lastSeenAt || device.lastSeenAt.getTime() < receivedAt.getTime()) {
        await tx.nativeUpdate(Device, { id: device.id }, { lastSeenAt: receivedAt });
      }
      playback = await recordPlaybackReports(tx, device, reports);
    });
    res.json({ deviceId: device.id, receivedAt: receivedAt.toISOString(), status: 'ONLINE', offlineAfterSeconds: device.offlineAfterSeconds, playback });
  });
}
