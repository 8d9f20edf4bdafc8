import { ConnectorError } from '../../../connectors/marketplace/contract.js';
import type { Logger } from '../../../core/logger.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import type { RateLimiter } from '../sync/rate-limiter.js';
import type { IdleRefresh } from './shop-connector-pool.js';

export interface IdleRefreshRun {
  refreshed: number;
  /** Refused by the marketplace: the connection is marked REVOKED or EXPIRED and shows why. */
  refused: number;
  failed: number;
}

/** Each wait is the interval ±20%, so workers started together do not all refresh at the same moment. */
const JITTER = 0.2;

/**
 * Keeps idle shop connections alive: every `everyMs` (jittered) it refreshes each connection whose
 * refresh token would run out within the window, one token request at a time through the
 * marketplace's rate limiter (the one the sync shares). Without it a voso shop nobody sells through
 * for 30 days would need the seller to authorise the hub again.
 */
export class IdleShopRefresher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<IdleRefreshRun> | null = null;
  private stopped = false;

  constructor(
    private readonly idle: IdleRefresh,
    private readonly limiter: (marketplace: Marketplace) => RateLimiter,
    private readonly logger: Logger,
    private readonly signal?: AbortSignal,
    private readonly random: () => number = Math.random,
  ) {}

  start(): this {
    if (this.idle.everyMs > 0) this.schedule();
    return this;
  }

  /** The pass under way or last made (tests await it). */
  lastRun(): Promise<IdleRefreshRun> | null {
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass: every connection due, refreshed through its marketplace's rate limiter. */
  async runOnce(): Promise<IdleRefreshRun> {
    const run: IdleRefreshRun = { refreshed: 0, refused: 0, failed: 0 };
    for (const { connectionId, marketplace } of await this.idle.due(Date.now())) {
      if (this.stopped) break;
      await this.limiter(marketplace).acquire(this.signal);
      try {
        await this.idle.refresh(connectionId);
        run.refreshed += 1;
      } catch (error) {
        const refused = error instanceof ConnectorError && error.kind === 'AUTH';
        run[refused ? 'refused' : 'failed'] += 1;
        this.logger[refused ? 'info' : 'warn']({ connectionId, marketplace, err: error instanceof Error ? error.message : String(error) }, refused ? 'idle shop connection refused at refresh: the connection shows why' : 'idle shop connection not refreshed; the next pass retries');
      }
    }
    if (run.refreshed + run.refused + run.failed > 0) this.logger.info(run, 'idle shop connections refreshed');
    return run;
  }

  private schedule(): void {
    const delay = Math.round(this.idle.everyMs * (1 - JITTER + 2 * JITTER * this.random()));
    this.timer = setTimeout(() => {
      this.running = this.runOnce();
      this.running
        .catch((error: unknown) => this.logger.warn({ err: error }, 'idle shop refresh failed; the next pass retries'))
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, delay);
    this.timer.unref?.();
  }
}
