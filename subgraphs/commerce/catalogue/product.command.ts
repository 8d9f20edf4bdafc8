import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../../core/db/raw-sql.js';
import { conflict } from '../../../core/domain-errors.js';
import { foldForSearch } from '../../../core/text.js';
import { ensureDraftListings, liveMarketplacesOf, queueProductChange } from '../listings/listing.command.js';
import { checkMarketplaceLimits } from '../listings/marketplace-limits.rules.js';
import type { Producer } from './producer.entity.js';
import { Product } from './product.entity.js';
import type { CreateProductInput, UpdateProductInput } from './product.inputs.js';
import {
  checkAttributes,
  checkCategory,
  checkDescription,
  checkImages,
  checkName,
  checkNetWeight,
  checkOcopStars,
  checkPackage,
  checkPrice,
  checkStock,
  checkUnit,
  checkVietGap,
} from './product.rules.js';

/** Loads a product for a change; on PostgreSQL the row stays locked until the transaction ends, so concurrent changes queue. */
export async function loadProductForUpdate(em: EntityManager, id: string): Promise<Product | null> {
  return em.findOne(Product, { id }, isPostgres(em) ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
}

/** The seller SKU the hub uses at every marketplace for this product. */
export function sellerSkuFor(productId: string): string {
  return `HUB-${productId.replace(/-/g, '').toUpperCase()}`;
}

/** A new product with DRAFT listings at the producer's marketplaces. Validates everything first. */
export async function createProduct(em: EntityManager, producer: Producer, input: CreateProductInput, id: string = randomUUID()): Promise<Product> {
  const name = checkName(input.name, 'input.name');
  const fields = {
    description: checkDescription(input.description ?? '', 'input.description'),
    category: checkCategory(input.category, 'input.category'),
    unit: checkUnit(input.unit, 'input.unit'),
    netWeightGrams: input.netWeightGrams == null ? null : checkNetWeight(input.netWeightGrams, 'input.netWeightGrams'),
    priceVnd: checkPrice(input.priceVnd, 'input.priceVnd'),
    stock: checkStock(input.stock, 'input.stock'),
    images: checkImages(input.images ?? [], 'input.images'),
    vietGap: input.vietGap ? checkVietGap(input.vietGap, 'input.vietGap') : null,
    ocopStars: input.ocopStars == null ? null : checkOcopStars(input.ocopStars, 'input.ocopStars'),
    attributes: checkAttributes(input.attributes ?? [], 'input.attributes'),
    package: input.package ? checkPackage(input.package, 'input.package') : null,
  };
  const now = new Date();
  const product = em.create(Product, {
    id,
    producerId: producer.id,
    communeId: producer.communeId,
    sellerSku: sellerSkuFor(id),
    name,
    nameSearch: foldForSearch(name),
    description: fields.description,
    category: fields.category,
    unit: fields.unit,
    netWeightGrams: fields.netWeightGrams,
    priceVnd: fields.priceVnd,
    stock: fields.stock,
    images: fields.images,
    vietgapNumber: fields.vietGap?.number ?? null,
    vietgapExpiresOn: fields.vietGap?.expiresOn ?? null,
    ocopStars: fields.ocopStars,
    attributes: fields.attributes,
    ...fields.package,
    version: 1,
    contentVersion: 1,
    createdAt: now,
    updatedAt: now,
  });
  em.persist(product);
  await ensureDraftListings(em, product, producer.marketplaces);
  return product;
}

type Changes = Partial<
  Pick<
    Product,
    | 'name' | 'nameSearch' | 'description' | 'category' | 'unit' | 'netWeightGrams' | 'images' | 'vietgapNumber' | 'vietgapExpiresOn' | 'ocopStars' | 'priceVnd' | 'stock'
    | 'attributes' | 'packageWeightGrams' | 'packageLengthCm' | 'packageWidthCm' | 'packageHeightCm'
  >
>;

const PRICE_AND_STOCK: ReadonlySet<string> = new Set(['priceVnd', 'stock']);

/**
 * Applies the changes that differ from the product, bumps `version` (and `contentVersion` when more
 * than price and stock changed) and queues the sync of every live listing, in the caller's transaction.
 */
export async function updateProduct(em: EntityManager, product: Product, input: UpdateProductInput): Promise<Product> {
  if (input.expectedVersion != null && input.expectedVersion !== product.version) {
    throw conflict(`The product changed since version ${input.expectedVersion} (it is at version ${product.version}): reload it and apply your change again.`, {
      currentVersion: product.version,
    });
  }
  const changes: Changes = {};
  if (input.name != null) {
    changes.name = checkName(input.name, 'input.name');
    changes.nameSearch = foldForSearch(changes.name);
  }
  if (input.description != null) changes.description = checkDescription(input.description, 'input.description');
  if (input.category != null) changes.category = checkCategory(input.category, 'input.category');
  if (input.unit != null) changes.unit = checkUnit(input.unit, 'input.unit');
  if (input.clearNetWeight) changes.netWeightGrams = null;
  else if (input.netWeightGrams != null) changes.netWeightGrams = checkNetWeight(input.netWeightGrams, 'input.netWeightGrams');
  if (input.priceVnd != null) changes.priceVnd = checkPrice(input.priceVnd, 'input.priceVnd');
  if (input.stock != null) changes.stock = checkStock(input.stock, 'input.stock');
  if (input.images != null) changes.images = checkImages(input.images, 'input.images');
  if (input.clearVietGap) {
    changes.vietgapNumber = null;
    changes.vietgapExpiresOn = null;
  } else if (input.vietGap) {
    const v = checkVietGap(input.vietGap, 'input.vietGap');
    changes.vietgapNumber = v.number;
    changes.vietgapExpiresOn = v.expiresOn;
  }
  if (input.ocopStars != null) {
    const stars = checkOcopStars(input.ocopStars, 'input.ocopStars', true);
    changes.ocopStars = stars === 0 ? null : stars;
  }
  if (input.attributes != null) changes.attributes = checkAttributes(input.attributes, 'input.attributes');
  if (input.package) Object.assign(changes, checkPackage(input.package, 'input.package'));
  const changed = (Object.keys(changes) as (keyof Changes)[]).filter((k) => JSON.stringify(changes[k] ?? null) !== JSON.stringify(product[k] ?? null));
  if (!changed.length) return product;
  // What the product would become must suit every marketplace it is published on, before anything is written.
  const after = { ...product, ...Object.fromEntries(changed.map((k) => [k, changes[k]])) } as Product;
  checkMarketplaceLimits(after, await liveMarketplacesOf(em, product.id), (field) => `input.${field}`);
  Object.assign(product, Object.fromEntries(changed.map((k) => [k, changes[k]])));
  product.version += 1;
  if (changed.some((k) => !PRICE_AND_STOCK.has(k))) product.contentVersion += 1;
  product.updatedAt = new Date();
  await queueProductChange(em, product, 'UPDATE');
  return product;
}
