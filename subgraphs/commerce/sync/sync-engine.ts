import { raw, type EntityManager, type MikroORM } from '@mikro-orm/core';
import pRetry from 'p-retry';
import { ConnectorError, type MarketplaceConnector, type RemoteListing } from '../../../connectors/marketplace/contract.js';
import type { Logger } from '../../../core/logger.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import { Product } from '../catalogue/product.entity.js';
import { Listing } from '../listings/listing.entity.js';
import { ListingIntent, ListingStatus } from '../listings/listing-status.js';
import { resolveReassertedDrift } from '../drift/drift.command.js';
import { listingContent } from './listing-content.js';
import { RateLimiter } from './rate-limiter.js';
import type { ConnectorSet, SyncOptions } from './sync-options.js';

/** What one run of a job ended with. */
/** `attempts`: marketplace calls made; `retries`: tries of the whole step beyond the first in this run (after a timeout, 5xx, 429). */
export type JobOutcome =
  | { kind: 'DONE'; attempts: number; retries?: number }
  | { kind: 'WAIT'; attempts: number; delayMs: number; retries?: number }
  | { kind: 'FAILED'; attempts: number; error: string; retries?: number };

export interface JobToRun {
  id: number;
  listingId: string;
  /** Throws when this worker no longer holds the job's claim (fencing: a stale worker never writes). */
  assertClaim(): void;
}

interface AttemptCounter {
  attempts: number;
  /** Tries of `reconcile` in this run (pRetry's attempts). */
  tries: number;
  marketplace: Marketplace | null;
  /** The listing showed DRIFTED when the job began: once done, the hub's version is back and the drift is settled. */
  drifted: boolean;
}

const MAX_ERROR_LENGTH = 1000;
/** How long a marketplace may take to apply a create when its connector does not say. */
const DEFAULT_SLOWEST_CREATE_MS = 60_000;

