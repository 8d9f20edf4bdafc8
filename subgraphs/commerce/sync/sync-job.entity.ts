import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Marketplace } from '../catalogue/marketplace.js';

export enum SyncJobStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/**
 * The outbox: one row of sync work for one listing, written in the same transaction as the change
 * that causes it. At most one PENDING job per listing: a newer change updates the queued job
 * (`targetVersion`, `coalesced`) instead of queueing another. Times the worker compares in SQL
 * (`runAfter`, `lockedUntil`) are epoch milliseconds, so SQLite and PostgreSQL compare them alike.
 */
@Entity({ tableName: 'sync_job' })
@Index({ properties: ['status', 'runAfter'] })
@Index({ properties: ['listingId', 'status'] })
export class SyncJob {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 40 })
  listingId!: string;

  /** A code of the connector registry; checked there, not by the database, so a new marketplace needs no migration. */
  @Property({ type: 'string', length: 20 })
  marketplace!: Marketplace;

  /** Why the job was queued first: PUBLISH, UPDATE, DELIST, RETRY, ORDER. */
  @Property({ type: 'string', length: 20 })
  reason!: string;

  /** The newest Product.version this job must bring to the marketplace (informational: the worker sends the current version). */
  @Property({ type: 'integer' })
  targetVersion!: number;

  /** How many later changes were folded into this job while it waited. */
  @Property({ type: 'integer' })
  coalesced: number = 0;

  @Enum({ items: () => SyncJobStatus, type: 'string' })
  status: SyncJobStatus = SyncJobStatus.PENDING;

  /** Calls made to the marketplace for this job, over all runs. */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** How many times a worker claimed it (more than one only after a worker died or a review wait). */
  @Property({ type: 'integer' })
  claims: number = 0;

  @Property({ type: new BigIntType('number') })
  runAfter!: number;

  @Property({ type: 'string', length: 100, nullable: true })
  lockedBy?: string | null;

  @Property({ type: new BigIntType('number'), nullable: true })
  lockedUntil?: number | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  /** The W3C traceparent of the change that queued the job, so its run continues that trace; null without tracing. */
  @Property({ type: 'string', length: 55, nullable: true })
  traceParent?: string | null;
}
