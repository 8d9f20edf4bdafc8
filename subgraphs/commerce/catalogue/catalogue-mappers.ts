import { Commune } from '../commune/commune.reference.js';
import type { Producer } from './producer.entity.js';
import { ProducerNode } from './producer.type.js';
import type { Product } from './product.entity.js';
import { PackageNode, ProductAttributeNode } from './product-content.type.js';
import { Certification, CertificationKind, ProductNode } from './product.type.js';

export function toProducerNode(producer: Producer): ProducerNode {
  return Object.assign(new ProducerNode(), {
    id: producer.id,
    kind: producer.kind,
    name: producer.name,
    commune: Object.assign(new Commune(), { id: producer.communeId }),
    marketplaces: [...producer.marketplaces],
  });
}

export function certificationsOf(product: Product): Certification[] {
  const list: Certification[] = [];
  if (product.vietgapNumber) {
    list.push(Object.assign(new Certification(), { kind: CertificationKind.VIETGAP, number: product.vietgapNumber, expiresOn: product.vietgapExpiresOn ?? null, stars: null }));
  }
  if (product.ocopStars) {
    list.push(Object.assign(new Certification(), { kind: CertificationKind.OCOP, number: null, expiresOn: null, stars: product.ocopStars }));
  }
  return list;
}

export function toProductNode(product: Product): ProductNode {
  return Object.assign(new ProductNode(), {
    id: product.id,
    sellerSku: product.sellerSku,
    name: product.name,
    description: product.description,
    category: product.category,
    unit: product.unit,
    netWeightGrams: product.netWeightGrams ?? null,
    priceVnd: product.priceVnd,
    stock: product.stock,
    images: [...product.images],
    attributes: Object.entries(product.attributes ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => Object.assign(new ProductAttributeNode(), { name, value })),
    package:
      product.packageWeightGrams != null
        ? Object.assign(new PackageNode(), { weightGrams: product.packageWeightGrams, lengthCm: product.packageLengthCm, widthCm: product.packageWidthCm, heightCm: product.packageHeightCm })
        : null,
    certifications: certificationsOf(product),
    version: product.version,
    updatedAt: product.updatedAt,
    producerId: product.producerId,
    communeId: product.communeId,
  });
}
