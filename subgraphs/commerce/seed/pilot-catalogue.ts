import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { foldForSearch } from '../../../core/text.js';
import type { HubConfig } from '../../../core/config.js';
import { ensureDraftListings, publishListings } from '../listings/listing.command.js';
import { pilotPublishSettings } from './pilot-publish-settings.js';
import { Marketplace } from '../catalogue/marketplace.js';
import { Producer, ProducerKind } from '../catalogue/producer.entity.js';
import { Product } from '../catalogue/product.entity.js';
import { sellerSkuFor } from '../catalogue/product.command.js';

/**
 * The pilot's commerce data (DOMAIN.md section 1): Viettel trained 20 farming households and put 11
 * signature products on voso.vn; Vietnam Post trained 34 households and cooperatives to sell on
 * postmart.vn.
 *
 * ASSUMPTIONS (the source gives none of these; this is the one place to replace them):
 * - Producers are placeholders ("Hộ sản xuất VS-01"), without contacts, half in each pilot commune
 *   as it was when they were trained (Nam Thượng 05068/1, Liên Sơn 04969/1). The communes they
 *   merged into on 2025-07-01 (Hợp Kim, the new Liên Sơn) list them through Commune.lineageIds. Of the 34 postmart producers, 4 are taken to be cooperatives.
 * - The 11th product is not named by the source: it is seeded as a placeholder in category "dried goods" (đặc sản khô, specialities).
 * - Units, weights, prices and stock are plausible placeholders, not figures from the source. Products
 *   sold per piece carry a typical weight per unit, since postmart needs one for shipping.
 * - Each of the 11 products belongs to one of the first 11 voso households and is published on voso
 *   when first seeded (`COMMERCE_PILOT_PUBLISH`, default true; else a DRAFT listing), as in the pilot.
 * - The source names no product of the 34 postmart producers, so none is seeded: postmart's sandbox
 *   holds only what producers publish there.
 */
const VOSO_HOUSEHOLDS = 20;
const POSTMART_PRODUCERS = 34;
const POSTMART_COOPERATIVES = 4;

