/**
 * Faults a test or demo asks for by count rather than by chance: "the next N sends fail this way".
 * They come before the random faults of the marketplace toolkit's FaultInjector, so a test can make
 * exactly one delivery fail and watch it retried.
 */
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { sendError } from '../../marketplace/sandbox/respond.js';

/**
 * - `error`: 503 before anything is sent (the request had no effect);
 * - `rate-limit`: 429 with Retry-After 1;
 * - `drop`: the message is sent, then the connection is cut instead of the answer (an unknown outcome).
 */
export const SCRIPTED_FAULT_KINDS = ['error', 'rate-limit', 'drop'] as const;
export type ScriptedFaultKind = (typeof SCRIPTED_FAULT_KINDS)[number];

export const scriptedFaultSchema = z.object({ kind: z.enum(SCRIPTED_FAULT_KINDS), count: z.number().int().min(1).max(1000).default(1) }).strict();

export class ScriptedFaults {
  private readonly queue: ScriptedFaultKind[] = [];
  /** How many scripted faults fired, by kind. */
  readonly fired: Record<ScriptedFaultKind, number> = { error: 0, 'rate-limit': 0, drop: 0 };

  /** The next `count` sends fail as `kind` (after those already queued). */
  failNext(kind: ScriptedFaultKind, count = 1): void {
    for (let i = 0; i < count; i += 1) this.queue.push(kind);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** The middleware, for the requests `isSend` picks. */
  middleware(isSend: (req: Request) => boolean): RequestHandler {
    return (req, res, next) => {
      if (!isSend(req) || !this.queue.length) return next();
      const kind = this.queue.shift()!;
      this.fired[kind] += 1;
      if (kind === 'error') return sendError(res, 503, 'service_unavailable', 'sandbox fault: service unavailable; nothing was sent');
      if (kind === 'rate-limit') {
        res.setHeader('retry-after', '1');
        return sendError(res, 429, 'too_many_requests', 'sandbox fault: too many requests; retry after the Retry-After seconds');
      }
      dropAnswer(req, res);
      next();
    };
  }
}

/** The handler still sends the message; its success answer becomes a destroyed socket. */
function dropAnswer(req: Request, res: Response): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    if (res.statusCode >= 300) return json(body);
    req.socket.destroy();
    return res;
  };
}
