/**
 * An in-memory voso that implements the contract in README.md: OAuth2 client credentials, products,
 * lookup by seller SKU, the order feed, and validation, behind the shared fault injection. Tests
 * start it on a free port; `npm start` runs it on VOSO_SANDBOX_PORT.
 */
import type { Express, Request, Response } from 'express';
import { listen } from '../../core/http/listen.js';
import { registerAuthorizeRoutes, registerShopControlRoutes } from './sandbox-routes/authorize.routes.js';
import { registerOAuthRoutes } from './sandbox-routes/oauth.routes.js';
import { VosoGrantStore, type VosoGrantsSnapshot } from './sandbox-grants.js';
import { registerOrderRoutes } from './sandbox-routes/order.routes.js';
import { registerProductRoutes } from './sandbox-routes/product.routes.js';
import { registerSellerCentreRoutes } from './sandbox-routes/seller-centre.routes.js';
import { registerShopRoutes } from './sandbox-routes/shop.routes.js';
import { VOSO_SANDBOX_WEBHOOK_SECRET } from './events.js';
import { createVosoPusher, type VosoPusher, type VosoWebhookTarget } from './sandbox-webhook.js';
import { SandboxStateFile } from '../marketplace/sandbox/state-file.js';
import type { VosoSandboxState } from './sandbox-state.js';
import { vietnamTime, type VosoRouteContext } from './sandbox-routes/route-context.js';
import { createSandboxApp } from '../marketplace/sandbox/app.js';
import { attributeProblems, FieldChecks, SELLER_SKU } from '../marketplace/sandbox/checks.js';
import { MediaStore, type MediaSnapshot } from '../marketplace/sandbox/media-store.js';
import { FaultInjector, type FaultSettings } from '../marketplace/sandbox/faults.js';
import { ListingTable } from '../marketplace/sandbox/listing-table.js';
import { OrderBook, singleShop, type OrderBookSnapshot, type PlaceOrderInput, type SandboxOrder, type SandboxOrderLine, type SandboxOrderStatus } from '../marketplace/sandbox/order-book.js';
import { sendError, sendValidationError } from '../marketplace/sandbox/respond.js';
import { VOSO_CATEGORIES, VOSO_REQUIRED_ATTRIBUTES, VOSO_UNITS } from './mappings.js';
import { registerMediaRoutes } from './sandbox-routes/media.routes.js';
import type { VosoOrder, VosoOrderStatus, VosoProduct, VosoProductInput } from './wire.js';
import { VOSO_SANDBOX_CLIENT } from './sandbox-credentials.js';

/** The shop client-credentials tokens act for (the development fallback without shop connections). */
export const VOSO_SANDBOX_CLIENT_SHOP = 'hub-sandbox-shop';

export type { VosoSandboxState } from './sandbox-state.js';

export interface VosoSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Accepted client credentials; default VOSO_SANDBOX_CLIENT. */
  clients?: { clientId: string; clientSecret: string }[];
  /** Lifetime of client-credentials access tokens (default 3600 s). */
  tokenTtlSeconds?: number;
  /** Lifetime of a shop's access tokens (default 14400 s, 4 h) and refresh tokens (default 2592000 s, 30 days). */
  shopTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** Fault settings (none by default). */
  faults?: Partial<FaultSettings>;
  /** A JSON file keeping products, orders and grants across restarts (written atomically after every change), uploaded images beside it (`<name>-media/`); none: in memory. */
  stateFile?: string;
  /** Where seller-centre edits and bans are pushed, signed (events.ts); none: no pushes. */
  webhook?: VosoWebhookTarget;
}

/** What the state file holds (grants and media: added later, absent from older files). */
interface VosoSavedState {
  productCount: number;
  products: VosoProduct[];
  orders: OrderBookSnapshot;
  grants?: VosoGrantsSnapshot;
  media?: MediaSnapshot;
}

