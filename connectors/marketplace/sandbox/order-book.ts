/**
 * The orders a sandbox holds and its order feeds, one per shop (a shop sees only its own orders).
 * Every change to an order (placed, status changed) gives it the next sequence number; a feed
 * returns the shop's orders whose last change is after the cursor, oldest change first, each once in
 * its latest state. A cursor is the opaque position of the last
 * change returned, so reading at least once and deduplicating by order id is all a client needs.
 */
import type { RemoteOrder } from '../contract.js';

export type SandboxOrderStatus = RemoteOrder['status'];

export interface SandboxOrderLine {
  listingId: string;
  sellerSku: string;
  quantity: number;
  unitPriceVnd: number;
}

export interface SandboxOrder {
  id: string;
  /** The shop selling it: the one owning its listings (an order is for one shop, as Shopee splits a cart per shop). */
  shopId: string;
  status: SandboxOrderStatus;
  lines: SandboxOrderLine[];
  totalVnd: number;
  shippingFeeVnd: number;
  buyerName: string;
  buyerPhone: string;
  createdAt: Date;
  updatedAt: Date;
  /** Sequence number of the order's last change. */
  seq: number;
}

/** How a test (or POST /_sandbox/orders) places an order; prices come from the listings. */
export interface PlaceOrderInput {
  lines: { sellerSku: string; quantity: number }[];
  /** The shop to buy from when several shops list the seller SKU (default: the oldest live listing's shop). */
  shopId?: string;
  buyerName?: string;
  buyerPhone?: string;
  shippingFeeVnd?: number;
}

export class InvalidCursorError extends Error {}

/** The one shop an order's listings belong to; an order across shops is refused (the buyer places one per shop). */
export function singleShop(shopIds: readonly string[]): string {
  const shops = [...new Set(shopIds)];
  if (shops.length !== 1) throw new Error(`the lines are sold by ${shops.length} shops (${shops.join(', ')}): place one order per shop`);
  return shops[0] as string;
}

/** The order book as JSON (a sandbox's state file). */
export interface OrderBookSnapshot {
  seq: number;
  count: number;
  orders: (Omit<SandboxOrder, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string })[];
}

export class OrderBook {
  private readonly orders = new Map<string, SandboxOrder>();
  private seq = 0;
  private count = 0;

  constructor(private readonly newId: (n: number) => string) {}

  place(shopId: string, lines: SandboxOrderLine[], input: PlaceOrderInput): SandboxOrder {
    const now = new Date();
    this.count += 1;
    const shippingFeeVnd = input.shippingFeeVnd ?? 30_000;
    const order: SandboxOrder = {
      id: this.newId(this.count),
      shopId,
      status: 'PLACED',
      lines,
      totalVnd: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceVnd, 0) + shippingFeeVnd,
      shippingFeeVnd,
      buyerName: input.buyerName ?? 'Nguyễn Văn Khách',
      buyerPhone: input.buyerPhone ?? '0912345678',
      createdAt: now,
      updatedAt: now,
      seq: ++this.seq,
    };
    this.orders.set(order.id, order);
    return order;
  }

  get(id: string): SandboxOrder | undefined {
    return this.orders.get(id);
  }

  all(): SandboxOrder[] {
    return [...this.orders.values()];
  }

  setStatus(id: string, status: SandboxOrderStatus): SandboxOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`no order ${id}`);
    order.status = status;
    order.updatedAt = new Date();
    order.seq = ++this.seq;
    return order;
  }

  /** One page of one shop's feed after `cursor`; `nextCursor` is always the position to resume from. */
  page(shopId: string, cursor: string | undefined, limit: number): { orders: SandboxOrder[]; nextCursor: string; hasMore: boolean } {
    const after = cursor ? decodeCursor(cursor) : 0;
    const changed = [...this.orders.values()].filter((o) => o.shopId === shopId && o.seq > after).sort((a, b) => a.seq - b.seq);
    const orders = changed.slice(0, limit);
    const last = orders.at(-1)?.seq ?? after;
    return { orders, nextCursor: encodeCursor(last), hasMore: changed.length > orders.length };
  }

  clear(): void {
    this.orders.clear();
  }

  snapshot(): OrderBookSnapshot {
    return { seq: this.seq, count: this.count, orders: this.all().map((o) => ({ ...o, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString() })) };
  }

  /** Puts back what `snapshot` saved (at start, before any request); `shopOf` names the shop of an order saved before orders had one. */
  restore(saved: OrderBookSnapshot, shopOf: (order: Omit<SandboxOrder, 'shopId'>) => string): void {
    this.orders.clear();
    for (const o of saved.orders) {
      const order = { ...o, createdAt: new Date(o.createdAt), updatedAt: new Date(o.updatedAt) };
      this.orders.set(o.id, { ...order, shopId: (o as { shopId?: string }).shopId ?? shopOf(order) });
    }
    this.seq = saved.seq;
    this.count = saved.count;
  }
}

function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new InvalidCursorError(`cursor "${cursor}" was not issued by this feed`);
  return Number(match[1]);
}
