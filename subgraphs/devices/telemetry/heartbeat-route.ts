import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createLogThrottle } from '../../../core/log-throttle.js';
import type { SubgraphRuntime } from '../../../core/subgraph.js';
import { deviceNow } from '../clock.js';
import { InvalidInputError } from '../../../core/domain-errors.js';
import { credentialFromHeader } from './credentials.js';
import { authenticateDevice, HeartbeatRefusedError, recordHeartbeat } from './heartbeat.command.js';

export const HEARTBEAT_PATH = '/devices/heartbeat';
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
    try {
      const device = await authenticateDevice(runtime.orm.em.fork(), presented);
      const { receivedAt, offlineAfterSeconds, playback } = await recordHeartbeat(runtime.orm.em.fork(), device, req.body ?? {}, deviceNow);
      res.json({ deviceId: device.id, receivedAt: receivedAt.toISOString(), status: 'ONLINE', offlineAfterSeconds, playback });
    } catch (error) {
      if (error instanceof HeartbeatRefusedError) {
        rejections.warn(String(source.ip), { ...source, deviceId: presented.deviceId, reason: error.reason }, 'heartbeat rejected');
        reject(res, 401, 'UNAUTHENTICATED', error.message);
      } else if (error instanceof InvalidInputError) {
        reject(res, 400, 'BAD_USER_INPUT', error.message);
      } else {
        throw error;
      }
    }
  });
}
