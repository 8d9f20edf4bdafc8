import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, VndScalar } from '../../../core/graphql/scalars.js';
import { Marketplace } from './marketplace.js';
import { ProductNode } from './product.type.js';
import { ListingNode } from '../listings/listing.type.js';
import { PackageInput, ProductAttributeInput } from './product-content.type.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import './marketplace.type.js';

@InputType({ description: 'A VietGAP certificate: its number and the last day it is valid (at most 2 years ahead).' })
export class VietGapInput {
  @Field(() => String, { description: 'Certificate number as printed.' })
  number!: string;

  @Field(() => DateScalar, { description: 'Last day of validity, yyyy-mm-dd.' })
  expiresOn!: string;
}

@InputType({ description: 'A new product of a producer.' })
export class CreateProductInput {
  @Field(() => ID, { description: 'The producer selling it; the caller must be one of its members.' })
  producerId!: string;

  @Field(() => String, { description: 'Vietnamese name, e.g. "Bí xanh"; stored NFC-normalised.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description for the marketplaces; default the name.' })
  description?: string | null;

  @Field(() => String, { description: 'Hub category: vegetables, leafy vegetables, tubers, fruit, eggs, tea, rice, honey, dried goods, meat.' })
  category!: string;

  @Field(() => String, { description: 'Selling unit: "kg", "quả", "hộp", "chục", ...' })
  unit!: string;

  @Field(() => Int, { nullable: true, description: 'Net weight of one selling unit in grams; omit when it varies.' })
  netWeightGrams?: number | null;

  @Field(() => VndScalar, { description: 'Price of one selling unit in đồng (at least 1).' })
  priceVnd!: number;

  @Field(() => Int, { description: 'Units in stock (0 or more).' })
  stock!: number;

  @Field(() => [String], { nullable: true, description: 'Image URLs (http or https), at most 10; the first is the main image.' })
  images?: string[] | null;

  @Field(() => VietGapInput, { nullable: true, description: 'VietGAP certificate, if any.' })
  vietGap?: VietGapInput | null;

  @Field(() => Int, { nullable: true, description: 'OCOP rating, 1–5 stars, if rated.' })
  ocopStars?: number | null;

  @Field(() => [ProductAttributeInput], { nullable: true, description: 'Category attributes (e.g. origin); marketplaces require some per category (BAD_USER_INPUT rule CATEGORY_ATTRIBUTE on publishing without them).' })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => PackageInput, { nullable: true, description: 'Shipping package of one selling unit.' })
  package?: PackageInput | null;
}

@InputType({ description: 'Changes to a product; omitted fields stay as they are. Every marketplace listing follows.' })
export class UpdateProductInput {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => Int, { nullable: true, description: 'The Product.version the change was made from; CONFLICT when the product changed since.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New category.' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'New selling unit.' })
  unit?: string | null;

  @Field(() => Int, { nullable: true, description: 'New net weight in grams.' })
  netWeightGrams?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'True: the net weight varies (clears it).' })
  clearNetWeight?: boolean | null;

  @Field(() => VndScalar, { nullable: true, description: 'New price in đồng.' })
  priceVnd?: number | null;

  @Field(() => Int, { nullable: true, description: 'New stock.' })
  stock?: number | null;

  @Field(() => [String], { nullable: true, description: 'New image URLs (replace the old ones).' })
  images?: string[] | null;

  @Field(() => VietGapInput, { nullable: true, description: 'New VietGAP certificate.' })
  vietGap?: VietGapInput | null;

  @Field(() => Boolean, { nullable: true, description: 'True: remove the VietGAP certificate.' })
  clearVietGap?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'New OCOP rating, 1–5; 0 removes it.' })
  ocopStars?: number | null;

  @Field(() => [ProductAttributeInput], { nullable: true, description: 'New category attributes (replace the old ones; an empty list removes them).' })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => PackageInput, { nullable: true, description: 'New shipping package.' })
  package?: PackageInput | null;
}

@InputType({ description: 'Which product to publish, and on which marketplaces.' })
export class PublishProductInput {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => [Marketplace], { description: 'The marketplaces, at least one.' })
  marketplaces!: Marketplace[];
}

@InputType({ description: 'Which product to take off which marketplaces.' })
export class DelistProductInput {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => [Marketplace], { description: 'The marketplaces, at least one.' })
  marketplaces!: Marketplace[];
}

@InputType({ description: 'A FAILED or REJECTED listing to sync again.' })
export class RetryListingInput {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => Marketplace, { description: 'The marketplace of the listing.' })
  marketplace!: Marketplace;
}

/** What the product mutations return. */
export interface ProductPayload {
  product: ProductNode;
}

@ObjectType({ description: 'The product created, with DRAFT listings at the marketplaces its producer sells on.' })
export class CreateProductPayload implements ProductPayload {
  @Field(() => ProductNode, { description: 'The product as committed.' })
  product!: ProductNode;
}

@ObjectType({ description: 'The product after the change; its listings show the sync work queued.' })
export class UpdateProductPayload implements ProductPayload {
  @Field(() => ProductNode, { description: 'The product as committed.' })
  product!: ProductNode;
}

@ObjectType({ description: 'The product with its listings queued for the marketplaces.' })
export class PublishProductPayload implements ProductPayload {
  @Field(() => ProductNode, { description: 'The product as committed.' })
  product!: ProductNode;
}

@ObjectType({ description: 'The product with its listings being taken off the marketplaces.' })
export class DelistProductPayload implements ProductPayload {
  @Field(() => ProductNode, { description: 'The product as committed.' })
  product!: ProductNode;
}

@ObjectType({ description: 'The listing queued again, and its product.' })
export class RetryListingPayload {
  @Field(() => ProductNode, { description: 'The product.' })
  product!: ProductNode;

  @Field(() => ListingNode, { description: 'The listing, now PENDING_SYNC (or still live while an update is queued).' })
  listing!: ListingNode;
}
