import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from '../../../core/logger.js';
import { Product } from '../catalogue/product.entity.js';
import { Listing } from '../listings/listing.entity.js';
import { ListingIntent, ListingStatus } from '../listings/listing-status.js';
import { enqueueListingSync } from './outbox.js';

/**
 * The slow retry of FAILED listings: a listing the engine gave up on (a marketplace down for an
 * hour, credentials fixed later) is queued again by itself once its `nextAttemptAt` has come, with
 * a fresh attempt budget, so it does not wait for someone to press retryListing. Returns how many
 * were queued.
 */
export async function requeueFailedListings(orm: MikroORM, logger: Logger, now = new Date(), limit = 100): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    const due = await em.find(Listing, { status: ListingStatus.FAILED, nextAttemptAt: { $lte: now } }, { limit, orderBy: { nextAttemptAt: 'asc' } });
    for (const listing of due) {
      const product = await em.findOne(Product, listing.productId);
      if (!product) continue;
      listing.status = listing.intent === ListingIntent.PUBLISHED ? ListingStatus.PENDING_SYNC : listing.status;
      listing.nextAttemptAt = null;
      listing.attempts = 0;
      listing.updatedAt = new Date();
      await enqueueListingSync(em, listing, product.version, 'AUTO_RETRY');
      logger.info({ listingId: listing.id, marketplace: listing.marketplace, lastError: listing.lastError }, 'FAILED listing queued again by its slow retry');
    }
    return due.length;
  });
}
