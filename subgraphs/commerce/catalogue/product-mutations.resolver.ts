import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { delistListings, listingsOf, publishListings, retryListingSync } from '../listings/listing.command.js';
import { toListingNode } from '../listings/listing-mapper.js';
import { requireProducerMember } from './catalogue-access.rules.js';
import { toProductNode } from './catalogue-mappers.js';
import { MARKETPLACES, type Marketplace } from './marketplace.js';
import { Producer } from './producer.entity.js';
import { createProduct, loadProductForUpdate, updateProduct } from './product.command.js';
import {
  CreateProductInput,
  CreateProductPayload,
  DelistProductInput,
  DelistProductPayload,
  PublishProductInput,
  PublishProductPayload,
  RetryListingInput,
  RetryListingPayload,
  UpdateProductInput,
  UpdateProductPayload,
  type ProductPayload,
} from './product.inputs.js';
import type { Product } from './product.entity.js';
import type { EntityManager } from '@mikro-orm/core';

function productPayload<T extends ProductPayload>(type: new () => T, product: Product): T {
  return Object.assign(new type(), { product: toProductNode(product) });
}

/** Loads the product for a change and checks the caller may make it. A missing product is BAD_USER_INPUT on the id. */
async function productToChange(em: EntityManager, context: SubgraphContext, productId: string): Promise<Product> {
  const product = await loadProductForUpdate(em, productId);
  if (!product) throw invalidInput(`No product has id "${productId}": check the id.`, 'input.productId');
  requireProducerMember(context, product.producerId);
  return product;
}

function checkMarketplaces(values: Marketplace[]): Marketplace[] {
  const unique = [...new Set(values)];
  if (!unique.length) throw invalidInput(`Name at least one marketplace: ${MARKETPLACES.join(', ')}.`, 'input.marketplaces');
  return unique;
}

/** Mutations for a producer's members: each is one transaction, the change and its sync work together (the outbox). */
@Resolver()
export class ProductMutationResolver {
  @Mutation(() => CreateProductPayload, { description: 'Adds a product to a producer\'s catalogue, with DRAFT listings at the marketplaces it sells on.' })
  async createProduct(@Arg('input', () => CreateProductInput, { description: 'The product.' }) input: CreateProductInput, @Ctx() context: SubgraphContext): Promise<CreateProductPayload> {
    requireProducerMember(context, input.producerId);
    return context.em.transactional(async (em) => {
      const producer = await em.findOne(Producer, { id: input.producerId });
      if (!producer) throw invalidInput(`No producer has id "${input.producerId}": check the id.`, 'input.producerId');
      return productPayload(CreateProductPayload, await createProduct(em, producer, input));
    });
  }

  @Mutation(() => UpdateProductPayload, { description: 'Changes a product; every live listing is queued to follow (newer changes supersede queued older ones).' })
  async updateProduct(@Arg('input', () => UpdateProductInput, { description: 'The changes.' }) input: UpdateProductInput, @Ctx() context: SubgraphContext): Promise<UpdateProductPayload> {
    return context.em.transactional(async (em) => productPayload(UpdateProductPayload, await updateProduct(em, await productToChange(em, context, input.productId), input)));
  }

  @Mutation(() => PublishProductPayload, {
    description: 'Publishes a product on the chosen marketplaces (postmart moderates new listings: PENDING_REVIEW, then PUBLISHED or REJECTED).',
  })
  async publishProduct(
    @Arg('input', () => PublishProductInput, { description: 'The product and the marketplaces.' }) input: PublishProductInput,
    @Ctx() context: SubgraphContext,
  ): Promise<PublishProductPayload> {
    const marketplaces = checkMarketplaces(input.marketplaces);
    return context.em.transactional(async (em) => {
      const product = await productToChange(em, context, input.productId);
      const producer = await em.findOneOrFail(Producer, { id: product.producerId });
      const selling = new Set([...producer.marketplaces, ...marketplaces]);
      producer.marketplaces = MARKETPLACES.filter((m) => selling.has(m));
      await publishListings(em, product, marketplaces);
      return productPayload(PublishProductPayload, product);
    });
  }

  @Mutation(() => DelistProductPayload, { description: 'Takes a product off the chosen marketplaces.' })
  async delistProduct(
    @Arg('input', () => DelistProductInput, { description: 'The product and the marketplaces.' }) input: DelistProductInput,
    @Ctx() context: SubgraphContext,
  ): Promise<DelistProductPayload> {
    const marketplaces = checkMarketplaces(input.marketplaces);
    return context.em.transactional(async (em) => {
      const product = await productToChange(em, context, input.productId);
      await delistListings(em, product, marketplaces);
      return productPayload(DelistProductPayload, product);
    });
  }

  @Mutation(() => RetryListingPayload, { description: 'Queues a FAILED (or REJECTED) listing again with a fresh attempt budget.' })
  async retryListing(@Arg('input', () => RetryListingInput, { description: 'The listing.' }) input: RetryListingInput, @Ctx() context: SubgraphContext): Promise<RetryListingPayload> {
    return context.em.transactional(async (em) => {
      const product = await productToChange(em, context, input.productId);
      const listing = (await listingsOf(em, product.id)).find((l) => l.marketplace === input.marketplace);
      if (!listing) throw invalidInput(`The product has no listing on ${input.marketplace}: publish it there first.`, 'input.marketplace');
      await retryListingSync(em, product, listing);
      return Object.assign(new RetryListingPayload(), { product: toProductNode(product), listing: toListingNode(listing, product, true) });
    });
  }
}
