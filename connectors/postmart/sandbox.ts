/**
 * An in-memory postmart that implements the contract in README.md: signed requests (a wrong
 * signature gets 401), items with asynchronous moderation (REVIEWING for `moderationDelayMs`, then
 * NORMAL or REJECTED with a reason), search by item_sku, the order list with a cursor, and
 * validation, behind the shared fault injection. Tests start it on a free port; `npm start` runs it
 * on POSTMART_SANDBOX_PORT.
 */
import type { Express, Request, Response } from 'express';
import { listen } from '../../core/http/listen.js';
import { registerOrderRoutes } from './sandbox-routes/order.routes.js';
import { registerProductRoutes } from './sandbox-routes/product.routes.js';
import { registerSellerCentreRoutes } from './sandbox-routes/seller-centre.routes.js';
import { registerShopRoutes } from './sandbox-routes/shop.routes.js';
import { SandboxStateFile } from '../marketplace/sandbox/state-file.js';
import { registerShopControlRoutes } from './sandbox-routes/shop-control.routes.js';
import type { PostmartRecord, PostmartSandboxState } from './sandbox-state.js';
import type { PostmartRouteContext } from './sandbox-routes/route-context.js';
import { createSandboxApp } from '../marketplace/sandbox/app.js';
import { attributeProblems, FieldChecks, SELLER_SKU } from '../marketplace/sandbox/checks.js';
import { MediaStore, type MediaSnapshot } from '../marketplace/sandbox/media-store.js';
import { FaultInjector, type FaultSettings } from '../marketplace/sandbox/faults.js';
import { ListingTable } from '../marketplace/sandbox/listing-table.js';
import { OrderBook, singleShop, type OrderBookSnapshot, type PlaceOrderInput, type SandboxOrder, type SandboxOrderLine, type SandboxOrderStatus } from '../marketplace/sandbox/order-book.js';
import { sendError, sendValidationError } from '../marketplace/sandbox/respond.js';
import { POSTMART_CATEGORIES, POSTMART_REQUIRED_ATTRIBUTES, POSTMART_UNITS } from './mappings.js';
import { registerMediaRoutes } from './sandbox-routes/media.routes.js';
import { defaultModeration, type ModeratedContent } from './moderation.js';
import { checkSignature, type SandboxPartner } from './sandbox-signature.js';
import type { PostmartItem, PostmartItemInput, PostmartOrder, PostmartOrderStatus } from './wire.js';
import { POSTMART_SANDBOX_CREDENTIALS } from './sandbox-credentials.js';


export const POSTMART_SANDBOX_PARTNER: SandboxPartner = {
  partnerId: POSTMART_SANDBOX_CREDENTIALS.partnerId,
  partnerKey: POSTMART_SANDBOX_CREDENTIALS.partnerKey,
  shopIds: [POSTMART_SANDBOX_CREDENTIALS.shopId],
};

export type { PostmartSandboxState } from './sandbox-state.js';

export interface PostmartSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Accepted partners and the shops each may act for; default POSTMART_SANDBOX_PARTNER. */
  partners?: SandboxPartner[];
  /** How long a new or resubmitted item stays REVIEWING (ms); default 2000 (`npm start`: POSTMART_SANDBOX_MODERATION_MS). */
  moderationDelayMs?: number;
  /** The moderator: a rejection reason, or null to approve. Default: `defaultModeration`. */
  moderate?: (item: ModeratedContent) => string | null;
  /** Fault settings (none by default). */
  faults?: Partial<FaultSettings>;
  /** A JSON file keeping items and orders across restarts (written atomically after every change); none: in memory. */
  stateFile?: string;
}

/** What the state file holds (reviews under way keep their due time and end after a restart; partners and media: added later, absent from older files). */
interface PostmartSavedState {
  itemCount: number;
  items: PostmartRecord[];
  orders: OrderBookSnapshot;
  /** The shops each partner may act for, as sellers authorised and revoked them. */
  partners?: { partnerId: string; shopIds: string[] }[];
  media?: MediaSnapshot;
}

