import type { EntityManager } from '@mikro-orm/core';
import { ProductImageNode } from '../catalogue/product-content.type.js';
import { ProductImage } from './product-image.entity.js';
import { IMAGE_PATH } from './product-image.route.js';

/** The images the hub stores for a product, in their order, each with the path it is served at. */
export async function listStoredImages(em: EntityManager, productId: string): Promise<ProductImageNode[]> {
  const rows = await em.find(ProductImage, { productId }, { orderBy: { position: 'asc', id: 'asc' } });
  return rows.map((r, position) => Object.assign(new ProductImageNode(), { id: r.id, contentType: r.contentType, byteSize: r.byteSize, path: `${IMAGE_PATH}/${r.id}`, position }));
}
