import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PackageNode, ProductAttributeNode } from './product-content.type.js';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateScalar, VndScalar } from '../../../core/graphql/scalars.js';

export enum CertificationKind {
  VIETGAP = 'VIETGAP',
  OCOP = 'OCOP',
}

registerEnumType(CertificationKind, {
  name: 'CertificationKind',
  description: 'VIETGAP (good agricultural practice certificate, valid at most 2 years) or OCOP (One Commune One Product, rated 1–5 stars).',
});

@ObjectType({ description: 'A certification of a product: VietGAP with its number and expiry, or an OCOP star rating.' })
export class Certification {
  @Field(() => CertificationKind, { description: 'Which scheme.' })
  kind!: CertificationKind;

  @Field(() => String, { nullable: true, description: 'VietGAP certificate number; null for OCOP.' })
  number!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the VietGAP certificate is valid; null for OCOP.' })
  expiresOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'OCOP rating, 1–5 stars (5★ = 90–100 points, 4★ = 70–89, 3★ = 50–69); null for VietGAP.' })
  stars!: number | null;
}

@ObjectType('Product', { description: 'A product in the hub\'s catalogue, listed on marketplaces by the sync engine.' })
export class ProductNode {
  @Field(() => ID, { description: 'Stable id of the product.' })
  id!: string;

  @Field(() => String, { description: 'The seller SKU the hub gives this product at every marketplace (HUB- and the id): how a listing is found there.' })
  sellerSku!: string;

  @Field(() => String, { description: 'Vietnamese name, NFC-normalised, e.g. "Bí xanh". Search ignores diacritics and case.' })
  name!: string;

  @Field(() => String, { description: 'Description shown on the marketplaces.' })
  description!: string;

  @Field(() => String, { description: 'Hub category: vegetables, leafy vegetables, tubers, fruit, eggs, tea, rice, honey, dried goods, meat.' })
  category!: string;

  @Field(() => String, { description: 'Selling unit: "kg", "quả", "hộp", "chục", ... (kept apart from the weight).' })
  unit!: string;

  @Field(() => Int, { nullable: true, description: 'Net weight of one selling unit in grams; null when it varies (a fruit sold per piece).' })
  netWeightGrams!: number | null;

  @Field(() => VndScalar, { description: 'Price of one selling unit in đồng.' })
  priceVnd!: number;

  @Field(() => Int, { description: 'Units in stock; orders pulled from the marketplaces take from it.' })
  stock!: number;

  @Field(() => [String], { description: 'Image URLs, first is the main image.' })
  images!: string[];

  @Field(() => [ProductAttributeNode], { description: 'Category attributes, by name.' })
  attributes!: ProductAttributeNode[];

  @Field(() => PackageNode, { nullable: true, description: 'Shipping package of one selling unit; null when not given.' })
  package!: PackageNode | null;

  @Field(() => [Certification], { description: 'VietGAP and OCOP certifications.' })
  certifications!: Certification[];

  @Field(() => Int, { description: 'Goes up by one on every change; a listing is in sync when the marketplace holds this version.' })
  version!: number;

  @Field(() => Date, { description: 'When the product last changed.' })
  updatedAt!: Date;

  /** Internal: resolved by field resolvers. */
  producerId!: string;
  communeId!: string;
}

export const { ConnectionType: ProductConnection } = connectionTypes(ProductNode, 'Product', 'product');
