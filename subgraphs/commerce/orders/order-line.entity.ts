import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One line of a pulled order. */
@Entity({ tableName: 'marketplace_order_line' })
@Index({ properties: ['productId'] })
export class MarketplaceOrderLine {
  @PrimaryKey({ type: 'string', length: 40 })
  orderId!: string;

  @PrimaryKey({ type: 'integer' })
  lineNo!: number;

  @Property({ type: 'string', length: 64 })
  sellerSku!: string;

  /** Null when the SKU is not (or no longer) in the catalogue. */
  @Property({ type: 'string', length: 40, nullable: true })
  productId?: string | null;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: new BigIntType('number') })
  unitPriceVnd!: number;
}
