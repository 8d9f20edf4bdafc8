import { BigIntType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Marketplace } from '../catalogue/marketplace.js';

export enum OrderStatus {
  PLACED = 'PLACED',
  CONFIRMED = 'CONFIRMED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  RETURNED = 'RETURNED',
}

/** An order pulled from a marketplace; deduplicated by (marketplace, externalOrderId). */
@Entity({ tableName: 'marketplace_order' })
@Unique({ properties: ['marketplace', 'externalOrderId'] })
@Index({ properties: ['placedAt', 'id'] })
export class MarketplaceOrder {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  /** A code of the connector registry; checked there, not by the database, so a new marketplace needs no migration. */
  @Property({ type: 'string', length: 20 })
  marketplace!: Marketplace;

  @Property({ type: 'string', length: 100 })
  externalOrderId!: string;

  @Enum({ items: () => OrderStatus, type: 'string' })
  status!: OrderStatus;

  @Property({ type: new BigIntType('number') })
  totalVnd!: number;

  @Property({ type: new BigIntType('number') })
  shippingFeeVnd!: number;

  /** Masked before storing: "N*** V** A*". */
  @Property({ type: 'string', length: 200 })
  buyerNameMasked!: string;

  /** Masked before storing: "*******678". */
  @Property({ type: 'string', length: 30 })
  buyerPhoneMasked!: string;

  @Property({ type: 'datetime' })
  placedAt!: Date;

  /** The marketplace's last change time. */
  @Property({ type: 'datetime' })
  remoteUpdatedAt!: Date;

  /** True while the order's quantities are taken from stock (false once cancelled or returned). */
  @Property({ type: 'boolean' })
  stockTaken: boolean = false;

  @Property({ type: 'datetime' })
  pulledAt: Date = new Date();
}