function communeFor(index: number): string {
  return index % 2 === 0 ? PILOT_COMMUNES.namThuong.id : PILOT_COMMUNES.lienSon.id;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export const PILOT_PRODUCERS: Pick<Producer, 'id' | 'kind' | 'name' | 'communeId' | 'marketplaces'>[] = [
  ...Array.from({ length: VOSO_HOUSEHOLDS }, (_, i) => ({
    id: `pilot-voso-${pad(i + 1)}`,
    kind: ProducerKind.HOUSEHOLD,
    name: `Hộ sản xuất VS-${pad(i + 1)}`,
    communeId: communeFor(i),
    marketplaces: [Marketplace.VOSO],
  })),
  ...Array.from({ length: POSTMART_PRODUCERS }, (_, i) => {
    const cooperative = i < POSTMART_COOPERATIVES;
    return {
      id: `pilot-postmart-${pad(i + 1)}`,
      kind: cooperative ? ProducerKind.COOPERATIVE : ProducerKind.HOUSEHOLD,
      name: cooperative ? `Hợp tác xã PM-${pad(i + 1)}` : `Hộ sản xuất PM-${pad(i + 1)}`,
      communeId: communeFor(i),
      marketplaces: [Marketplace.POSTMART],
    };
  }),
];

interface PilotProduct {
  key: string;
  name: string;
  category: string;
  unit: string;
  netWeightGrams: number | null;
  priceVnd: number;
  stock: number;
}

export const PILOT_PRODUCTS: PilotProduct[] = [
  { key: 'bi-xanh', name: 'Bí xanh', category: 'vegetables', unit: 'kg', netWeightGrams: 1000, priceVnd: 15_000, stock: 200 },
  { key: 'lac-lay', name: 'Lặc lày', category: 'vegetables', unit: 'kg', netWeightGrams: 1000, priceVnd: 20_000, stock: 150 },
  { key: 'dua-chuot', name: 'Dưa chuột', category: 'vegetables', unit: 'kg', netWeightGrams: 1000, priceVnd: 18_000, stock: 150 },
  { key: 'bi-do', name: 'Bí đỏ', category: 'vegetables', unit: 'quả', netWeightGrams: 2500, priceVnd: 35_000, stock: 80 },
  { key: 'khoai-tay', name: 'Khoai tây', category: 'tubers', unit: 'kg', netWeightGrams: 1000, priceVnd: 25_000, stock: 300 },
  { key: 'buoi', name: 'Bưởi', category: 'fruit', unit: 'quả', netWeightGrams: 1200, priceVnd: 40_000, stock: 120 },
  { key: 'chuoi', name: 'Chuối', category: 'fruit', unit: 'kg', netWeightGrams: 1000, priceVnd: 22_000, stock: 100 },
  { key: 'trung-vit', name: 'Trứng vịt', category: 'eggs', unit: 'chục', netWeightGrams: 700, priceVnd: 45_000, stock: 60 },
  { key: 'che', name: 'Chè', category: 'tea', unit: 'hộp', netWeightGrams: 500, priceVnd: 120_000, stock: 40 },
  { key: 'rau-huu-co', name: 'Rau hữu cơ', category: 'leafy vegetables', unit: 'kg', netWeightGrams: 1000, priceVnd: 30_000, stock: 100 },
  { key: 'san-pham-11', name: 'Sản phẩm đặc trưng thứ 11 (nguồn không nêu tên)', category: 'dried goods', unit: 'kg', netWeightGrams: 1000, priceVnd: 50_000, stock: 50 },
];

/** Product.id of a pilot product. */
export function pilotProductId(key: string): string {
  return `pilot-${key}`;
}

/**
 * Upserts the pilot producers and products on their ids; an existing product is left as its producer
 * changed it. A product seeded for the first time is published (queued for the sync worker) where
 * its producer sells, unless `COMMERCE_PILOT_PUBLISH=false`: later starts find it and queue nothing,
 * so restarts never publish twice.
 */
export async function seedPilotCatalogue(em: EntityManager, config?: HubConfig): Promise<void> {
  const publish = config ? config.get(pilotPublishSettings).publish : false;
  await em.transactional(async (tx) => {
    const producers = new Map<string, Producer>();
    for (const row of PILOT_PRODUCERS) {
      let producer = await tx.findOne(Producer, { id: row.id });
      if (!producer) {
        producer = tx.create(Producer, { ...row, nameSearch: foldForSearch(row.name), contactName: null, contactPhone: null, createdAt: new Date() });
        tx.persist(producer);
      } else {
        Object.assign(producer, { kind: row.kind, name: row.name, nameSearch: foldForSearch(row.name), communeId: row.communeId });
      }
      producers.set(row.id, producer);
    }
    for (const [i, row] of PILOT_PRODUCTS.entries()) {
      const id = pilotProductId(row.key);
      if (await tx.findOne(Product, { id })) continue;
      const producer = producers.get(`pilot-voso-${pad(i + 1)}`)!;
      const product = tx.create(Product, {
        id,
        producerId: producer.id,
        communeId: producer.communeId,
        sellerSku: sellerSkuFor(id),
        name: row.name,
        nameSearch: foldForSearch(row.name),
        description: `${row.name} — sản phẩm của hộ nông dân xã ${producer.communeId === PILOT_COMMUNES.namThuong.id ? PILOT_COMMUNES.namThuong.name : PILOT_COMMUNES.lienSon.name}.`,
        category: row.category,
        unit: row.unit,
        netWeightGrams: row.netWeightGrams,
        priceVnd: row.priceVnd,
        stock: row.stock,
        images: [],
        version: 1,
        contentVersion: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      tx.persist(product);
      if (publish) await publishListings(tx, product, producer.marketplaces);
      else await ensureDraftListings(tx, product, producer.marketplaces);
    }
  });
}
