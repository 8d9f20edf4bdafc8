import type { ListingContent } from '../../../connectors/marketplace/contract.js';
import type { Product } from '../catalogue/product.entity.js';

type PackageFields = 'attributes' | 'packageWeightGrams' | 'packageLengthCm' | 'packageWidthCm' | 'packageHeightCm';

/** The product fields a listing is made of. */
export type ListedProduct = Pick<Product, 'sellerSku' | 'name' | 'description' | 'category' | 'unit' | 'netWeightGrams' | 'priceVnd' | 'stock' | 'images' | 'version'> &
  Partial<Pick<Product, PackageFields>>;

/**
 * What the hub sends a marketplace about a product: its current state, stamped with its version.
 * `uploaded`: URLs of the hub's stored images at this marketplace, first (the main image leads).
 */
export function listingContent(product: ListedProduct, uploaded: readonly string[] = []): ListingContent {
  const { packageWeightGrams: weightGrams, packageLengthCm: lengthCm, packageWidthCm: widthCm, packageHeightCm: heightCm } = product;
  return {
    sellerSku: product.sellerSku,
    name: product.name,
    description: product.description || product.name,
    category: product.category,
    unit: product.unit,
    netWeightGrams: product.netWeightGrams ?? null,
    priceVnd: product.priceVnd,
    stock: product.stock,
    images: [...uploaded, ...product.images],
    version: product.version,
    attributes: { ...product.attributes },
    package: weightGrams != null && lengthCm != null && widthCm != null && heightCm != null ? { weightGrams, lengthCm, widthCm, heightCm } : null,
  };
}
