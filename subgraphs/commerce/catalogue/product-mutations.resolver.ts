import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { toListingNode } from '../listings/listing-mapper.js';
import { toProductNode } from './catalogue-mappers.js';
import { addProduct, changeProduct, delistProduct, publishProduct, retryListing } from './catalogue.command.js';
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

function productPayload<T extends ProductPayload>(type: new () => T, product: Product): T {
  return Object.assign(new type(), { product: toProductNode(product) });
}

/** Mutations for a producer's members: each is one transaction, the change and its sync work together (the outbox). */
@Resolver()
export class ProductMutationResolver {
  @Mutation(() => CreateProductPayload, { description: 'Adds a product to a producer\'s catalogue, with DRAFT listings at the marketplaces it sells on.' })
  async createProduct(@Arg('input', () => CreateProductInput, { description: 'The product.' }) input: CreateProductInput, @Ctx() context: SubgraphContext): Promise<CreateProductPayload> {
    return productPayload(CreateProductPayload, await addProduct(context.em, context.viewer, input));
  }

  @Mutation(() => UpdateProductPayload, { description: 'Changes a product; every live listing is queued to follow (newer changes supersede queued older ones).' })
  async updateProduct(@Arg('input', () => UpdateProductInput, { description: 'The changes.' }) input: UpdateProductInput, @Ctx() context: SubgraphContext): Promise<UpdateProductPayload> {
    return productPayload(UpdateProductPayload, await changeProduct(context.em, context.viewer, input));
  }

  @Mutation(() => PublishProductPayload, {
    description: 'Publishes a product on the chosen marketplaces (postmart moderates new listings: PENDING_REVIEW, then PUBLISHED or REJECTED).',
  })
  async publishProduct(
    @Arg('input', () => PublishProductInput, { description: 'The product and the marketplaces.' }) input: PublishProductInput,
    @Ctx() context: SubgraphContext,
  ): Promise<PublishProductPayload> {
    return productPayload(PublishProductPayload, await publishProduct(context.em, context.viewer, input.productId, input.marketplaces));
  }

  @Mutation(() => DelistProductPayload, { description: 'Takes a product off the chosen marketplaces.' })
  async delistProduct(
    @Arg('input', () => DelistProductInput, { description: 'The product and the marketplaces.' }) input: DelistProductInput,
    @Ctx() context: SubgraphContext,
  ): Promise<DelistProductPayload> {
    return productPayload(DelistProductPayload, await delistProduct(context.em, context.viewer, input.productId, input.marketplaces));
  }

  @Mutation(() => RetryListingPayload, { description: 'Queues a FAILED (or REJECTED) listing again with a fresh attempt budget.' })
  async retryListing(@Arg('input', () => RetryListingInput, { description: 'The listing.' }) input: RetryListingInput, @Ctx() context: SubgraphContext): Promise<RetryListingPayload> {
    const { product, listing } = await retryListing(context.em, context.viewer, input.productId, input.marketplace);
    return Object.assign(new RetryListingPayload(), { product: toProductNode(product), listing: toListingNode(listing, product) });
  }
}
