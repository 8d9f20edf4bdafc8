import type { MikroORM } from '@mikro-orm/core';
import { QueryOrder } from '@mikro-orm/core';
import { ConnectorError, type MarketplaceConnector, type RemoteListing } from '../../../connectors/marketplace/contract.js';
import type { Logger } from '../../../core/logger.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import { Product } from '../catalogue/product.entity.js';
import { Listing } from '../listings/listing.entity.js';
import { ListingIntent, ListingStatus } from '../listings/listing-status.js';
import type { RateLimiter } from '../sync/rate-limiter.js';
import type { ConnectorSet } from '../sync/sync-options.js';
import { DriftField, DriftResolution } from './drift-kinds.js';
import { marketplaceDriftPolicy, type DriftSettings } from './drift-settings.js';
import { findDrift } from './drift.rules.js';
import { settleDrift } from './drift.command.js';
import { ListingDrift } from './listing-drift.entity.js';

/** What the auditor borrows from the sync worker of its process. */
export interface AuditorHooks {
  /** The worker's pacer of a marketplace: audits and sync share one request budget. */
  limiter(marketplace: Marketplace): RateLimiter;
  /** Reads the marketplace's order feed first, so stock taken by orders not pulled yet is not taken for drift. */
  pullOrders?(marketplace: Marketplace): Promise<unknown>;
  /** Runs `task` every `ms` until the returned stop is called (default: setInterval; tests tick it themselves). */
  every?(ms: number, task: () => void): () => void;
}

function everyMs(ms: number, task: () => void): () => void {
  const timer = setInterval(task, ms);
  timer.unref();
  return () => clearInterval(timer);
}

export interface AuditRoundResult {
  audited: number;
  drifted: number;
  errors: number;
}

const MAX_ERROR_LENGTH = 1000;

/**
 * The drift audit: re-reads live listings at their marketplace and settles what changed there
 * (drift.command.ts). Every `intervalMs` it takes the `batch` least recently audited live listings
 * of each marketplace; every `requestPollMs` it takes the listings a marketplace's push named
 * (webhook). Each read goes through the marketplace's rate limiter, shared with the sync. Several
 * auditors (workers on PostgreSQL) never re-read one listing twice: each claims it by moving its
 * `lastAuditedAt` with a conditional update.
 */
export class DriftAuditor {
  private timers: (() => void)[] = [];
  private running: Promise<unknown> = Promise.resolve();
  private readonly abort = new AbortController();

  constructor(
    private readonly orm: MikroORM,
    private readonly connectorSet: ConnectorSet,
    private readonly settings: DriftSettings,
    private readonly logger: Logger,
    private readonly hooks: AuditorHooks,
  ) {}

  start(): this {
    const every = (ms: number, task: () => Promise<unknown>) => {
      const stop = (this.hooks.every ?? everyMs)(ms, () => {
        // One task at a time: a slow round delays the next instead of overlapping it.
        this.running = this.running.then(task).catch((error: unknown) => this.logger.warn({ err: error }, 'drift audit failed'));
      });
      this.timers.push(stop);
    };
    if (this.settings.intervalMs > 0) every(this.settings.intervalMs, () => this.auditRound());
    every(this.settings.requestPollMs, () => this.auditRequested());
    return this;
  }

  /** Resolves when the audit task under way (if any) has ended (tests). */
  async idle(): Promise<void> {
    await this.running.catch(() => undefined);
  }

  async stop(): Promise<void> {
    for (const stop of this.timers) stop();
    this.timers = [];
    this.abort.abort(new Error('drift auditor stopping'));
    await this.running.catch(() => undefined);
  }

  /** One audit round over every marketplace: what happens each interval. */
  async auditRound(now = new Date()): Promise<AuditRoundResult> {
    const total: AuditRoundResult = { audited: 0, drifted: 0, errors: 0 };
    for (const marketplace of Object.keys(this.connectorSet.connectors) as Marketplace[]) {
      const em = this.orm.em.fork();
      const due = await em.find(
        Listing,
        { marketplace, intent: ListingIntent.PUBLISHED, status: ListingStatus.PUBLISHED, externalId: { $ne: null } },
        { orderBy: { lastAuditedAt: QueryOrder.ASC_NULLS_FIRST, id: QueryOrder.ASC }, limit: this.settings.batch },
      );
      if (!due.length) continue;
      await this.hooks.pullOrders?.(marketplace)?.catch((error: unknown) => this.logger.info({ marketplace, err: String(error) }, 'drift audit: order feed not read first'));
      for (const listing of due) this.add(total, await this.auditListing(listing, now));
    }
    if (total.drifted || total.errors) this.logger.info({ ...total }, 'drift audit round');
    return total;
  }

  /** The listings a marketplace's push named (drift/marketplace-webhook.routes.ts). */
  async auditRequested(now = new Date()): Promise<AuditRoundResult> {
    const total: AuditRoundResult = { audited: 0, drifted: 0, errors: 0 };
    const em = this.orm.em.fork();
    const requested = await em.find(Listing, { auditRequestedAt: { $ne: null } }, { orderBy: { auditRequestedAt: QueryOrder.ASC }, limit: this.settings.batch });
    for (const listing of requested) {
      const claimed = await em.nativeUpdate(Listing, { id: listing.id, auditRequestedAt: listing.auditRequestedAt }, { auditRequestedAt: null });
      if (!claimed) continue;
      // Not live as the hub sees it: a sync is under way and writes the hub's version anyway.
      if (listing.status !== ListingStatus.PUBLISHED || listing.intent !== ListingIntent.PUBLISHED || !listing.externalId) continue;
      await this.hooks.pullOrders?.(listing.marketplace)?.catch(() => undefined);
      this.add(total, await this.auditListing(listing, now));
    }
    return total;
  }

