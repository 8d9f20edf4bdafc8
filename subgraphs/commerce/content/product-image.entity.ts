import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * An image of a product, stored by the hub (the marketplaces need images uploaded to their own
 * media services, and a producer may have no web host). Type sniffed from the bytes, size-limited.
 */
@Entity({ tableName: 'product_image' })
@Index({ properties: ['productId', 'position'] })
@Unique({ properties: ['productId', 'sha256'] })
export class ProductImage {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  productId!: string;

  /** Order among the product's images (the first is the main image). */
  @Property({ type: 'integer' })
  position!: number;

  /** image/jpeg, image/png or image/webp, from the bytes. */
  @Property({ type: 'string', length: 20 })
  contentType!: string;

  @Property({ type: 'integer' })
  byteSize!: number;

  /** SHA-256 (hex) of the bytes. */
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
