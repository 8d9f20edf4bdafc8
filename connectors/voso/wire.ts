/**
 * voso's assumed wire format (README.md) and its translation to and from the connector contract.
 * Everything marketplace-shaped stays in this file and mappings.ts.
 */
import type { ListingContent, RemoteListing, RemoteListingStatus, RemoteOrder } from '../marketplace/contract.js';
import { mapHubValue } from '../marketplace/mapping.js';
import { VOSO_CATEGORY_BY_HUB, VOSO_UNIT_BY_HUB, type VosoUnit } from './mappings.js';

export type VosoProductStatus = 'active' | 'inactive' | 'banned';

/** The body of POST /v1/products and PUT /v1/products/{id}. */
export interface VosoProductInput {
  seller_sku: string;
  name: string;
  description: string;
  category_id: number;
  unit_code: VosoUnit;
  net_weight_g: number | null;
  price: number;
  stock: number;
  images: string[];
}

export interface VosoProduct extends VosoProductInput {
  id: string;
  status: VosoProductStatus;
  ban_reason: string | null;
  url: string;
  created_at: string;
  updated_at: string;
}

export type VosoOrderStatus = 'new' | 'confirmed' | 'shipping' | 'delivered' | 'cancelled' | 'returned';

export interface VosoOrder {
  order_id: string;
  status: VosoOrderStatus;
  items: { product_id: string; seller_sku: string; quantity: number; unit_price: number }[];
  total_amount: number;
  shipping_fee: number;
  buyer: { name: string; phone: string };
  created_at: string;
  updated_at: string;
}

export interface VosoOrderFeed {
  orders: VosoOrder[];
  next_cursor: string | null;
  has_more: boolean;
}

export const VOSO_ORDER_STATUS: Readonly<Record<VosoOrderStatus, RemoteOrder['status']>> = {
  new: 'PLACED',
  confirmed: 'CONFIRMED',
  shipping: 'SHIPPED',
  delivered: 'DELIVERED',
  cancelled: 'CANCELLED',
  returned: 'RETURNED',
};

const LISTING_STATUS: Readonly<Record<VosoProductStatus, RemoteListingStatus>> = {
  active: 'PUBLISHED',
  inactive: 'DELISTED',
  banned: 'REJECTED',
};

export function toVosoProductInput(content: ListingContent): VosoProductInput {
  return {
    seller_sku: content.sellerSku,
    name: content.name.normalize('NFC'),
    description: content.description.normalize('NFC'),
    category_id: mapHubValue(VOSO_CATEGORY_BY_HUB, content.category, 'category', 'VOSO', 'connectors/voso/mappings.ts'),
    unit_code: mapHubValue(VOSO_UNIT_BY_HUB, content.unit, 'unit', 'VOSO', 'connectors/voso/mappings.ts'),
    net_weight_g: content.netWeightGrams,
    price: content.priceVnd,
    stock: content.stock,
    images: content.images,
  };
}

/** Returns null when the body is not a voso product (the caller reports a malformed response). */
export function fromVosoProduct(value: unknown): RemoteListing | null {
  const p = value as Partial<VosoProduct> | null | undefined;
  if (!p || typeof p.id !== 'string' || typeof p.seller_sku !== 'string' || !p.status || !(p.status in LISTING_STATUS)) return null;
  if (typeof p.price !== 'number' || typeof p.stock !== 'number') return null;
  return {
    externalId: p.id,
    externalUrl: p.url ?? null,
    sellerSku: p.seller_sku,
    status: LISTING_STATUS[p.status],
    rejectionReason: p.status === 'banned' ? (p.ban_reason ?? 'banned by voso (no reason given)') : null,
    priceVnd: p.price,
    stock: p.stock,
    ...(typeof p.name === 'string' ? { name: p.name } : {}),
  };
}

export function fromVosoOrder(value: unknown): RemoteOrder | null {
  const o = value as Partial<VosoOrder> | null | undefined;
  if (!o || typeof o.order_id !== 'string' || !o.status || !(o.status in VOSO_ORDER_STATUS) || !Array.isArray(o.items)) return null;
  const placedAt = isoInstant(o.created_at);
  const updatedAt = isoInstant(o.updated_at);
  if (!placedAt || !updatedAt) return null;
  return {
    externalOrderId: o.order_id,
    status: VOSO_ORDER_STATUS[o.status],
    lines: o.items.map((item) => ({ sellerSku: item.seller_sku, quantity: item.quantity, unitPriceVnd: item.unit_price })),
    totalVnd: o.total_amount ?? 0,
    shippingFeeVnd: o.shipping_fee ?? 0,
    buyerName: o.buyer?.name ?? '',
    buyerPhone: o.buyer?.phone ?? '',
    placedAt,
    updatedAt,
  };
}

/** voso sends local times with an offset ("2026-11-27T14:05:00+07:00"); the contract wants ISO 8601 UTC. */
function isoInstant(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
