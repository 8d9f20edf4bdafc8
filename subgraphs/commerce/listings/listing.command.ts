import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Marketplace } from '../catalogue/marketplace.js';
import type { Product } from '../catalogue/product.entity.js';
import { enqueueListingSync } from '../sync/outbox.js';
import { Listing } from './listing.entity.js';
import { checkMarketplaceLimits } from './marketplace-limits.rules.js';
import { ListingIntent, ListingStatus } from './listing-status.js';
import { isInSync, mayExistRemotely } from './listing-state.rules.js';

/**
 * What a change in the catalogue does to listings. Each function runs inside the caller's
 * transaction and queues the sync work in it (the outbox), so the change and its work commit together.
 */

/** The product's listings, one per marketplace, in marketplace order. */
export async function listingsOf(em: EntityManager, productId: string): Promise<Listing[]> {
  return em.find(Listing, { productId }, { orderBy: { marketplace: 'asc' } });
}

/** Creates DRAFT listings for marketplaces that have none (a new product of a producer selling there). */
export async function ensureDraftListings(em: EntityManager, product: Product, marketplaces: readonly Marketplace[]): Promise<Listing[]> {
  const existing = await listingsOf(em, product.id);
  const created = marketplaces
    .filter((m) => !existing.some((l) => l.marketplace === m))
    .map((marketplace) =>
      em.create(Listing, {
        id: randomUUID(),
        productId: product.id,
        marketplace,
        status: ListingStatus.DRAFT,
        intent: ListingIntent.PUBLISHED,
        sentVersion: 0,
        sentContentVersion: 0,
        syncedVersion: 0,
        syncedContentVersion: 0,
        duplicatesDelisted: 0,
        attempts: 0,
        updatedAt: new Date(),
      }),
    );
  em.persist(created);
  return [...existing, ...created];
}

/** Publish (or publish again) at each marketplace; a listing already published and in sync is left alone. */
export async function publishListings(em: EntityManager, product: Product, marketplaces: readonly Marketplace[]): Promise<Listing[]> {
  checkMarketplaceLimits(product, marketplaces, () => 'input.marketplaces');
  const listings = await ensureDraftListings(em, product, marketplaces);
  for (const listing of listings.filter((l) => marketplaces.includes(l.marketplace))) {
    const wasDelisting = listing.intent === ListingIntent.DELISTED;
    listing.intent = ListingIntent.PUBLISHED;
    if (!wasDelisting && listing.status !== ListingStatus.DRAFT && isInSync(listing, product)) continue;
    if (!listing.externalId || listing.status !== ListingStatus.PUBLISHED) listing.status = ListingStatus.PENDING_SYNC;
    listing.lastError = null;
    listing.updatedAt = new Date();
    await enqueueListingSync(em, listing, product.version, 'PUBLISH');
  }
  return listings;
}

/** Take the product off each marketplace; a listing never sent is delisted at once. */
export async function delistListings(em: EntityManager, product: Product, marketplaces: readonly Marketplace[]): Promise<Listing[]> {
  const listings = await listingsOf(em, product.id);
  for (const listing of listings.filter((l) => marketplaces.includes(l.marketplace))) {
    if (listing.intent === ListingIntent.DELISTED) continue;
    listing.intent = ListingIntent.DELISTED;
    listing.updatedAt = new Date();
    if (!mayExistRemotely(listing)) {
      listing.status = ListingStatus.DELISTED;
      continue;
    }
    await enqueueListingSync(em, listing, product.version, 'DELIST');
  }
  return listings;
}

/** The marketplaces where the product is (being) published: a change to it must suit them. */
export async function liveMarketplacesOf(em: EntityManager, productId: string): Promise<Marketplace[]> {
  return (await listingsOf(em, productId)).filter((l) => l.intent === ListingIntent.PUBLISHED && l.status !== ListingStatus.DRAFT && l.status !== ListingStatus.DELISTED).map((l) => l.marketplace);
}

/** After a change to the product: every listing meant to be published gets the new version. */
export async function queueProductChange(em: EntityManager, product: Product, reason: 'UPDATE' | 'ORDER'): Promise<void> {
  const listings = await listingsOf(em, product.id);
  for (const listing of listings) {
    if (listing.intent !== ListingIntent.PUBLISHED || listing.status === ListingStatus.DRAFT || listing.status === ListingStatus.DELISTED) continue;
    if (listing.status === ListingStatus.FAILED || (listing.status === ListingStatus.REJECTED && !listing.externalId)) {
      listing.status = ListingStatus.PENDING_SYNC;
    }
    listing.updatedAt = new Date();
    await enqueueListingSync(em, listing, product.version, reason);
  }
}

/** Queue a FAILED (or REJECTED) listing again, with a fresh attempt budget. */
export async function retryListingSync(em: EntityManager, product: Product, listing: Listing): Promise<void> {
  if (listing.intent === ListingIntent.PUBLISHED && (listing.status === ListingStatus.FAILED || listing.status === ListingStatus.REJECTED)) {
    listing.status = ListingStatus.PENDING_SYNC;
  }
  listing.lastError = null;
  listing.updatedAt = new Date();
  await enqueueListingSync(em, listing, product.version, 'RETRY');
}
