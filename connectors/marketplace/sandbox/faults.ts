/**
 * Fault injection shared by the marketplace sandboxes. One injector sits in front of a sandbox's API
 * routes and, per request and in this order:
 *   1. waits `latencyMs` (+ up to `latencyJitterMs`);
 *   2. answers 429 + Retry-After above `requestsPerSecond` (a token bucket refilled at that rate,
 *      holding `rpsBurst` requests, by default a tenth of a second's worth, so short runs are not
 *      flattered by a full bucket at the start);
 *   3. answers 429 + Retry-After during a burst; each request starts one with chance `burstRate`,
 *      lasting `burstMs`;
 *   4. answers 500 or 503 with chance `errorRate`, before anything is written;
 *   5. for a write, with chance `dropRate`: lets the handler apply it, then destroys the socket
 *      instead of sending the success answer (accept-then-drop);
 *   6. for a create, with chance `slowCreateRate`: holds it between half of `slowCreateMs` and
 *      `slowCreateMs` before applying it, while every other request answers at once (a create that
 *      lands after the client gave up, and after a look-up by seller SKU found nothing).
 * Settings come from options (`npm start` reads them from the environment: ./sandbox-settings.ts)
 * and can change at run time (`set`, or POST /_sandbox/faults).
 */
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { TokenBucket } from '../../../core/token-bucket.js';
import { sendError } from './respond.js';

export interface FaultSettings {
  /** Fraction (0–1) of requests answered 500/503 without effect. */
  errorRate: number;
  /** Chance (0–1) that a request starts a 429 burst. */
  burstRate: number;
  /** Length of a 429 burst (ms); Retry-After says the seconds left, rounded up. */
  burstMs: number;
  /** Added to every request (ms). */
  latencyMs: number;
  /** Random extra latency, 0 to this (ms). */
  latencyJitterMs: number;
  /** Fraction (0–1) of successful writes applied and then answered by a dropped connection. */
  dropRate: number;
  /** Requests per second above which the sandbox answers 429; 0 = no limit. */
  requestsPerSecond: number;
  /** Requests the rate limit lets through at once; 0 (default) = a tenth of requestsPerSecond, at least 1. */
  rpsBurst: number;
  /** Chance (0–1) that a create is slow: applied only after `slowCreateMs / 2` to `slowCreateMs`. */
  slowCreateRate: number;
  /** The longest a slow create takes to land (ms). */
  slowCreateMs: number;
  /** Seed of the fault dice, for reproducible runs; absent = random. */
  seed?: number;
}

export const NO_FAULTS: FaultSettings = {
  errorRate: 0,
  burstRate: 0,
  burstMs: 1000,
  latencyMs: 0,
  latencyJitterMs: 0,
  dropRate: 0,
  requestsPerSecond: 0,
  rpsBurst: 0,
  slowCreateRate: 0,
  slowCreateMs: 0,
};

export interface FaultCounters {
  /** Requests that reached the injector (API routes only, not /_sandbox). */
  requests: number;
  /** Requests passed on to the handlers (including those later dropped). */
  passed: number;
  serverErrors: number;
  /** 429s answered inside bursts, and bursts started. */
  burstRejections: number;
  bursts: number;
  /** 429s answered by the requests-per-second limit. */
  throttled: number;
  /** Writes applied whose answer was replaced by a dropped connection. */
  dropped: number;
  /** Creates held back by the slow-create fault, and how many of them have since been applied. */
  slowCreates: number;
  slowCreatesLanded: number;
}

const rate = z.coerce.number().min(0).max(1);
const nonNegative = z.coerce.number().min(0);
/** Each setting's variable suffix (`<CODE>_SANDBOX_<SUFFIX>`, then `SANDBOX_<SUFFIX>`; ./sandbox-settings.ts) and its schema. */
export const FAULT_VARIABLES = {
  errorRate: ['ERROR_RATE', rate],
  burstRate: ['BURST_RATE', rate],
  burstMs: ['BURST_MS', nonNegative],
  latencyMs: ['LATENCY_MS', nonNegative],
  latencyJitterMs: ['LATENCY_JITTER_MS', nonNegative],
  dropRate: ['DROP_RATE', rate],
  requestsPerSecond: ['RPS', nonNegative],
  rpsBurst: ['RPS_BURST', nonNegative],
  slowCreateRate: ['SLOW_CREATE_RATE', rate],
  slowCreateMs: ['SLOW_CREATE_MS', nonNegative],
  seed: ['SEED', z.coerce.number().int()],
} as const;

/** Validates settings given by a test or POST /_sandbox/faults. */
export const faultSettingsSchema = z
  .object({
    errorRate: rate,
    burstRate: rate,
    burstMs: nonNegative,
    latencyMs: nonNegative,
    latencyJitterMs: nonNegative,
    dropRate: rate,
    requestsPerSecond: nonNegative,
    rpsBurst: nonNegative,
    slowCreateRate: rate,
    slowCreateMs: nonNegative,
    seed: z.coerce.number().int(),
  })
  .partial()
  .strict();

