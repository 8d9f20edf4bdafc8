import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { toProductNode } from '../catalogue/catalogue-mappers.js';
import { ProductImageNode, RemoveProductImageInput } from '../catalogue/product-content.type.js';
import { UpdateProductPayload } from '../catalogue/product.inputs.js';
import { ProductNode } from '../catalogue/product.type.js';
import { removeProductImage } from './product-image.command.js';
import { listStoredImages } from './product-image.query.js';

@Resolver(() => ProductNode)
export class ProductImageResolver {
  @FieldResolver(() => [ProductImageNode], { description: 'Images the hub stores for the product (uploaded with POST /products/{id}/images), in order; they precede `images` at the marketplaces.' })
  async storedImages(@Root() product: ProductNode, @Ctx() context: SubgraphContext): Promise<ProductImageNode[]> {
    return listStoredImages(context.em, product.id);
  }

  @Mutation(() => UpdateProductPayload, { description: 'Removes a stored image; the listings follow. Members of the producer and admins.' })
  async removeProductImage(@Arg('input', () => RemoveProductImageInput, { description: 'The product and image.' }) input: RemoveProductImageInput, @Ctx() context: SubgraphContext): Promise<UpdateProductPayload> {
    return Object.assign(new UpdateProductPayload(), { product: toProductNode(await removeProductImage(context.em, context.viewer, input.productId, input.imageId)) });
  }
}
