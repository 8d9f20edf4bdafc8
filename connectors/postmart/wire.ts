/**
 * postmart's assumed wire format (README.md) and its translation to and from the connector contract.
 * Traps handled here: weight travels in kilograms (the hub holds grams), times in Unix seconds.
 */
import { ConnectorError, type ListingContent, type RemoteListing, type RemoteListingStatus, type RemoteOrder } from '../marketplace/contract.js';
import { mapHubValue, mappingKey } from '../marketplace/mapping.js';
import { POSTMART_CATEGORY_BY_HUB, POSTMART_UNIT_BY_HUB, type PostmartUnit } from './mappings.js';

/** Every answer: `error` is "" on success, and `response` carries the result. */
export interface PostmartEnvelope<T> {
  request_id: string;
  error: string;
  message: string;
  response?: T;
}

export type PostmartItemStatus = 'REVIEWING' | 'NORMAL' | 'REJECTED' | 'UNLIST';

/** The body of add_item (and of update_item, plus item_id). */
export interface PostmartItemInput {
  item_sku: string;
  item_name: string;
  description: string;
  category_id: number;
  sales_unit: PostmartUnit;
  /** Shipping weight of one sales unit in kilograms (up to 3 decimals). */
  weight: number;
  original_price: number;
  stock: number;
  image_urls: string[];
}

export interface PostmartItem extends PostmartItemInput {
  item_id: number;
  item_status: PostmartItemStatus;
  reject_reason: string | null;
  /** Set once the item is approved. */
  item_url: string | null;
  create_time: number;
  update_time: number;
}

export type PostmartOrderStatus = 'UNPAID' | 'READY_TO_SHIP' | 'SHIPPED' | 'COMPLETED' | 'CANCELLED' | 'TO_RETURN';

export interface PostmartOrder {
  order_sn: string;
  order_status: PostmartOrderStatus;
  item_list: { item_id: number; item_sku: string; quantity: number; item_price: number }[];
  total_amount: number;
  shipping_fee: number;
  recipient_address: { name: string; phone: string };
  create_time: number;
  update_time: number;
}

export interface PostmartOrderList {
  order_list: PostmartOrder[];
  more: boolean;
  next_cursor: string;
}

export const POSTMART_ORDER_STATUS: Readonly<Record<PostmartOrderStatus, RemoteOrder['status']>> = {
  UNPAID: 'PLACED',
  READY_TO_SHIP: 'CONFIRMED',
  SHIPPED: 'SHIPPED',
  COMPLETED: 'DELIVERED',
  CANCELLED: 'CANCELLED',
  TO_RETURN: 'RETURNED',
};

const LISTING_STATUS: Readonly<Record<PostmartItemStatus, RemoteListingStatus>> = {
  REVIEWING: 'PENDING_REVIEW',
  NORMAL: 'PUBLISHED',
  REJECTED: 'REJECTED',
  UNLIST: 'DELISTED',
};

const FILE = 'connectors/postmart/mappings.ts';

export function toPostmartItemInput(content: ListingContent): PostmartItemInput {
  return {
    item_sku: content.sellerSku,
    item_name: content.name.normalize('NFC'),
    description: content.description.normalize('NFC'),
    category_id: mapHubValue(POSTMART_CATEGORY_BY_HUB, content.category, 'category', 'POSTMART', FILE),
    sales_unit: mapHubValue(POSTMART_UNIT_BY_HUB, content.unit, 'unit', 'POSTMART', FILE),
    weight: shippingWeightKg(content),
    original_price: content.priceVnd,
    stock: content.stock,
    image_urls: content.images,
  };
}

/** postmart requires a weight per sales unit; a product sold by the kg weighs 1 kg when none is given. */
function shippingWeightKg(content: ListingContent): number {
  const grams = content.netWeightGrams ?? (mappingKey(content.unit) === 'kg' ? 1000 : null);
  if (grams === null || !(grams > 0)) {
    throw new ConnectorError(
      'REJECTED',
      `POSTMART: product ${content.sellerSku} sold by "${content.unit}" has no net weight; postmart needs the weight of one unit for shipping: set netWeightGrams`,
    );
  }
  return Math.round(grams) / 1000;
}

export function fromPostmartItem(value: unknown): RemoteListing | null {
  const i = value as Partial<PostmartItem> | null | undefined;
  if (!i || typeof i.item_id !== 'number' || typeof i.item_sku !== 'string' || !i.item_status || !(i.item_status in LISTING_STATUS)) return null;
  if (typeof i.original_price !== 'number' || typeof i.stock !== 'number') return null;
  return {
    externalId: String(i.item_id),
    externalUrl: i.item_url ?? null,
    sellerSku: i.item_sku,
    status: LISTING_STATUS[i.item_status],
    rejectionReason: i.item_status === 'REJECTED' ? (i.reject_reason ?? 'rejected by postmart (no reason given)') : null,
    priceVnd: i.original_price,
    stock: i.stock,
    ...(typeof i.item_name === 'string' ? { name: i.item_name } : {}),
  };
}

export function fromPostmartOrder(value: unknown): RemoteOrder | null {
  const o = value as Partial<PostmartOrder> | null | undefined;
  if (!o || typeof o.order_sn !== 'string' || !o.order_status || !(o.order_status in POSTMART_ORDER_STATUS) || !Array.isArray(o.item_list)) return null;
  if (typeof o.create_time !== 'number' || typeof o.update_time !== 'number') return null;
  return {
    externalOrderId: o.order_sn,
    status: POSTMART_ORDER_STATUS[o.order_status],
    lines: o.item_list.map((item) => ({ sellerSku: item.item_sku, quantity: item.quantity, unitPriceVnd: item.item_price })),
    totalVnd: o.total_amount ?? 0,
    shippingFeeVnd: o.shipping_fee ?? 0,
    buyerName: o.recipient_address?.name ?? '',
    buyerPhone: o.recipient_address?.phone ?? '',
    placedAt: new Date(o.create_time * 1000).toISOString(),
    updatedAt: new Date(o.update_time * 1000).toISOString(),
  };
}