/** mulberry32: small, fast, seedable. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private settings: FaultSettings;
  private random: () => number;
  private burstUntil = 0;
  private bucket: TokenBucket | null = null;
  readonly counters: FaultCounters = { requests: 0, passed: 0, serverErrors: 0, burstRejections: 0, bursts: 0, throttled: 0, dropped: 0, slowCreates: 0, slowCreatesLanded: 0 };

  constructor(settings: Partial<FaultSettings> = {}) {
    this.settings = { ...NO_FAULTS, ...faultSettingsSchema.parse(settings) };
    this.random = seededRandom(this.settings.seed ?? Math.floor(Math.random() * 2 ** 32));
    this.refillBucket();
  }

  get current(): Readonly<FaultSettings> {
    return this.settings;
  }

  /** Changes some settings; the others stay. */
  set(settings: Partial<FaultSettings>): void {
    const parsed = faultSettingsSchema.parse(settings);
    this.settings = { ...this.settings, ...parsed };
    if (parsed.seed !== undefined) this.random = seededRandom(parsed.seed);
    if (parsed.requestsPerSecond !== undefined || parsed.rpsBurst !== undefined) this.refillBucket();
  }

  /** Starts a 429 burst now (tests). */
  startBurst(ms: number = this.settings.burstMs): void {
    this.burstUntil = Date.now() + ms;
    this.counters.bursts += 1;
  }

  stopBurst(): void {
    this.burstUntil = 0;
  }

  resetCounters(): void {
    for (const key of Object.keys(this.counters) as (keyof FaultCounters)[]) this.counters[key] = 0;
  }

  /** The middleware; `isWrite` tells which requests accept-then-drop may hit, `isCreate` which the slow-create fault may hold. */
  middleware(isWrite: (req: Request) => boolean, isCreate: (req: Request) => boolean = () => false): RequestHandler {
    return async (req, res, next) => {
      const s = this.settings;
      this.counters.requests += 1;
      const delay = s.latencyMs + (s.latencyJitterMs > 0 ? this.random() * s.latencyJitterMs : 0);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const now = Date.now();
      if (s.requestsPerSecond > 0) {
        const waitMs = this.takeToken(now);
        if (waitMs > 0) {
          this.counters.throttled += 1;
          return tooManyRequests(res, waitMs, `more than ${s.requestsPerSecond} requests per second`);
        }
      }
      if (now >= this.burstUntil && s.burstRate > 0 && this.random() < s.burstRate) this.startBurst();
      if (now < this.burstUntil) {
        this.counters.burstRejections += 1;
        return tooManyRequests(res, this.burstUntil - now, 'request burst limit reached');
      }
      if (s.errorRate > 0 && this.random() < s.errorRate) {
        this.counters.serverErrors += 1;
        return this.random() < 0.5
          ? sendError(res, 500, 'internal_error', 'sandbox fault: internal error; nothing was written')
          : sendError(res, 503, 'service_unavailable', 'sandbox fault: service unavailable; nothing was written');
      }
      if (s.dropRate > 0 && isWrite(req) && this.random() < s.dropRate) this.dropSuccessfulAnswer(req, res);
      if (s.slowCreateRate > 0 && s.slowCreateMs > 0 && isCreate(req) && this.random() < s.slowCreateRate) {
        this.counters.slowCreates += 1;
        // Applied whether or not the client is still waiting: the create outlives its timeout.
        await new Promise((resolve) => setTimeout(resolve, s.slowCreateMs * (0.5 + this.random() / 2)));
        this.counters.passed += 1;
        next();
        // The sandboxes' handlers are synchronous: the create has been applied (or refused) now.
        this.counters.slowCreatesLanded += 1;
        return;
      }
      this.counters.passed += 1;
      next();
    };
  }

  /** The handler still runs and applies the write; a success answer is replaced by a destroyed socket. */
  private dropSuccessfulAnswer(req: Request, res: Response): void {
    const json = res.json.bind(res);
    res.json = (body?: unknown) => {
      if (res.statusCode >= 300) return json(body);
      this.counters.dropped += 1;
      req.socket.destroy();
      return res;
    };
  }

  private bucketSize(): number {
    return this.settings.rpsBurst > 0 ? this.settings.rpsBurst : Math.max(1, Math.ceil(this.settings.requestsPerSecond / 10));
  }

  private refillBucket(): void {
    const rps = this.settings.requestsPerSecond;
    this.bucket = rps > 0 ? new TokenBucket(rps, this.bucketSize()) : null;
  }

  /** Takes a token; returns 0 when one was available, else the ms until one will be. */
  private takeToken(now: number): number {
    return this.bucket ? Math.max(0, this.bucket.take(now)) : 0;
  }
}

function tooManyRequests(res: Response, waitMs: number, why: string): void {
  res.setHeader('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
  sendError(res, 429, 'too_many_requests', `sandbox fault: ${why}; retry after the Retry-After seconds`);
}
