import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../../core/auth/viewer.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { delistListings, listingsOf, publishListings, retryListingSync } from '../listings/listing.command.js';
import type { Listing } from '../listings/listing.entity.js';
import { requireProducerMember } from './producer-access.query.js';
import { MARKETPLACES, type Marketplace } from './marketplace.js';
import { Producer } from './producer.entity.js';
import { createProduct, loadProductForUpdate, updateProduct } from './product.command.js';
import type { Product } from './product.entity.js';
import type { CreateProductInput, UpdateProductInput } from './product.inputs.js';

/**
 * What a producer's members do to their catalogue, each in one transaction: the change and the sync
 * work it causes commit together (the outbox). Access is checked here, not in the resolvers.
 */

/** The product to change, loaded for update, if the viewer may change it. A missing product is invalid input on its id. */
async function productToChange(em: EntityManager, viewer: Viewer | null, productId: string): Promise<Product> {
  const product = await loadProductForUpdate(em, productId);
  if (!product) throw invalidInput(`No product has id "${productId}": check the id.`, 'input.productId');
  await requireProducerMember(em, viewer, product.producerId);
  return product;
}

function checkMarketplaces(values: readonly Marketplace[]): Marketplace[] {
  const unique = [...new Set(values)];
  if (!unique.length) throw invalidInput(`Name at least one marketplace: ${MARKETPLACES.join(', ')}.`, 'input.marketplaces');
  return unique;
}

export async function addProduct(em: EntityManager, viewer: Viewer | null, input: CreateProductInput): Promise<Product> {
  return em.transactional(async (tx) => {
    await requireProducerMember(tx, viewer, input.producerId);
    const producer = await tx.findOne(Producer, { id: input.producerId });
    if (!producer) throw invalidInput(`No producer has id "${input.producerId}": check the id.`, 'input.producerId');
    return createProduct(tx, producer, input);
  });
}

export async function changeProduct(em: EntityManager, viewer: Viewer | null, input: UpdateProductInput): Promise<Product> {
  return em.transactional(async (tx) => updateProduct(tx, await productToChange(tx, viewer, input.productId), input));
}

/** Publishes on the marketplaces, which the producer then sells on. */
export async function publishProduct(em: EntityManager, viewer: Viewer | null, productId: string, marketplaces: readonly Marketplace[]): Promise<Product> {
  const chosen = checkMarketplaces(marketplaces);
  return em.transactional(async (tx) => {
    const product = await productToChange(tx, viewer, productId);
    const producer = await tx.findOneOrFail(Producer, { id: product.producerId });
    const selling = new Set([...producer.marketplaces, ...chosen]);
    producer.marketplaces = MARKETPLACES.filter((m) => selling.has(m));
    await publishListings(tx, product, chosen);
    return product;
  });
}

export async function delistProduct(em: EntityManager, viewer: Viewer | null, productId: string, marketplaces: readonly Marketplace[]): Promise<Product> {
  const chosen = checkMarketplaces(marketplaces);
  return em.transactional(async (tx) => {
    const product = await productToChange(tx, viewer, productId);
    await delistListings(tx, product, chosen);
    return product;
  });
}

/** Queues a FAILED (or REJECTED) listing again with a fresh attempt budget. */
export async function retryListing(em: EntityManager, viewer: Viewer | null, productId: string, marketplace: Marketplace): Promise<{ product: Product; listing: Listing }> {
  return em.transactional(async (tx) => {
    const product = await productToChange(tx, viewer, productId);
    const listing = (await listingsOf(tx, product.id)).find((l) => l.marketplace === marketplace);
    if (!listing) throw invalidInput(`The product has no listing on ${marketplace}: publish it there first.`, 'input.marketplace');
    await retryListingSync(tx, product, listing);
    return { product, listing };
  });
}
