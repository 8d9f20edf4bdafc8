import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A product in the hub's catalogue. `version` goes up on every change (content, price or stock) and
 * `contentVersion` only when what a marketplace shows besides price and stock changes; listings
 * record which versions the marketplace holds, so the sync engine knows what to send.
 */
@Entity({ tableName: 'product' })
@Index({ properties: ['nameSearch', 'id'] })
@Index({ properties: ['communeId', 'nameSearch', 'id'] })
@Index({ properties: ['producerId'] })
export class Product {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 40 })
  producerId!: string;

  /** Commune.id of the producer, kept here so that commune filters need no join. */
  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** The hub's seller SKU at every marketplace; never changes. */
  @Property({ type: 'string', length: 64, unique: true })
  sellerSku!: string;

  /** NFC. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** foldForSearch(name): "bi xanh" for "Bí xanh". */
  @Property({ type: 'string', length: 200 })
  nameSearch!: string;

  @Property({ type: 'text' })
  description: string = '';

  @Property({ type: 'string', length: 40 })
  category!: string;

  /** Selling unit: "kg", "quả", "hộp", "chục". */
  @Property({ type: 'string', length: 40 })
  unit!: string;

  /** Net weight of one selling unit in grams; null when not fixed (a fruit sold per piece). */
  @Property({ type: 'integer', nullable: true })
  netWeightGrams?: number | null;

  @Property({ type: new BigIntType('number') })
  priceVnd!: number;

  @Property({ type: 'integer' })
  stock!: number;

  @Property({ type: 'json' })
  images: string[] = [];

  /** Category attributes by name (NFC values), e.g. { origin: "Lạng Sơn" }: what marketplaces need for some categories. */
  @Property({ type: 'json' })
  attributes: Record<string, string> = {};

  /** Shipping package of one selling unit: gross weight (g) and size (cm); null when not given. */
  @Property({ type: 'integer', nullable: true })
  packageWeightGrams?: number | null;

  @Property({ type: 'integer', nullable: true })
  packageLengthCm?: number | null;

  @Property({ type: 'integer', nullable: true })
  packageWidthCm?: number | null;

  @Property({ type: 'integer', nullable: true })
  packageHeightCm?: number | null;

  @Property({ type: 'string', length: 60, nullable: true })
  vietgapNumber?: string | null;

  @Property({ type: 'date', nullable: true })
  vietgapExpiresOn?: string | null;

  /** OCOP rating, 1–5 stars. */
  @Property({ type: 'integer', nullable: true })
  ocopStars?: number | null;

  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'integer' })
  contentVersion: number = 1;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
