import type { Product } from '../catalogue/product.entity.js';
import type { Listing } from './listing.entity.js';
import { ListingIntent, ListingStatus } from './listing-status.js';

/**
 * True when the marketplace holds what the hub wants: the product's latest version on a listing
 * that is published or under review, or a confirmed delisting.
 */
export function isInSync(listing: Listing, product: Pick<Product, 'version'>): boolean {
  if (listing.intent === ListingIntent.DELISTED) return listing.status === ListingStatus.DELISTED;
  const live = listing.status === ListingStatus.PUBLISHED || listing.status === ListingStatus.PENDING_REVIEW;
  return live && listing.syncedVersion >= product.version;
}

/** A listing the marketplace has (or may have, if a create's response was lost). */
export function mayExistRemotely(listing: Listing): boolean {
  return !!listing.externalId || !!listing.createSentAt;
}
