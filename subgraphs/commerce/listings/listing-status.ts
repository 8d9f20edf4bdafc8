
/** Where a product's listing at one marketplace stands. */
export enum ListingStatus {
  /** Known to the hub, never sent. */
  DRAFT = 'DRAFT',
  /** Queued for the marketplace and not there yet. */
  PENDING_SYNC = 'PENDING_SYNC',
  /** The marketplace holds it and moderates it (postmart). */
  PENDING_REVIEW = 'PENDING_REVIEW',
  PUBLISHED = 'PUBLISHED',
  /** The marketplace refused it; `rejectionReason` says why. */
  REJECTED = 'REJECTED',
  DELISTED = 'DELISTED',
  /** The sync gave up after its bounded attempts; `lastError` says why; `retryListing` tries again. */
  FAILED = 'FAILED',
  /**
   * Live at the marketplace, but changed there (price, stock, name, deactivated, a duplicate):
   * `Listing.drift` says what differs; the hub is writing its version back (the default policy).
   */
  DRIFTED = 'DRIFTED',
}

/** Statuses of a listing buyers can order from: what anonymous callers see. */
export const PUBLIC_LISTING_STATUSES: readonly ListingStatus[] = [ListingStatus.PUBLISHED, ListingStatus.DRIFTED];

/** What the producer wants at the marketplace. */
export enum ListingIntent {
  PUBLISHED = 'PUBLISHED',
  DELISTED = 'DELISTED',
}