function describe(error: unknown): string {
  const text = error instanceof ConnectorError ? `${error.kind}: ${error.message}` : error instanceof Error ? error.message : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** Thrown when the worker no longer holds the job's claim: this run must stop writing at once. */
export class ClaimLostError extends Error {
  override readonly name = 'ClaimLostError';
}

/** Errors worth another attempt: the contract's retryable kinds, and anything that is not a ConnectorError (a dropped DB connection). */
function isRetryable(error: unknown): boolean {
  if (error instanceof ClaimLostError) return false;
  return error instanceof ConnectorError ? error.retryable : true;
}

/**
 * Brings one listing to what the hub wants, whatever happened before: the engine reads the
 * listing and the product afresh on every attempt and sends the product's current version, so a
 * retry never sends stale data and newer changes overtake older ones. Writes to the marketplace
 * are idempotent (set price, set stock, set content) except create, which is guarded: the listing
 * records that a create was sent before sending it, and an attempt after a lost response looks the
 * listing up by seller SKU first.
 */
export class SyncEngine {
  private readonly limiters = new Map<Marketplace, RateLimiter>();

  constructor(
    private readonly orm: MikroORM,
    private readonly connectorSet: ConnectorSet,
    private readonly options: SyncOptions,
    private readonly logger: Logger,
  ) {}

  limiter(marketplace: Marketplace): RateLimiter {
    let limiter = this.limiters.get(marketplace);
    if (!limiter) {
      limiter = new RateLimiter(this.options.ratePerSecond[marketplace] ?? this.options.ratePerSecond.default);
      this.limiters.set(marketplace, limiter);
    }
    return limiter;
  }

  async run(job: JobToRun, signal: AbortSignal): Promise<JobOutcome> {
    const em = this.orm.em.fork();
    const counter: AttemptCounter = { attempts: 0, tries: 0, marketplace: null, drifted: false };
    const retries = () => Math.max(0, counter.tries - 1);
    try {
      const result = await pRetry(() => this.reconcile(em, job, counter, signal), {
        retries: this.options.retries,
        factor: 2,
        minTimeout: this.options.minBackoffMs,
        maxTimeout: this.options.maxBackoffMs,
        randomize: true,
        maxRetryTime: this.options.maxRetryTimeMs,
        signal,
        shouldRetry: ({ error }) => !signal.aborted && isRetryable(error),
        // A 429 is the marketplace pacing us, not a failure of this job: wait as told, keep the budget.
        shouldConsumeRetry: ({ error }) => !(error instanceof ConnectorError && error.kind === 'RATE_LIMITED'),
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (!(error instanceof ClaimLostError) && !signal.aborted) await this.recordFailedAttempt(job, error, attemptNumber);
          if (error instanceof ConnectorError && error.kind === 'RATE_LIMITED') {
            if (counter.marketplace) this.limiter(counter.marketplace).pause(error.details.retryAfterMs ?? this.options.defaultRetryAfterMs);
          }
          // Every retry and unknown outcome is logged with its listing: operators follow a listing by id.
          this.logger.info({ jobId: job.id, listingId: job.listingId, attemptNumber, retriesLeft, kind: error instanceof ConnectorError ? error.kind : 'ERROR', err: describe(error) }, 'sync attempt failed; retrying');
        },
      });
      if (result.waitMs !== null) await this.planNextAttempt(job, result.waitMs);
      else if (counter.drifted) await resolveReassertedDrift(this.orm.em.fork(), job.listingId);
      return result.waitMs !== null
        ? { kind: 'WAIT', attempts: counter.attempts, delayMs: result.waitMs, retries: retries() }
        : { kind: 'DONE', attempts: counter.attempts, retries: retries() };
    } catch (error) {
      if (signal.aborted || error instanceof ClaimLostError) throw error;
      return { ...(await this.fail(em, job, counter.attempts, error)), retries: retries() };
    }
  }

  /**
   * A failed call shows on the listing at once (not only when the job gives up): attempts, the
   * error, and the earliest next try (p-retry's backoff before its random factor).
   */
  private async recordFailedAttempt(job: JobToRun, error: unknown, attemptNumber: number): Promise<void> {
    job.assertClaim();
    const rateLimited = error instanceof ConnectorError && error.kind === 'RATE_LIMITED';
    const delayMs = rateLimited
      ? (error.details.retryAfterMs ?? this.options.defaultRetryAfterMs)
      : Math.min(this.options.maxBackoffMs, this.options.minBackoffMs * 2 ** Math.max(0, attemptNumber - 1));
    const now = Date.now();
    await this.orm.em
      .fork()
      .nativeUpdate(Listing, { id: job.listingId }, { attempts: raw('attempts + 1'), lastError: describe(error), lastAttemptAt: new Date(now), nextAttemptAt: new Date(now + delayMs) });
  }

  /** The job waits (a review, a create that may still land): the listing says when it is looked at again. */
  private async planNextAttempt(job: JobToRun, delayMs: number): Promise<void> {
    job.assertClaim();
    await this.orm.em.fork().nativeUpdate(Listing, { id: job.listingId }, { nextAttemptAt: new Date(Date.now() + delayMs) });
  }

  /** Out of attempts, or refused for good: the listing shows FAILED (or REJECTED) with the error. */
  private async fail(em: EntityManager, job: JobToRun, attempts: number, error: unknown): Promise<JobOutcome> {
    const message = describe(error);
    job.assertClaim();
    em.clear();
    const listing = await em.findOne(Listing, job.listingId);
    if (listing) {
      if (error instanceof ConnectorError && error.kind === 'REJECTED' && listing.externalId && listing.remoteStatus === 'PUBLISHED') {
        // An update refused: the marketplace still sells the version it holds, so the listing stays
        // PUBLISHED (and not in sync), with the reason, until the product changes again.
        listing.status = ListingStatus.PUBLISHED;
        listing.rejectionReason = error.message.slice(0, MAX_ERROR_LENGTH);
        listing.lastError = `${message} (the update was refused; the listing stays live with version ${listing.syncedVersion})`.slice(0, MAX_ERROR_LENGTH);
        this.logger.info({ listingId: listing.id, marketplace: listing.marketplace, err: message }, 'marketplace refused an update; the listing stays live');
      } else if (error instanceof ConnectorError && error.kind === 'REJECTED') {
        listing.status = ListingStatus.REJECTED;
        listing.rejectionReason = error.message.slice(0, MAX_ERROR_LENGTH);
        listing.lastError = message;
        this.logger.info({ listingId: listing.id, marketplace: listing.marketplace, err: message }, 'marketplace rejected a listing');
      } else {
        listing.status = ListingStatus.FAILED;
        listing.lastError = message;
        listing.nextAttemptAt = new Date(Date.now() + this.options.failedRetryMs);
      }
      listing.updatedAt = new Date();
      await em.flush();
    }
    if (error instanceof ConnectorError && error.kind === 'REJECTED') return { kind: 'DONE', attempts };
    this.logger.warn({ jobId: job.id, listingId: job.listingId, err: message }, 'sync job failed');
    return { kind: 'FAILED', attempts, error: message };
  }

  /** One attempt. Returns waitMs when the marketplace is still reviewing the listing. */
  private async reconcile(em: EntityManager, job: JobToRun, counter: AttemptCounter, signal: AbortSignal): Promise<{ waitMs: number | null }> {
    counter.tries += 1;
    em.clear();
    const listing = await em.findOne(Listing, job.listingId);
    if (!listing) return { waitMs: null };
    const product = await em.findOne(Product, listing.productId);
    if (!product) return { waitMs: null };
    counter.marketplace = listing.marketplace;
    counter.drifted ||= listing.status === ListingStatus.DRIFTED;
    const connector = this.connectorSet.connectors[listing.marketplace];
    if (!connector) throw new ConnectorError('AUTH', `No connector is configured for ${listing.marketplace}: configure it and retry the listing.`);
    const call = async <T>(fn: (c: MarketplaceConnector) => Promise<T>): Promise<T> => {
      await this.limiter(listing.marketplace).acquire(signal);
      job.assertClaim();
      counter.attempts += 1;
      listing.lastAttemptAt = new Date();
      return fn(connector);
    };
    const save = async () => {
      job.assertClaim();
      listing.updatedAt = new Date();
      await em.flush();
    };

    // A create whose response never came back: the marketplace may hold the listing already, or
    // may still be applying it. Look it up by seller SKU; send it again only once the create is
    // older than the marketplace's slowest create, so a slow one cannot land beside a second one.
    if (!listing.externalId && listing.createSentAt) {
      const found = await this.findAllBySku(product.sellerSku, call);
      if (found.length > 0) {
        const [kept, ...others] = found as [RemoteListing, ...RemoteListing[]];
        this.applyRemote(listing, kept, listing.sentVersion, listing.sentContentVersion);
        await save();
        await this.delistDuplicates(listing, others, call, save);
      } else {
        const slowestMs = connector.slowestCreateMs ?? DEFAULT_SLOWEST_CREATE_MS;
        const landsBy = listing.createSentAt.getTime() + slowestMs;
        const waitMs = landsBy - Date.now();
        if (waitMs > 0) {
          listing.lastError = `UNKNOWN_OUTCOME: the create sent at ${listing.createSentAt.toISOString()} may still land; looking it up by seller SKU until ${new Date(landsBy).toISOString()} before creating again.`;
          await save();
          this.logger.info({ listingId: listing.id, marketplace: listing.marketplace, waitMs }, 'create outcome unknown: waiting for it to land before creating again');
          return { waitMs: Math.max(1, Math.min(waitMs + 1, Math.ceil(slowestMs / 4))) };
        }
        listing.createSentAt = null;
        await save();
      }
    }

    if (listing.intent === ListingIntent.DELISTED) {
      if (listing.externalId && listing.remoteStatus !== 'DELISTED') {
        try {
          const remote = await call((c) => c.delist(listing.externalId!));
          this.applyRemote(listing, remote, listing.syncedVersion, listing.syncedContentVersion);
        } catch (error) {
          if (!(error instanceof ConnectorError && error.kind === 'NOT_FOUND')) throw error;
        }
      }
      listing.status = ListingStatus.DELISTED;
      listing.remoteStatus = listing.externalId ? 'DELISTED' : null;
      listing.lastError = null;
      await save();
      return { waitMs: null };
    }

    if (!listing.externalId) {
      const content = listingContent(product);
      listing.createSentAt = new Date();
      listing.sentVersion = product.version;
      listing.sentContentVersion = product.contentVersion;
      await save();
      let remote: RemoteListing;
      try {
        remote = await call((c) => c.createListing(content));
      } catch (error) {
        // Refused before taking effect (5xx, 429, validation): nothing to look up next time.
        if (error instanceof ConnectorError && error.kind !== 'UNKNOWN_OUTCOME') {
          listing.createSentAt = null;
          await save();
        } else {
          // Given up on: the marketplace may apply it any time up to its slowest create from now
          // (a request can wait in queues before it is read), so the look-ups count from here.
          listing.createSentAt = new Date();
          await save();
          this.logger.info({ listingId: listing.id, marketplace: listing.marketplace, err: describe(error) }, 'create outcome unknown: looking it up by seller SKU before creating again');
        }
        throw error;
      }
      // Stored the moment it is known: nothing else happens before this flush.
      this.applyRemote(listing, remote, content.version, product.contentVersion);
      await save();
    }

    if (listing.remoteStatus === 'PENDING_REVIEW') {
      const remote = await this.readRemote(listing, call);
      if (!remote) return this.forget(listing, save);
      this.applyRemote(listing, remote, listing.syncedVersion, listing.syncedContentVersion);
      await save();
      if (remote.status === 'PENDING_REVIEW') return { waitMs: this.options.reviewPollMs };
    }
    if (listing.remoteStatus === 'REJECTED' && listing.syncedContentVersion >= product.contentVersion) {
      listing.status = ListingStatus.REJECTED;
      await save();
      return { waitMs: null };
    }

    const needsContent = listing.syncedContentVersion < product.contentVersion || listing.remoteStatus === 'DELISTED' || listing.remoteStatus === 'REJECTED';
    if (needsContent || listing.syncedVersion < product.version) {
      const content = listingContent(product);
      listing.sentVersion = product.version;
      listing.sentContentVersion = product.contentVersion;
      let remote: RemoteListing;
      try {
        remote = needsContent
          ? await call((c) => c.updateContent(listing.externalId!, content))
          : await call((c) => c.updatePriceAndStock(listing.externalId!, { priceVnd: content.priceVnd, stock: content.stock }));
      } catch (error) {
        if (error instanceof ConnectorError && error.kind === 'NOT_FOUND') return this.forget(listing, save);
        throw error;
      }
      this.applyRemote(listing, remote, content.version, needsContent ? product.contentVersion : listing.syncedContentVersion);
      await save();
      if (remote.status === 'PENDING_REVIEW') return { waitMs: this.options.reviewPollMs };
    } else if (listing.remoteStatus === 'PUBLISHED' && listing.status !== ListingStatus.PUBLISHED) {
      listing.status = ListingStatus.PUBLISHED;
      listing.lastError = null;
      await save();
    }
    return { waitMs: null };
  }

  /** Every listing holding the SKU, oldest first (the contract's optional findListingsBySku, else the oldest alone). */
  private async findAllBySku(sellerSku: string, call: <T>(fn: (c: MarketplaceConnector) => Promise<T>) => Promise<T>): Promise<RemoteListing[]> {
    return call(async (c) => (c.findListingsBySku ? c.findListingsBySku(sellerSku) : [await c.findListingBySku(sellerSku)].filter((l): l is RemoteListing => l !== null)));
  }

  /**
   * Listings of the same product beyond the one the hub keeps (a create that landed after it was
   * given up for lost): delisted, counted on the listing and logged, so buyers can order only the
   * copy whose stock the hub follows.
   */
  private async delistDuplicates(
    listing: Listing,
    others: RemoteListing[],
    call: <T>(fn: (c: MarketplaceConnector) => Promise<T>) => Promise<T>,
    save: () => Promise<void>,
  ): Promise<void> {
    for (const other of others) {
      if (other.externalId === listing.externalId || other.status === 'DELISTED') continue;
      try {
        await call((c) => c.delist(other.externalId));
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'NOT_FOUND')) throw error;
      }
      listing.duplicatesDelisted += 1;
      await save();
      this.logger.warn({ listingId: listing.id, marketplace: listing.marketplace, kept: listing.externalId, delisted: other.externalId }, 'duplicate listing delisted');
    }
  }

  private async readRemote(listing: Listing, call: <T>(fn: (c: MarketplaceConnector) => Promise<T>) => Promise<T>): Promise<RemoteListing | null> {
    try {
      return await call((c) => c.getListing(listing.externalId!));
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** The marketplace no longer has the listing: forget its id and create it again on the next attempt. */
  private async forget(listing: Listing, save: () => Promise<void>): Promise<never> {
    listing.externalId = null;
    listing.externalUrl = null;
    listing.createSentAt = null;
    listing.remoteStatus = null;
    listing.syncedVersion = 0;
    listing.syncedContentVersion = 0;
    listing.status = ListingStatus.PENDING_SYNC;
    await save();
    throw new ConnectorError('TRANSIENT', 'The marketplace no longer has this listing; it will be created again.');
  }

  /** Records what the marketplace answered. Versions only move forward. */
  private applyRemote(listing: Listing, remote: RemoteListing, version: number, contentVersion: number): void {
    listing.externalId = remote.externalId;
    listing.externalUrl = remote.externalUrl ?? listing.externalUrl ?? null;
    listing.remoteStatus = remote.status;
    listing.syncedVersion = Math.max(listing.syncedVersion, version);
    listing.syncedContentVersion = Math.max(listing.syncedContentVersion, contentVersion);
    listing.lastSyncedAt = new Date();
    listing.lastError = null;
    listing.attempts = 0;
    listing.nextAttemptAt = null;
    listing.rejectionReason = remote.status === 'REJECTED' ? (remote.rejectionReason ?? 'Rejected by the marketplace without a reason.') : null;
    if (listing.intent === ListingIntent.PUBLISHED || remote.status === 'DELISTED') listing.status = ListingStatus[remote.status];
  }
}
