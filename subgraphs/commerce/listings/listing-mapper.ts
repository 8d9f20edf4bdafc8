import type { Product } from '../catalogue/product.entity.js';
import type { Listing } from './listing.entity.js';
import { driftPolicySettingOf } from '../drift/drift.rules.js';
import { isInSync } from './listing-state.rules.js';
import { ListingNode } from './listing.type.js';

/** The sync error is kept aside: `Listing.lastError` shows it by its rule (listing-error.resolver.ts). */
export function toListingNode(listing: Listing, product: Pick<Product, 'version' | 'producerId'>): ListingNode {
  return Object.assign(new ListingNode(), {
    id: listing.id,
    marketplace: listing.marketplace,
    status: listing.status,
    wantedState: listing.intent,
    attempts: listing.attempts,
    lastAttemptAt: listing.lastAttemptAt ?? null,
    nextAttemptAt: listing.nextAttemptAt ?? null,
    externalId: listing.externalId ?? null,
    externalUrl: listing.externalUrl ?? null,
    inSync: isInSync(listing, product),
    rejectionReason: listing.rejectionReason ?? null,
    syncError: listing.lastError ?? null,
    duplicatesDelisted: listing.duplicatesDelisted,
    lastSyncedAt: listing.lastSyncedAt ?? null,
    driftPolicySetting: driftPolicySettingOf(listing.driftPolicy),
    producerId: product.producerId,
  });
}
