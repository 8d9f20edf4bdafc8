import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Marketplace } from '../catalogue/marketplace.js';

export enum ShopConnectionStatus {
  /** An authorisation was started; the marketplace has not sent the seller back yet. */
  PENDING = 'PENDING',
  /** The hub acts for the shop. */
  CONNECTED = 'CONNECTED',
  /** The refresh token ran out (voso: 30 days without use): the shop must authorise again. */
  EXPIRED = 'EXPIRED',
  /** The marketplace refused the shop's credentials (the seller withdrew the hub's access): the shop must authorise again. */
  REVOKED = 'REVOKED',
}

/**
 * A producer's own shop at one marketplace and the hub's authorisation to act for it. Tokens are
 * sealed (AES-256-GCM, core/crypto/secret-box.ts, key COMMERCE_TOKEN_KEY): the database never holds
 * one in clear.
 */
@Entity({ tableName: 'shop_connection' })
@Unique({ properties: ['producerId', 'marketplace'] })
@Index({ properties: ['authStateHash'] })
export class ShopConnection {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  producerId!: string;

  @Property({ type: 'string', length: 20 })
  marketplace!: Marketplace;

  @Enum({ items: () => ShopConnectionStatus, type: 'string' })
  status: ShopConnectionStatus = ShopConnectionStatus.PENDING;

  /** The marketplace's shop id (null until the first authorisation completes). */
  @Property({ type: 'string', length: 100, nullable: true })
  shopId?: string | null;

  @Property({ type: 'text', nullable: true })
  accessTokenSealed?: string | null;

  @Property({ type: 'text', nullable: true })
  refreshTokenSealed?: string | null;

  @Property({ type: 'datetime', nullable: true })
  accessExpiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  refreshExpiresAt?: Date | null;

  /** Bumped on every token change: a worker holding older tokens knows another has refreshed. */
  @Property({ type: 'integer' })
  generation: number = 0;

  /** SHA-256 (hex) of the `state` of an authorisation in progress; the state itself is never stored. */
  @Property({ type: 'string', length: 64, nullable: true })
  authStateHash?: string | null;

  @Property({ type: 'datetime', nullable: true })
  authStateExpiresAt?: Date | null;

  /** Why the connection is not CONNECTED, or the last refresh failure; no token or personal data in it. */
  @Property({ type: 'string', length: 1000, nullable: true })
  lastError?: string | null;

  /** Where the shop's order feed was read up to (the marketplace's opaque cursor); reset when the connection moves to another shop. */
  @Property({ type: 'string', length: 500, nullable: true })
  orderCursor?: string | null;

  @Property({ type: 'datetime', nullable: true })
  connectedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  lastRefreshedAt?: Date | null;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