  private add(total: AuditRoundResult, one: AuditRoundResult): void {
    total.audited += one.audited;
    total.drifted += one.drifted;
    total.errors += one.errors;
  }

  private async auditListing(listing: Listing, now: Date): Promise<AuditRoundResult> {
    const none = { audited: 0, drifted: 0, errors: 0 };
    const em = this.orm.em.fork();
    const claimed = await em.nativeUpdate(Listing, { id: listing.id, lastAuditedAt: listing.lastAuditedAt ?? null }, { lastAuditedAt: now });
    if (!claimed) return none;
    const product = await em.findOne(Product, listing.productId);
    // Only a listing holding the product's latest version: otherwise a sync is due and rewrites it anyway.
    if (!product || listing.syncedVersion < product.version) return none;
    let remotes: RemoteListing[];
    let connector: MarketplaceConnector | undefined;
    try {
      // Read where the engine writes: the producer's own shop, or the marketplace-wide connector where the fallback allows it.
      connector = (await this.connectorSet.shops?.connectorFor(product.producerId, listing.marketplace)) ?? this.connectorSet.connectors[listing.marketplace];
      if (!connector) return none;
      remotes = await this.read(listing, product.sellerSku, connector);
    } catch (error) {
      if (this.abort.signal.aborted) throw error;
      this.logger.info({ listingId: listing.id, marketplace: listing.marketplace, err: error instanceof ConnectorError ? `${error.kind}: ${error.message}` : String(error) }, 'drift audit could not read a listing');
      return { audited: 0, drifted: 0, errors: 1 };
    }
    const finding = findDrift({ externalId: listing.externalId!, priceVnd: product.priceVnd, stock: product.stock, name: product.name }, remotes);
    if (finding.kept?.status === 'REJECTED') {
      // Banned by the marketplace's staff: moderation, not drift; shown as the engine shows a refusal.
      await em.nativeUpdate(Listing, { id: listing.id, status: ListingStatus.PUBLISHED }, {
        status: ListingStatus.REJECTED,
        remoteStatus: 'REJECTED',
        rejectionReason: (finding.kept.rejectionReason ?? 'Refused by the marketplace without a reason.').slice(0, MAX_ERROR_LENGTH),
        updatedAt: now,
      });
      this.logger.info({ listingId: listing.id, marketplace: listing.marketplace }, 'drift audit: the marketplace refused a live listing');
      return { audited: 1, drifted: 0, errors: 0 };
    }
    if (!finding.differences.length) return { audited: 1, drifted: 0, errors: 0 };
    const marketplacePolicy = marketplaceDriftPolicy(this.settings, listing.marketplace);
    const settled = await settleDrift(em, { listingId: listing.id, productVersion: product.version, differences: finding.differences, marketplacePolicy, detectedAt: now });
    if (settled.outcome === 'SKIPPED') return { audited: 1, drifted: 0, errors: 0 };
    this.logger.info(
      { listingId: listing.id, marketplace: listing.marketplace, fields: finding.differences.map((d) => d.field), policy: settled.policy, outcome: settled.outcome },
      'listing drifted at its marketplace',
    );
    for (const row of settled.duplicates) await this.delistDuplicate(listing, row, connector);
    return { audited: 1, drifted: 1, errors: 0 };
  }

  /** Every listing with the SKU (duplicates included), or the listing alone where the connector cannot search. */
  private async read(listing: Listing, sellerSku: string, connector: MarketplaceConnector): Promise<RemoteListing[]> {
    await this.hooks.limiter(listing.marketplace).acquire(this.abort.signal);
    if (connector.findListingsBySku) return connector.findListingsBySku(sellerSku);
    try {
      const one = await connector.getListing(listing.externalId!);
      return one ? [one] : [];
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'NOT_FOUND') return [];
      throw error;
    }
  }

  private async delistDuplicate(listing: Listing, row: ListingDrift, connector: MarketplaceConnector): Promise<void> {
    try {
      await this.hooks.limiter(listing.marketplace).acquire(this.abort.signal);
      await connector.delist(row.marketplaceValue);
    } catch (error) {
      if (!(error instanceof ConnectorError && error.kind === 'NOT_FOUND')) {
        // Left open: the next audit finds the copy again and tries again.
        this.logger.info({ listingId: listing.id, marketplace: listing.marketplace, err: String(error) }, 'drift audit could not delist a duplicate');
        return;
      }
    }
    const em = this.orm.em.fork();
    await em.nativeUpdate(ListingDrift, { id: row.id }, { resolution: DriftResolution.DUPLICATE_DELISTED, resolvedAt: new Date() });
    const current = await em.findOne(Listing, listing.id);
    if (current) {
      current.duplicatesDelisted += 1;
      await em.flush();
    }
    this.logger.warn({ listingId: listing.id, marketplace: listing.marketplace, kept: listing.externalId, delisted: row.marketplaceValue, field: DriftField.DUPLICATE }, 'duplicate listing delisted by the drift audit');
  }
}