export interface VosoSandbox {
  url: string;
  port: number;
  state: VosoSandboxState;
  faults: FaultInjector;
  close(): Promise<void>;
  /** Places an order on active products (decrements their stock); returns it as the feed shows it. */
  placeOrder(input: PlaceOrderInput): VosoOrder;
  setOrderStatus(orderId: string, status: SandboxOrderStatus): VosoOrder;
  /** Makes every issued access token (of one shop, or all) expired, as if time had passed (the next API call gets 401). */
  expireTokens(shopId?: string): void;
  /** The seller withdraws the hub's access: every access and refresh token of the shop stops working. */
  revokeShop(shopId: string): void;
  /** Codes, tokens and refreshes (tests count refreshes). */
  grants: VosoGrantStore;
  /** The seller's approval at the consent page: the redirect URL (with code and state) voso sends the browser to. */
  approve(request: { authorizeUrl: string; shopId: string }): Promise<string>;
  /** Bans a product as voso's staff would (status banned with a reason). */
  ban(productId: string, reason: string): void;
  /** The event pushes to the webhook (counts, and a wait for those under way). */
  pusher: VosoPusher;
  /** Registers (or moves) the webhook URL pushes go to, signed with the sandbox's webhook secret. */
  setWebhookUrl(url: string): void;
}

const ORDER_STATUS: Readonly<Record<SandboxOrderStatus, VosoOrderStatus>> = {
  PLACED: 'new',
  CONFIRMED: 'confirmed',
  SHIPPED: 'shipping',
  DELIVERED: 'delivered',
  CANCELLED: 'cancelled',
  RETURNED: 'returned',
};

