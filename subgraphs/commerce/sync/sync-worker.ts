import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from '../../../core/logger.js';
import { inSpanContinuing } from '../../../core/tracing/trace-context.js';
import { JobQueue, type ClaimedJob } from './job-queue.js';
import { ClaimLostError, SyncEngine, type JobOutcome } from './sync-engine.js';
import { SyncJobStatus } from './sync-job.entity.js';
import type { ConnectorSet, SyncOptions } from './sync-options.js';
import { OrderPuller } from '../orders/order-puller.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import type { RateLimiter } from './rate-limiter.js';
import { requeueFailedListings } from './failed-retry.js';
import type { SyncRunMetrics } from './sync-run-metrics.js';
import { IdleShopRefresher } from '../shops/idle-refresh.js';

export interface WorkerStats {
  done: number;
  failed: number;
  waits: number;
  attempts: number;
}

/**
 * A sync worker: claims due outbox jobs (up to `concurrency` in flight), runs each through the
 * engine, renews its claims while they run, and settles them. Several may run against one
 * PostgreSQL database; against SQLite only the holder of the single-worker lease works, the others idle.
 * The same worker pulls the order feeds on their own schedule.
 */
export class SyncWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly stats: WorkerStats = { done: 0, failed: 0, waits: 0, attempts: 0 };
  private readonly queue: JobQueue;
  private readonly engine: SyncEngine;
  private readonly orders: OrderPuller;
  /** Keeps unused shop connections' refresh tokens from running out (null without per-shop connections). */
  readonly idleRefresher: IdleShopRefresher | null;
  private readonly inFlight = new Map<number, { claimUntil: number; promise: Promise<void> }>();
  private readonly abort = new AbortController();
  private stopping = false;
  private abandoning = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private holdsLease = false;
  private nextFailedSweep = 0;

  constructor(
    private readonly orm: MikroORM,
    connectorSet: ConnectorSet,
    private readonly options: SyncOptions,
    private readonly logger: Logger,
    private readonly metrics?: SyncRunMetrics,
  ) {
    // Every job in flight waits on this signal (rate limiter, backoff): more listeners than the default 10.
    setMaxListeners(0, this.abort.signal);
    this.queue = new JobQueue(orm);
    this.engine = new SyncEngine(orm, connectorSet, options, logger);
    this.orders = new OrderPuller(orm, connectorSet, options, logger, this.queue.postgres, (m) => this.engine.limiter(m));
    const idle = connectorSet.shops?.idleRefresh;
    this.idleRefresher = idle ? new IdleShopRefresher(idle, (m) => this.engine.limiter(m), logger, this.abort.signal) : null;
  }

  start(): this {
    this.loop = this.run().catch((error: unknown) => this.logger.error({ err: error }, 'sync worker stopped on an error'));
    this.heartbeat = setInterval(() => void this.renewClaims(), Math.max(200, Math.floor(this.options.leaseMs / 3)));
    this.heartbeat.unref();
    if (this.options.orderPollMs > 0) this.orders.start(this.options.orderPollMs);
    this.idleRefresher?.start();
    this.logger.info({ workerId: this.id, postgres: this.queue.postgres }, 'sync worker started');
    return this;
  }

  /**
   * Stops claiming and interrupts the jobs in flight at their next wait (rate limiter, backoff,
   * database write); with `graceMs`, the jobs in flight first get that long to finish. Graceful
   * (default): the claims of interrupted jobs are released, so another worker, or this one
   * restarted, takes them at once. `abandon`: they are left as a crash leaves them (claimed until
   * their lease expires) — used by tests to kill a worker mid-run.
   */
  async stop(options: { abandon?: boolean; graceMs?: number } = {}): Promise<void> {
    this.stopping = true;
    this.abandoning = !!options.abandon;
    if (options.graceMs && !options.abandon) {
      // SIGTERM: claim nothing more, and let the jobs in flight finish within the grace period.
      this.wake?.();
      await this.loop;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.graceMs)));
      await Promise.race([this.idle(), grace]);
      clearTimeout(timer);
    }
    this.abort.abort(new Error('sync worker stopping'));
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight.values()].map((j) => j.promise));
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.orders.stop();
    await this.idleRefresher?.stop();
    if (this.holdsLease && !options.abandon) await this.queue.releaseSingleWorkerLease(this.id).catch(() => undefined);
    this.logger.info({ workerId: this.id, ...this.stats }, 'sync worker stopped');
  }

  /** The pacer of one marketplace (benchmarks read its Retry-After time). */
  limiter(marketplace: Marketplace): RateLimiter {
    return this.engine.limiter(marketplace);
  }

  /** Reads one marketplace's order feed now (the drift audit does, before comparing stock). */
  pullOrders(marketplace: Marketplace): Promise<unknown> {
    return this.orders.pull(marketplace);
  }

  /** Resolves when no job is due or running (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race([...this.inFlight.values()].map((j) => j.promise));
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      if (!this.queue.postgres && !(await this.ensureLease())) {
        await this.sleep(this.options.pollMs);
        continue;
      }
      if (Date.now() >= this.nextFailedSweep) {
        this.nextFailedSweep = Date.now() + this.options.failedSweepMs;
        await requeueFailedListings(this.orm, this.logger).catch((error: unknown) => this.logger.warn({ err: error }, 'could not queue FAILED listings again'));
      }
      let claimed: ClaimedJob[] = [];
      const free = this.options.concurrency - this.inFlight.size;
      if (free > 0) {
        await this.queue.releaseExpired();
        claimed = await this.queue.claim(this.id, free, this.options.leaseMs);
        for (const job of claimed) this.launch(job);
      }
      if (!claimed.length || this.inFlight.size >= this.options.concurrency) await this.sleep(this.options.pollMs);
    }
  }

  private async ensureLease(): Promise<boolean> {
    const held = await this.queue.holdSingleWorkerLease(this.id, this.options.leaseMs);
    if (held && !this.holdsLease) {
      // The sole worker of this database: every RUNNING job belongs to a worker that is gone.
      const released = await this.queue.releaseExpired(Date.now(), true);
      if (released) this.logger.info({ released }, 'took over jobs of a stopped worker');
    }
    this.holdsLease = held;
    return held;
  }

  private launch(job: ClaimedJob): void {
    const entry = { claimUntil: Date.now() + this.options.leaseMs, promise: Promise.resolve() };
    const assertClaim = () => {
      // A crash writes nothing more; a graceful stop lets a call already made be recorded.
      if (this.abandoning) throw new ClaimLostError('The worker was stopped like a crash.');
      if (Date.now() > entry.claimUntil) throw new ClaimLostError(`The claim on job ${job.id} expired; another worker may hold it now.`);
    };
    entry.promise = (async () => {
      let outcome: JobOutcome;
      try {
        // One span per run, in the trace of the change that queued the job: its SQL and marketplace calls nest under it.
        outcome = await inSpanContinuing(
          'commune-hub/sync-worker',
          `sync job ${job.reason ?? 'SYNC'}`,
          job.traceParent ?? null,
          { 'hub.sync.job_id': job.id, 'hub.sync.marketplace': job.marketplace, 'hub.sync.reason': job.reason ?? '' },
          () => this.engine.run({ id: job.id, listingId: job.listingId, assertClaim }, this.abort.signal),
        );
      } catch (error) {
        if (this.abort.signal.aborted) return this.interrupted(job.id);
        if (error instanceof ClaimLostError) {
          this.logger.warn({ jobId: job.id, err: error.message }, 'sync job abandoned: its claim was lost');
          return;
        }
        outcome = { kind: 'FAILED', attempts: 0, error: error instanceof Error ? error.message : String(error) };
      }
      if (this.abandoning) return;
      this.stats.attempts += outcome.attempts;
      this.metrics?.record(job.marketplace, outcome.kind === 'DONE' ? 'done' : outcome.kind === 'FAILED' ? 'failed' : 'wait', outcome.attempts, outcome.retries ?? 0);
      if (outcome.kind === 'DONE') this.stats.done += 1;
      else if (outcome.kind === 'FAILED') this.stats.failed += 1;
      else this.stats.waits += 1;
      await this.queue
        .settle(this.id, job.id, {
          status: outcome.kind === 'DONE' ? SyncJobStatus.DONE : outcome.kind === 'FAILED' ? SyncJobStatus.FAILED : SyncJobStatus.PENDING,
          attempts: outcome.attempts,
          error: outcome.kind === 'FAILED' ? outcome.error : null,
          delayMs: outcome.kind === 'WAIT' ? outcome.delayMs : 0,
        })
        .catch((error: unknown) => this.logger.error({ err: error, jobId: job.id }, 'could not settle a sync job'));
    })().finally(() => {
      this.inFlight.delete(job.id);
      this.wake?.();
    });
    this.inFlight.set(job.id, entry);
  }

  /** A job cut short by stop(): back to PENDING now, unless the worker is being abandoned like a crash. */
  private async interrupted(jobId: number): Promise<void> {
    if (this.abandoning) return;
    await this.queue
      .settle(this.id, jobId, { status: SyncJobStatus.PENDING, attempts: 0 })
      .catch((error: unknown) => this.logger.warn({ err: error, jobId }, 'could not release a sync job; its lease will expire'));
  }

  private async renewClaims(): Promise<void> {
    const ids = [...this.inFlight.keys()];
    if (!ids.length && !this.holdsLease) return;
    try {
      const until = Date.now() + this.options.leaseMs;
      const renewed = await this.queue.renew(this.id, ids, this.options.leaseMs);
      for (const id of renewed) {
        const entry = this.inFlight.get(id);
        if (entry) entry.claimUntil = until;
      }
      if (this.holdsLease && !this.stopping) await this.queue.holdSingleWorkerLease(this.id, this.options.leaseMs);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not renew sync claims');
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
