import type { ListingContent } from '../../connectors/marketplace/contract.js';

let counter = 0;

/** A valid product; each call gets a fresh seller SKU unless one is given. */
export function listingContent(overrides: Partial<ListingContent> = {}): ListingContent {
  counter += 1;
  return {
    sellerSku: `NT-BIXANH-${process.pid}-${counter}`,
    name: 'Bí xanh Nam Thượng',
    description: 'Bí xanh trồng theo VietGAP tại xã Nam Thượng, Kim Bôi, Hòa Bình.',
    category: 'vegetables',
    unit: 'kg',
    netWeightGrams: null,
    priceVnd: 18_000,
    stock: 120,
    images: ['https://example.org/images/bi-xanh.jpg'],
    version: 1,
    ...overrides,
  };
}

export async function expectConnectorError(promise: Promise<unknown>): Promise<import('../../connectors/marketplace/contract.js').ConnectorError> {
  const { ConnectorError } = await import('../../connectors/marketplace/contract.js');
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError, the call succeeded');
}