export interface PostmartSandbox {
  url: string;
  port: number;
  state: PostmartSandboxState;
  faults: FaultInjector;
  close(): Promise<void>;
  /** An item as the API would show it now (moderation settled). */
  item(itemId: number | string): PostmartItem | undefined;
  /** Ends every pending review now. */
  moderateNow(): void;
  setModerationDelay(ms: number): void;
  /** Places an order on approved, listed items (decrements their stock). */
  placeOrder(input: PlaceOrderInput): PostmartOrder;
  setOrderStatus(orderSn: string, status: SandboxOrderStatus): PostmartOrder;
  /** A seller authorises a partner (default: the sandbox partner) to act for the shop, as in postmart's seller centre. */
  authorizeShop(shopId: string, partnerId?: string): void;
  /** A seller withdraws every partner's access to the shop: its signed requests get 403 error_permission. */
  revokeShop(shopId: string): void;
}

const ORDER_STATUS: Readonly<Record<SandboxOrderStatus, PostmartOrderStatus>> = {
  PLACED: 'UNPAID',
  CONFIRMED: 'READY_TO_SHIP',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  RETURNED: 'TO_RETURN',
};

const seconds = (ms: number) => Math.floor(ms / 1000);

export async function startPostmartSandbox(options: PostmartSandboxOptions = {}): Promise<PostmartSandbox> {
  // Copies: sellers authorise and revoke partners at run time (authorizeShop, revokeShop).
  const partners = (options.partners ?? [POSTMART_SANDBOX_PARTNER]).map((p) => ({ ...p, shopIds: [...p.shopIds] }));
  const moderate = options.moderate ?? defaultModeration;
  const faults = new FaultInjector(options.faults);
  const items = new ListingTable<PostmartRecord>((r) => r.input.item_sku);
  const orders = new OrderBook((n) => `PM${new Date().toISOString().slice(2, 10).replace(/-/g, '')}${String(n).padStart(6, '0')}`);
  const requestsByRoute = new Map<string, number>();
  let itemCount = 0;
  let url = '';
  // Uploaded images live beside the state file (postmart.json → postmart-media/), written once each.
  const media = new MediaStore(() => url, options.stateFile ? options.stateFile.replace(/\.json$/, '') + '-media' : undefined);
  const stateFile = options.stateFile
    ? new SandboxStateFile<PostmartSavedState>(options.stateFile, () => ({
        itemCount,
        items: items.all(),
        orders: orders.snapshot(),
        partners: partners.map((p) => ({ partnerId: p.partnerId, shopIds: p.shopIds })),
        media: media.snapshot(),
      }))
    : null;
  const saved = stateFile?.load();
  if (saved) {
    itemCount = saved.itemCount;
    for (const record of saved.items) items.add(String(record.itemId), record);
    orders.restore(saved.orders, (order) => items.get(order.lines[0]?.listingId ?? '')?.shopId ?? POSTMART_SANDBOX_CREDENTIALS.shopId);
    // Only partners still configured: a saved file never adds a partner (and its key) the options do not give.
    for (const kept of saved.partners ?? []) {
      const partner = partners.find((p) => p.partnerId === kept.partnerId);
      if (partner) partner.shopIds = [...new Set([...kept.shopIds])];
    }
    media.restore(saved.media);
  }

  const state: PostmartSandboxState = {
    items,
    orders,
    requestsByRoute,
    faultCounters: faults.counters,
    signatureFailures: 0,
    moderationDelayMs: options.moderationDelayMs ?? 2000,
    listingCountBySku: () => items.countBySku(),
    duplicateSkus: () => items.duplicateSkus(),
    liveDuplicateSkus: () => items.duplicateSkus((r) => !r.unlisted && settle(r).review !== 'rejected'),
  };
  if (!Number.isFinite(state.moderationDelayMs) || state.moderationDelayMs < 0) throw new Error('moderationDelayMs must be a number of milliseconds ≥ 0');

  const count = (route: string) => requestsByRoute.set(route, (requestsByRoute.get(route) ?? 0) + 1);

  /** Moderation is decided lazily: whoever looks after the due time sees the decision. */
  function settle(record: PostmartRecord, now = Date.now()): PostmartRecord {
    if (record.review === 'pending' && now >= record.reviewDueAt) {
      const reason = moderate(record.input);
      record.review = reason ? 'rejected' : 'approved';
      record.rejectReason = reason;
      record.updatedAt = Math.max(record.updatedAt, record.reviewDueAt);
    }
    return record;
  }

  function submitForReview(record: PostmartRecord, now: number): void {
    record.review = 'pending';
    record.rejectReason = null;
    record.reviewDueAt = now + state.moderationDelayMs;
    settle(record, now);
  }

  function render(record: PostmartRecord): PostmartItem {
    settle(record);
    const status = record.unlisted ? 'UNLIST' : record.review === 'pending' ? 'REVIEWING' : record.review === 'approved' ? 'NORMAL' : 'REJECTED';
    return {
      ...record.input,
      image_urls: [...record.input.image_urls],
      item_id: record.itemId,
      item_status: status,
      reject_reason: record.review === 'rejected' ? record.rejectReason : null,
      item_url: record.review === 'approved' ? `${url}/product/${record.itemId}` : null,
      create_time: seconds(record.createdAt),
      update_time: seconds(record.updatedAt),
    };
  }

  function renderOrder(order: SandboxOrder): PostmartOrder {
    return {
      order_sn: order.id,
      order_status: ORDER_STATUS[order.status],
      item_list: order.lines.map((l) => ({ item_id: Number(l.listingId), item_sku: l.sellerSku, quantity: l.quantity, item_price: l.unitPriceVnd })),
      total_amount: order.totalVnd,
      shipping_fee: order.shippingFeeVnd,
      recipient_address: { name: order.buyerName, phone: order.buyerPhone },
      create_time: seconds(order.createdAt.getTime()),
      update_time: seconds(order.updatedAt.getTime()),
    };
  }

  function placeOrder(input: PlaceOrderInput): PostmartOrder {
    const shops: string[] = [];
    const lines: SandboxOrderLine[] = input.lines.map((line) => {
      const record = items.forSku(line.sellerSku).find((r) => !r.unlisted && settle(r).review === 'approved' && (!input.shopId || r.shopId === input.shopId));
      if (!record) throw new Error(`no approved, listed postmart item with item_sku ${line.sellerSku}${input.shopId ? ` in shop ${input.shopId}` : ''}`);
      shops.push(record.shopId);
      if (record.input.stock < line.quantity) throw new Error(`item ${record.itemId} has ${record.input.stock} in stock, ${line.quantity} ordered`);
      return { listingId: String(record.itemId), sellerSku: line.sellerSku, quantity: line.quantity, unitPriceVnd: record.input.original_price };
    });
    for (const line of lines) {
      const record = items.get(line.listingId) as PostmartRecord;
      record.input.stock -= line.quantity;
      record.updatedAt = Date.now();
    }
    return renderOrder(orders.place(singleShop(shops), lines, input));
  }

  /** Checks partner, shop, timestamp and signature; answers and returns null when any is wrong. */
  function verified(req: Request, res: Response): { shopId: string } | null {
    const check = checkSignature(req, partners);
    if (check.ok) return { shopId: check.shopId };
    state.signatureFailures += 1;
    sendError(res, check.status, check.error, check.message);
    return null;
  }

  function validItem(body: Record<string, unknown>, res: Response, shopId = ''): boolean {
    const checks = new FieldChecks(body);
    checks.text('item_sku', 1, 64, SELLER_SKU);
    checks.text('item_name', 3, 120);
    checks.text('description', 0, 5000);
    checks.oneOf('category_id', Object.keys(POSTMART_CATEGORIES).map(Number));
    checks.oneOf('sales_unit', POSTMART_UNITS);
    checks.number('weight', 0, 50, { decimals: 3 });
    checks.integer('original_price', 1_000, 100_000_000);
    checks.integer('stock', 0, 100_000);
    checks.urls('image_urls', 9);
    const problems = [
      ...checks.problems,
      ...attributeProblems('attribute_list', body.attribute_list, POSTMART_REQUIRED_ATTRIBUTES[body.category_id as number] ?? [], 'attribute_name'),
      ...media.check('image_urls', body.image_urls, shopId),
    ];
    if (problems.length === 0) return true;
    sendValidationError(res, 'error_param', problems);
    return false;
  }

  function pickInput(body: Record<string, unknown>): PostmartItemInput {
    const b = body as unknown as PostmartItemInput;
    return {
      item_sku: b.item_sku,
      item_name: b.item_name.trim(),
      description: b.description,
      category_id: b.category_id,
      sales_unit: b.sales_unit,
      weight: b.weight,
      original_price: b.original_price,
      stock: b.stock,
      image_urls: [...b.image_urls],
      attribute_list: b.attribute_list ?? [],
      dimension: b.dimension ?? null,
    };
  }

  /** The shop's item named by item_id (query or body); answers 404 and returns undefined otherwise. */
  function findItem(shopId: string, value: unknown, res: Response): PostmartRecord | undefined {
    const record = items.get(String(value));
    if (!record || record.shopId !== shopId) {
      sendError(res, 404, 'error_item_not_found', `no item ${String(value)} in shop ${shopId}`);
      return undefined;
    }
    return record;
  }

  const ok = (res: Response, response: unknown, status = 200) =>
    res.status(status).json({ request_id: String(res.locals.requestId), error: '', message: '', response });
  const bodyOf = (req: Request) => (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;

  const ctx: PostmartRouteContext = {
    items,
    orders,
    state,
    count,
    verified,
    validItem,
    pickInput,
    findItem,
    settle,
    submitForReview,
    render,
    renderOrder,
    ok,
    bodyOf,
    nextItemId: () => 100_000_000 + ++itemCount,
  };

  const shops = {
    authorizeShop(shopId: string, partnerId: string = POSTMART_SANDBOX_CREDENTIALS.partnerId) {
      const partner = partners.find((p) => p.partnerId === partnerId);
      if (!partner) throw new Error(`no partner ${partnerId}`);
      if (!partner.shopIds.includes(shopId)) partner.shopIds.push(shopId);
    },
    revokeShop(shopId: string) {
      for (const partner of partners) partner.shopIds = partner.shopIds.filter((id) => id !== shopId);
    },
  };

  const routes = (app: Express) => {
    registerProductRoutes(app, ctx);
    registerOrderRoutes(app, ctx);
    registerShopRoutes(app, ctx);
    registerMediaRoutes(app, ctx, media);
  };

  const app = createSandboxApp({
    faults,
    isWrite: (req) => req.method !== 'GET',
    isCreate: (req) => req.method === 'POST' && req.path === '/api/v2/product/add_item',
    routes,
    sellerCentre: (router) => registerSellerCentreRoutes(router, ctx),
    onChange: () => stateFile?.scheduleSave(),
    productPage: {
      path: '/product',
      render: (id) => {
        const record = items.get(id);
        if (!record || settle(record).review !== 'approved') return null;
        const i = record.input;
        return { title: i.item_name, lines: [`${i.original_price.toLocaleString('vi-VN')} ₫ / ${i.sales_unit} (${i.weight} kg)`, `Còn ${i.stock}`, record.unlisted ? 'Ngừng bán' : 'Đang bán', i.description] };
      },
    },
    control: {
      summary: () => {
        const all = items.all().map((r) => settle(r));
        return {
          marketplace: 'POSTMART',
          items: all.length,
          reviewing: all.filter((r) => r.review === 'pending').length,
          approved: all.filter((r) => r.review === 'approved').length,
          rejected: all.filter((r) => r.review === 'rejected').length,
          duplicateSkus: items.duplicateSkus(),
          liveDuplicateSkus: state.liveDuplicateSkus(),
          orders: orders.all().length,
          signatureFailures: state.signatureFailures,
          moderationDelayMs: state.moderationDelayMs,
          faults: faults.current,
          faultCounters: faults.counters,
          requestsByRoute: Object.fromEntries(requestsByRoute),
        };
      },
      placeOrder,
      setOrderStatus: (id, status) => renderOrder(orders.setStatus(id, status)),
      routes: (router) => registerShopControlRoutes(router, shops),
    },
  });

  const host = options.host ?? '127.0.0.1';
  const listening = await listen(app, options.port ?? 0, host);
  url = `http://${host}:${listening.port}`;
  return {
    url,
    port: listening.port,
    state,
    faults,
    close: async () => {
      await listening.close();
      stateFile?.flush();
    },
    item: (itemId) => {
      const record = items.get(String(itemId));
      return record ? render(record) : undefined;
    },
    moderateNow: () => {
      for (const record of items.all()) {
        if (record.review === 'pending') record.reviewDueAt = Date.now();
        settle(record);
      }
    },
    setModerationDelay: (ms) => {
      state.moderationDelayMs = ms;
    },
    placeOrder: (input) => {
      const order = placeOrder(input);
      stateFile?.scheduleSave();
      return order;
    },
    setOrderStatus: (id, status) => {
      const order = renderOrder(orders.setStatus(id, status));
      stateFile?.scheduleSave();
      return order;
    },
    authorizeShop: (shopId, partnerId) => {
      shops.authorizeShop(shopId, partnerId);
      stateFile?.scheduleSave();
    },
    revokeShop: (shopId) => {
      shops.revokeShop(shopId);
      stateFile?.scheduleSave();
    },
  };
}
