import { raw, type EntityManager } from '@mikro-orm/core';
import { currentTraceParent } from '../../../core/tracing/trace-context.js';
import type { Listing } from '../listings/listing.entity.js';
import { SyncJob, SyncJobStatus } from './sync-job.entity.js';

/** Jobs queued by a transaction and not flushed yet, so a second change in it folds into them. */
const queuedIn = new WeakMap<EntityManager, Map<string, SyncJob>>();

/**
 * Queues sync work for a listing inside the caller's transaction (the outbox): it commits with the
 * change that causes it, or not at all. A newer change folds into the listing's queued job instead
 * of queueing another: the update runs only on a row that is still PENDING, so a job a worker has
 * just claimed is never changed; then a new job is queued and waits until the running one ends
 * (the worker claims one job per listing at a time).
 */
export async function enqueueListingSync(em: EntityManager, listing: Listing, targetVersion: number, reason: string, now = Date.now()): Promise<void> {
  let queued = queuedIn.get(em);
  if (!queued) {
    queued = new Map();
    queuedIn.set(em, queued);
  }
  const mine = queued.get(listing.id);
  // Only while it is unflushed (no id yet): once in the database a worker may have claimed it.
  if (mine && mine.id === undefined) {
    mine.targetVersion = Math.max(mine.targetVersion, targetVersion);
    mine.coalesced += 1;
    return;
  }
  const folded = await em.nativeUpdate(
    SyncJob,
    { listingId: listing.id, status: SyncJobStatus.PENDING },
    { targetVersion, runAfter: now, coalesced: raw('coalesced + 1') },
  );
  if (folded > 0) return;
  const job = em.create(SyncJob, {
    listingId: listing.id,
    marketplace: listing.marketplace,
    reason,
    targetVersion,
    runAfter: now,
    status: SyncJobStatus.PENDING,
    attempts: 0,
    claims: 0,
    coalesced: 0,
    createdAt: new Date(now),
    traceParent: currentTraceParent(),
  });
  em.persist(job);
  queued.set(listing.id, job);
}
