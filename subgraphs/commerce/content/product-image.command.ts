import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { MARKETPLACE_ADAPTERS } from '../../../connectors/marketplace/registry.js';
import type { Viewer } from '../../../core/auth/viewer.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { sniffImageType } from '../../../core/image-type.js';
import { requireProducerMember } from '../catalogue/producer-access.query.js';
import { loadProductForUpdate } from '../catalogue/product.command.js';
import type { Product } from '../catalogue/product.entity.js';
import { liveMarketplacesOf, queueProductChange } from '../listings/listing.command.js';
import { ProductImage } from './product-image.entity.js';

/** The most a stored image may weigh: the marketplaces' upload limit (connectors/README.md). */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
/** Stored images and image URLs together, as the hub's products allow. */
const HUB_MAX_IMAGES = 10;

async function productToChange(em: EntityManager, viewer: Viewer | null, productId: string): Promise<Product> {
  const product = await loadProductForUpdate(em, productId);
  if (!product) throw invalidInput(`No product has id "${productId}": check the id.`, 'productId');
  await requireProducerMember(em, viewer, product.producerId);
  return product;
}

/** A content change: the product's version moves and its live listings are queued (new images are uploaded on the next write). */
async function contentChanged(em: EntityManager, product: Product): Promise<void> {
  product.version += 1;
  product.contentVersion += 1;
  product.updatedAt = new Date();
  await queueProductChange(em, product, 'UPDATE');
}

/**
 * Stores an image of a product: the type is read from the bytes (JPEG, PNG, WebP), the size is at
 * most 2 MB, the same bytes twice are one image, and the product's images must stay within every
 * live marketplace's limit. One transaction with the sync work it causes.
 */
export async function addProductImage(em: EntityManager, viewer: Viewer | null, productId: string, data: Buffer): Promise<ProductImage> {
  if (data.length === 0) throw invalidInput('The body is empty: send the image bytes.', 'body');
  if (data.length > IMAGE_MAX_BYTES) throw invalidInput(`The image is ${data.length} bytes; at most ${IMAGE_MAX_BYTES} (2 MB).`, 'body');
  const contentType = sniffImageType(data);
  if (!contentType) throw invalidInput('The bytes are not a JPEG, PNG or WebP image.', 'body');
  const sha256 = createHash('sha256').update(data).digest('hex');
  return em.transactional(async (tx) => {
    const product = await productToChange(tx, viewer, productId);
    const existing = await tx.findOne(ProductImage, { productId, sha256 });
    if (existing) return existing;
    const count = await tx.count(ProductImage, { productId });
    const live = await liveMarketplacesOf(tx, productId);
    for (const adapter of MARKETPLACE_ADAPTERS.filter((a) => live.includes(a.code))) {
      if (count + 1 + product.images.length > adapter.limits.images.max) {
        throw invalidInput(`${adapter.title} (${adapter.code}) takes at most ${adapter.limits.images.max} images: remove one first.`, 'body', { marketplace: adapter.code, rule: 'IMAGES' });
      }
    }
    if (count + 1 + product.images.length > HUB_MAX_IMAGES) throw invalidInput(`A product has at most ${HUB_MAX_IMAGES} images: remove one first.`, 'body');
    const image = tx.create(ProductImage, { id: randomUUID(), productId, position: count, contentType, byteSize: data.length, sha256, data, createdAt: new Date() });
    await contentChanged(tx, product);
    return image;
  });
}

export async function removeProductImage(em: EntityManager, viewer: Viewer | null, productId: string, imageId: string): Promise<Product> {
  return em.transactional(async (tx) => {
    const product = await productToChange(tx, viewer, productId);
    const removed = await tx.nativeDelete(ProductImage, { id: imageId, productId });
    if (!removed) throw invalidInput(`The product has no stored image ${imageId}.`, 'input.imageId');
    await contentChanged(tx, product);
    return product;
  });
}
