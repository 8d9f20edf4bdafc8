import type { ListingContent } from '../../../connectors/marketplace/contract.js';
import type { Product } from '../catalogue/product.entity.js';

/** The product fields a listing is made of. */
export type ListedProduct = Pick<Product, 'sellerSku' | 'name' | 'description' | 'category' | 'unit' | 'netWeightGrams' | 'priceVnd' | 'stock' | 'images' | 'version'>;

/** What the hub sends a marketplace about a product: its current state, stamped with its version. */
export function listingContent(product: ListedProduct): ListingContent {
  return {
    sellerSku: product.sellerSku,
    name: product.name,
    description: product.description || product.name,
    category: product.category,
    unit: product.unit,
    netWeightGrams: product.netWeightGrams ?? null,
    priceVnd: product.priceVnd,
    stock: product.stock,
    images: [...product.images],
    version: product.version,
  };
}
