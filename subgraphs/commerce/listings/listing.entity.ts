import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { RemoteListingStatus } from '../../../connectors/marketplace/contract.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import { DriftPolicy } from '../drift/drift-kinds.js';
import { ListingIntent, ListingStatus } from './listing-status.js';

/** One product at one marketplace: what the hub wants there and what the marketplace holds. */
@Entity({ tableName: 'listing' })
@Unique({ properties: ['productId', 'marketplace'] })
@Index({ properties: ['marketplace', 'status'] })
export class Listing {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  productId!: string;

  /** A code of the connector registry; checked there, not by the database, so a new marketplace needs no migration. */
  @Property({ type: 'string', length: 20 })
  marketplace!: Marketplace;

  @Enum({ items: () => ListingStatus, type: 'string' })
  status: ListingStatus = ListingStatus.DRAFT;

  @Enum({ items: () => ListingIntent, type: 'string' })
  intent: ListingIntent = ListingIntent.PUBLISHED;

  /** The marketplace's id, stored the moment a create (or a look-up by seller SKU) returns it. */
  @Property({ type: 'string', length: 100, nullable: true })
  externalId?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  externalUrl?: string | null;

  /** The status the marketplace last reported (null: it has not reported one). The engine decides from this, not from `status`. */
  @Property({ type: 'string', length: 20, nullable: true })
  remoteStatus?: RemoteListingStatus | null;

  /** Set before a create is sent: if its response is lost, the next attempt looks the SKU up first. */
  @Property({ type: 'datetime', nullable: true })
  createSentAt?: Date | null;

  /** Product.version and contentVersion of the last write sent (a create whose response may be lost). */
  @Property({ type: 'integer' })
  sentVersion: number = 0;

  @Property({ type: 'integer' })
  sentContentVersion: number = 0;

  /** Product.version the marketplace holds (0: none). */
  @Property({ type: 'integer' })
  syncedVersion: number = 0;

  /** Product.contentVersion the marketplace holds (0: none). */
  @Property({ type: 'integer' })
  syncedContentVersion: number = 0;

  @Property({ type: 'string', length: 1000, nullable: true })
  rejectionReason?: string | null;

  /** Extra copies of this listing found at the marketplace (a create that landed after it was given up for lost) and delisted. */
  @Property({ type: 'integer' })
  duplicatesDelisted: number = 0;

  @Property({ type: 'string', length: 1000, nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', nullable: true })
  lastSyncedAt?: Date | null;

  /** Failed calls to the marketplace since its last success (0 after one). */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** When the engine last called the marketplace about this listing. */
  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt?: Date | null;

  /** When the engine will try again (a backoff, a review poll, a create being waited for, the slow retry of a FAILED listing); null: nothing planned. */
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null;

  /** When the drift audit last re-read the listing at its marketplace (null: never); the least recent goes first. */
  @Property({ type: 'datetime', nullable: true })
  lastAuditedAt?: Date | null;

  /** This listing's own drift policy; null: the marketplace's (drift/drift-settings.ts). Read when a drift is settled. */
  @Enum({ items: () => DriftPolicy, type: 'string', nullable: true })
  driftPolicy?: DriftPolicy | null;

  /** Set by a marketplace's event push naming the listing: audit it now (drift/marketplace-webhook.routes.ts). */
  @Property({ type: 'datetime', nullable: true })
  auditRequestedAt?: Date | null;
  /** Images uploaded to this listing's shop: SHA-256 of the hub's image → the marketplace's URL (each uploaded once). */
  @Property({ type: 'json' })
  mediaUrls: Record<string, string> = {};

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