export async function startVosoSandbox(options: VosoSandboxOptions = {}): Promise<VosoSandbox> {
  const clients = options.clients ?? [VOSO_SANDBOX_CLIENT];
  const faults = new FaultInjector(options.faults);
  const grants = new VosoGrantStore({
    clientCredentials: options.tokenTtlSeconds ?? 3600,
    access: options.shopTokenTtlSeconds ?? 4 * 3600,
    refresh: options.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
  });
  const products = new ListingTable<VosoProduct>((p) => p.seller_sku);
  const orders = new OrderBook((n) => `VSO${String(n).padStart(9, '0')}`);
  const requestsByRoute = new Map<string, number>();
  let productCount = 0;
  let url = '';
  const pusher = createVosoPusher(options.webhook);
  // Uploaded images live beside the state file (voso.json → voso-media/), written once each.
  const media = new MediaStore(() => url, options.stateFile ? options.stateFile.replace(/\.json$/, '') + '-media' : undefined);
  const stateFile = options.stateFile
    ? new SandboxStateFile<VosoSavedState>(options.stateFile, () => ({ productCount, products: products.all(), orders: orders.snapshot(), grants: grants.snapshot(), media: media.snapshot() }))
    : null;
  const saved = stateFile?.load();
  if (saved) {
    productCount = saved.productCount;
    for (const product of saved.products) products.add(product.id, product);
    orders.restore(saved.orders, (order) => products.get(order.lines[0]?.listingId ?? '')?.shop_id ?? VOSO_SANDBOX_CLIENT_SHOP);
    grants.restore(saved.grants);
    media.restore(saved.media);
  }

  const state: VosoSandboxState = {
    products,
    orders,
    tokensIssued: 0,
    requestsByRoute,
    faultCounters: faults.counters,
    listingCountBySku: () => products.countBySku(),
    duplicateSkus: () => products.duplicateSkus(),
    liveDuplicateSkus: () => products.duplicateSkus((p) => p.status === 'active'),
  };

  const count = (route: string) => requestsByRoute.set(route, (requestsByRoute.get(route) ?? 0) + 1);

  function renderOrder(order: SandboxOrder): VosoOrder {
    return {
      order_id: order.id,
      status: ORDER_STATUS[order.status],
      items: order.lines.map((l) => ({ product_id: l.listingId, seller_sku: l.sellerSku, quantity: l.quantity, unit_price: l.unitPriceVnd })),
      total_amount: order.totalVnd,
      shipping_fee: order.shippingFeeVnd,
      buyer: { name: order.buyerName, phone: order.buyerPhone },
      created_at: vietnamTime(order.createdAt),
      updated_at: vietnamTime(order.updatedAt),
    };
  }

  function placeOrder(input: PlaceOrderInput): VosoOrder {
    const shops: string[] = [];
    const lines: SandboxOrderLine[] = input.lines.map((line) => {
      const product = products.forSku(line.sellerSku).find((p) => p.status === 'active' && (!input.shopId || p.shop_id === input.shopId));
      if (!product) throw new Error(`no active voso product with seller SKU ${line.sellerSku}${input.shopId ? ` in shop ${input.shopId}` : ''}`);
      if (product.stock < line.quantity) throw new Error(`product ${product.id} has ${product.stock} in stock, ${line.quantity} ordered`);
      shops.push(product.shop_id);
      return { listingId: product.id, sellerSku: line.sellerSku, quantity: line.quantity, unitPriceVnd: product.price };
    });
    const shopId = singleShop(shops);
    for (const line of lines) {
      const product = products.get(line.listingId) as VosoProduct;
      product.stock -= line.quantity;
      product.updated_at = vietnamTime(new Date());
    }
    return renderOrder(orders.place(shopId, lines, input));
  }

  function setOrderStatus(orderId: string, status: SandboxOrderStatus): VosoOrder {
    return renderOrder(orders.setStatus(orderId, status));
  }

  function authenticated(req: Request, res: Response): string | null {
    const match = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
    const shopId = match ? grants.shopOf(match[1] as string) : null;
    if (shopId) return shopId;
    res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
    sendError(res, 401, 'invalid_token', match ? 'the access token is unknown, expired or revoked: request a new one at /oauth2/token' : 'send Authorization: Bearer <access token>');
    return null;
  }

  function validProduct(body: unknown, res: Response, shopId = ''): body is VosoProductInput {
    const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const checks = new FieldChecks(input);
    checks.text('seller_sku', 1, 64, SELLER_SKU);
    checks.text('name', 3, 120);
    checks.text('description', 0, 3000);
    checks.oneOf('category_id', Object.keys(VOSO_CATEGORIES).map(Number));
    checks.oneOf('unit_code', VOSO_UNITS);
    checks.number('net_weight_g', 0, 100_000, { nullable: true, decimals: 0 });
    checks.integer('price', 1_000, 100_000_000);
    checks.integer('stock', 0, 100_000);
    checks.urls('images', 9);
    const problems = [
      ...checks.problems,
      ...attributeProblems('attributes', input.attributes, VOSO_REQUIRED_ATTRIBUTES[input.category_id as number] ?? []),
      ...media.check('images', input.images, shopId),
    ];
    if (problems.length === 0) return true;
    sendValidationError(res, 'validation_failed', problems);
    return false;
  }

  function pickInput(body: VosoProductInput): VosoProductInput {
    const { seller_sku, name, description, category_id, unit_code, net_weight_g, price, stock, images, attributes, package: pkg } = body;
    return { seller_sku, name: name.trim(), description, category_id, unit_code, net_weight_g, price, stock, images: [...images], attributes: attributes ?? [], package: pkg ?? null };
  }

  function findProduct(shopId: string, req: Request, res: Response): VosoProduct | undefined {
    const product = products.get(String(req.params.id));
    if (product?.shop_id === shopId) return product;
    sendError(res, 404, 'product_not_found', `no product ${String(req.params.id)} in this shop`);
    return undefined;
  }

  const ctx: VosoRouteContext = {
    clients,
    grants,
    clientShop: VOSO_SANDBOX_CLIENT_SHOP,
    products,
    orders,
    state,
    count,
    authenticated,
    validProduct,
    pickInput,
    findProduct,
    renderOrder,
    nextProductId: () => `VS${String(++productCount).padStart(8, '0')}`,
    productUrl: (id) => `${url}/p/${id}`,
  };

  const routes = (app: Express) => {
    registerOAuthRoutes(app, ctx);
    registerAuthorizeRoutes(app, ctx);
    registerMediaRoutes(app, ctx, media);
    registerProductRoutes(app, ctx);
    registerOrderRoutes(app, ctx);
    registerShopRoutes(app, ctx);
  };

  const app = createSandboxApp({
    faults,
    isWrite: (req) => req.method !== 'GET' && req.path.startsWith('/v1/'),
    isCreate: (req) => req.method === 'POST' && req.path === '/v1/products',
    routes,
    sellerCentre: (router) => registerSellerCentreRoutes(router, ctx, pusher),
    onChange: () => stateFile?.scheduleSave(),
    productPage: {
      path: '/p',
      render: (id) => {
        const p = products.get(id);
        return p ? { title: p.name, lines: [`${p.price.toLocaleString('vi-VN')} ₫ / ${p.unit_code}`, `Còn ${p.stock}`, `Trạng thái: ${p.status}`, p.description] } : null;
      },
    },
    control: {
      summary: () => ({
        marketplace: 'VOSO',
        products: products.size,
        duplicateSkus: products.duplicateSkus(),
        liveDuplicateSkus: state.liveDuplicateSkus(),
        orders: orders.all().length,
        tokensIssued: state.tokensIssued,
        webhookPushes: pusher.counts,
        faults: faults.current,
        faultCounters: faults.counters,
        requestsByRoute: Object.fromEntries(requestsByRoute),
      }),
      placeOrder,
      setOrderStatus,
      routes: (router) => registerShopControlRoutes(router, ctx),
    },
  });

  const listening = await listen(app, options.port ?? 0, options.host ?? '127.0.0.1');
  url = `http://${options.host ?? '127.0.0.1'}:${listening.port}`;
  return {
    url,
    port: listening.port,
    state,
    faults,
    close: async () => {
      await listening.close();
      await pusher.settled();
      stateFile?.flush();
    },
    placeOrder: (input) => {
      const order = placeOrder(input);
      stateFile?.scheduleSave();
      return order;
    },
    setOrderStatus: (orderId, status) => {
      const order = setOrderStatus(orderId, status);
      stateFile?.scheduleSave();
      return order;
    },
    pusher,
    setWebhookUrl: (webhookUrl) => pusher.setTarget({ url: webhookUrl, secret: options.webhook?.secret ?? VOSO_SANDBOX_WEBHOOK_SECRET }),
    expireTokens: (shopId) => {
      grants.expireAccessTokens(shopId);
      stateFile?.scheduleSave();
    },
    revokeShop: (shopId) => {
      grants.revokeShop(shopId);
      stateFile?.scheduleSave();
    },
    grants,
    approve: async ({ authorizeUrl, shopId }) => {
      // What the seller's browser does: post the consent form, follow nothing (the hub's callback is the redirect's target).
      const query = new URL(authorizeUrl).searchParams;
      const form = new URLSearchParams({ client_id: query.get('client_id') ?? '', redirect_uri: query.get('redirect_uri') ?? '', state: query.get('state') ?? '', shop_id: shopId, decision: 'approve' });
      const answer = await fetch(`${url}/oauth2/authorize`, { method: 'POST', body: form, redirect: 'manual' });
      const location = answer.headers.get('location');
      if (answer.status !== 302 || !location) throw new Error(`voso sandbox refused the authorisation: ${answer.status} ${await answer.text()}`);
      return location;
    },
    ban: (productId, reason) => {
      const product = products.get(productId);
      if (!product) throw new Error(`no product ${productId}`);
      Object.assign(product, { status: 'banned', ban_reason: reason, updated_at: vietnamTime(new Date()) });
      stateFile?.scheduleSave();
      pusher.push('product.banned', product);
    },
  };
}
