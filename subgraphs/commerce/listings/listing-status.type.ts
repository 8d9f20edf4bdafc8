import { registerEnumType } from 'type-graphql';
import { ListingStatus, ListingIntent } from './listing-status.js';

/**
 * The GraphQL names of the enums of listing-status.ts, registered here in the GraphQL layer
 * (imported by every type, input and resolver that uses them) so that the domain module stays free
 * of type-graphql: `hub` commands load entities and rules, never the GraphQL layer.
 */
registerEnumType(ListingStatus, {
  name: 'ListingStatus',
  description:
    'Where a listing stands: DRAFT (never sent), PENDING_SYNC (queued, not at the marketplace yet), PENDING_REVIEW (the marketplace moderates it), ' +
    'PUBLISHED, REJECTED (with the marketplace\'s reason), DELISTED, FAILED (the sync gave up; see lastError, then retryListing), ' +
    'DRIFTED (changed at the marketplace; Listing.drift says what differs, and the hub writes its version back unless the policy adopts the marketplace\'s).',
});
registerEnumType(ListingIntent, {
  name: 'ListingWantedState',
  description: 'What the producer wants at the marketplace: PUBLISHED (listed and kept in sync) or DELISTED (taken off).',
});
