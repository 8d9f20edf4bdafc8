import type { EntityManager } from '@mikro-orm/core';
import { foldForSearch } from '../../../core/text.js';
import { Product } from '../catalogue/product.entity.js';
import { Listing } from '../listings/listing.entity.js';
import { ListingIntent, ListingStatus } from '../listings/listing-status.js';
import { queueProductChange } from '../listings/listing.command.js';
import { enqueueListingSync } from '../sync/outbox.js';
import { SyncJob, SyncJobStatus } from '../sync/sync-job.entity.js';
import { DriftField, DriftPolicy, DriftResolution } from './drift-kinds.js';
import type { DriftDifference } from './drift.rules.js';
import { ListingDrift } from './listing-drift.entity.js';

export interface DriftToSettle {
  listingId: string;
  /** Product.version the audit compared against: a change since then supersedes what it found. */
  productVersion: number;
  differences: DriftDifference[];
  /** The marketplace's policy; the listing's own (`Listing.driftPolicy`), read in the transaction, wins over it. */
  marketplacePolicy: DriftPolicy;
  detectedAt: Date;
}

export type SettleOutcome = 'REASSERTING' | 'ADOPTED' | 'SKIPPED';

/**
 * Records what the audit found and applies the policy, in one transaction. Skipped when the listing
 * moved on meanwhile (a change of the product, a sync job queued or running, another status): that
 * work writes the hub's version anyway, and the next audit looks again. Duplicates are recorded
 * here and delisted by the auditor (a marketplace call), whatever the policy.
 *
 * REASSERT: the listing shows DRIFTED and a sync job writes the hub's version back (the versions the
 * marketplace is taken to hold are reset, so the engine sends price/stock or the whole content and
 * lists it again). ADOPT: the product takes the marketplace's price, stock and name (a new version
 * every other marketplace follows) and a deactivated listing is taken as the producer delisting it.
 */
export async function settleDrift(em: EntityManager, drift: DriftToSettle): Promise<{ outcome: SettleOutcome; duplicates: ListingDrift[]; policy: DriftPolicy }> {
  return em.transactional(async (tx) => {
    const listing = await tx.findOne(Listing, drift.listingId);
    const product = listing ? await tx.findOne(Product, listing.productId) : null;
    if (!listing || !product || product.version !== drift.productVersion) return { outcome: 'SKIPPED' as const, duplicates: [], policy: drift.marketplacePolicy };
    if (listing.status !== ListingStatus.PUBLISHED || listing.intent !== ListingIntent.PUBLISHED || listing.syncedVersion < product.version) return { outcome: 'SKIPPED' as const, duplicates: [], policy: drift.marketplacePolicy };
    const busy = await tx.count(SyncJob, { listingId: listing.id, status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } });
    if (busy > 0) return { outcome: 'SKIPPED' as const, duplicates: [], policy: drift.marketplacePolicy };

    // Only the latest finding is kept (the log holds the history), so the table stays small.
    await tx.nativeDelete(ListingDrift, { listingId: listing.id, detectedAt: { $lt: drift.detectedAt } });
    const policy = listing.driftPolicy ?? drift.marketplacePolicy;
    const adopt = policy === DriftPolicy.ADOPT;
    const rows = drift.differences.map((d) =>
      tx.create(ListingDrift, {
        listingId: listing.id,
        field: d.field,
        hubValue: d.hubValue,
        marketplaceValue: d.marketplaceValue,
        detectedAt: drift.detectedAt,
        resolution: adopt && d.field !== DriftField.DUPLICATE ? DriftResolution.ADOPTED : null,
        resolvedAt: adopt && d.field !== DriftField.DUPLICATE ? drift.detectedAt : null,
      }),
    );
    tx.persist(rows);
    const fields = new Set(drift.differences.map((d) => d.field));
    const valueOf = (field: DriftField) => drift.differences.find((d) => d.field === field)?.marketplaceValue;
    const now = new Date();

    if (adopt) {
      if (fields.has(DriftField.STATUS)) {
        // Deactivated (or removed) in the seller centre: taken as the producer taking it off.
        listing.intent = ListingIntent.DELISTED;
        listing.status = ListingStatus.DELISTED;
        listing.remoteStatus = valueOf(DriftField.STATUS) === 'MISSING' ? null : 'DELISTED';
        if (valueOf(DriftField.STATUS) === 'MISSING') listing.externalId = null;
      }
      const price = valueOf(DriftField.PRICE);
      const stock = valueOf(DriftField.STOCK);
      const name = valueOf(DriftField.NAME);
      if (price !== undefined || stock !== undefined || name !== undefined) {
        if (price !== undefined) product.priceVnd = Number(price);
        if (stock !== undefined) product.stock = Number(stock);
        if (name !== undefined) {
          product.name = name.normalize('NFC');
          product.nameSearch = foldForSearch(product.name);
          product.contentVersion += 1;
        }
        product.version += 1;
        product.updatedAt = now;
        // This marketplace holds the new version already; the others get it through their jobs.
        listing.syncedVersion = product.version;
        listing.sentVersion = product.version;
        if (name !== undefined) listing.syncedContentVersion = listing.sentContentVersion = product.contentVersion;
        await queueProductChange(tx, product, 'UPDATE');
      }
      listing.updatedAt = now;
      return { outcome: 'ADOPTED' as const, duplicates: rows.filter((r) => r.field === DriftField.DUPLICATE), policy };
    }

    const rewrite = fields.has(DriftField.PRICE) || fields.has(DriftField.STOCK) || fields.has(DriftField.NAME) || fields.has(DriftField.STATUS);
    if (rewrite) {
      listing.status = ListingStatus.DRIFTED;
      if (fields.has(DriftField.PRICE) || fields.has(DriftField.STOCK)) listing.syncedVersion = 0;
      if (fields.has(DriftField.NAME) || fields.has(DriftField.STATUS)) listing.syncedContentVersion = 0;
      if (valueOf(DriftField.STATUS) === 'DELISTED') listing.remoteStatus = 'DELISTED';
      listing.updatedAt = now;
      await enqueueListingSync(tx, listing, product.version, 'DRIFT');
    }
    return { outcome: 'REASSERTING' as const, duplicates: rows.filter((r) => r.field === DriftField.DUPLICATE), policy };
  });
}

/** The hub's version is back at the marketplace (the listing PUBLISHED, nothing refused): its open differences are settled as REASSERTED. */
export async function resolveReassertedDrift(em: EntityManager, listingId: string, at = new Date()): Promise<number> {
  const listing = await em.findOne(Listing, listingId);
  if (!listing || listing.status !== ListingStatus.PUBLISHED || listing.rejectionReason) return 0;
  return em.nativeUpdate(ListingDrift, { listingId, resolvedAt: null, field: { $ne: DriftField.DUPLICATE } }, { resolution: DriftResolution.REASSERTED, resolvedAt: at });
}
