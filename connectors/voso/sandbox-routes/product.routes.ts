import type { Express } from 'express';
import { FieldChecks } from '../../marketplace/sandbox/checks.js';
import { sendError, sendValidationError } from '../../marketplace/sandbox/respond.js';
import type { VosoProduct } from '../wire.js';
import { vietnamTime, type VosoRouteContext } from './route-context.js';

/** Products: create, look up by seller SKU, read, replace, price and stock, (de)activate. */
export function registerProductRoutes(app: Express, ctx: VosoRouteContext): void {
  app.post('/v1/products', (req, res) => {
    ctx.count('POST /v1/products');
    const shopId = ctx.authenticated(req, res);
    if (!shopId || !ctx.validProduct(req.body, res, shopId)) return;
    const id = ctx.nextProductId();
    const now = vietnamTime(new Date());
    // A product belongs to the shop whose token created it.
    const product: VosoProduct = { ...ctx.pickInput(req.body), id, shop_id: shopId, status: 'active', ban_reason: null, url: ctx.productUrl(id), created_at: now, updated_at: now };
    ctx.products.add(id, product);
    res.status(201).json({ product });
  });

  app.get('/v1/products', (req, res) => {
    ctx.count('GET /v1/products');
    const shopId = ctx.authenticated(req, res);
    if (!shopId) return;
    const sku = req.query.seller_sku;
    if (typeof sku !== 'string' || sku.length === 0) return sendError(res, 400, 'invalid_request', 'seller_sku is required');
    res.json({ products: ctx.products.forSku(sku).filter((p) => p.shop_id === shopId) });
  });

  app.get('/v1/products/:id', (req, res) => {
    ctx.count('GET /v1/products/:id');
    const shopId = ctx.authenticated(req, res);
    if (!shopId) return;
    const product = ctx.findProduct(shopId, req, res);
    if (product) res.json({ product });
  });

  app.put('/v1/products/:id', (req, res) => {
    ctx.count('PUT /v1/products/:id');
    const shopId = ctx.authenticated(req, res);
    if (!shopId) return;
    const product = ctx.findProduct(shopId, req, res);
    if (!product || !ctx.validProduct(req.body, res, shopId)) return;
    if (req.body.seller_sku !== product.seller_sku) {
      return sendValidationError(res, 'validation_failed', [{ field: 'seller_sku', message: `cannot change (is ${product.seller_sku})` }]);
    }
    Object.assign(product, ctx.pickInput(req.body), { updated_at: vietnamTime(new Date()) });
    res.json({ product });
  });

  app.put('/v1/products/:id/price-stock', (req, res) => {
    ctx.count('PUT /v1/products/:id/price-stock');
    const shopId = ctx.authenticated(req, res);
    if (!shopId) return;
    const product = ctx.findProduct(shopId, req, res);
    if (!product) return;
    const checks = new FieldChecks((req.body ?? {}) as Record<string, unknown>);
    checks.integer('price', 1_000, 100_000_000);
    checks.integer('stock', 0, 100_000);
    if (checks.problems.length > 0) return sendValidationError(res, 'validation_failed', checks.problems);
    product.price = req.body.price;
    product.stock = req.body.stock;
    product.updated_at = vietnamTime(new Date());
    res.json({ product });
  });

  for (const [action, status] of [['deactivate', 'inactive'], ['activate', 'active']] as const) {
    app.post(`/v1/products/:id/${action}`, (req, res) => {
      ctx.count(`POST /v1/products/:id/${action}`);
      const shopId = ctx.authenticated(req, res);
      if (!shopId) return;
      const product = ctx.findProduct(shopId, req, res);
      if (!product) return;
      if (product.status === 'banned') return sendError(res, 409, 'product_banned', `product ${product.id} is banned: ${product.ban_reason}`);
      product.status = status;
      product.updated_at = vietnamTime(new Date());
      res.json({ product });
    });
  }
}
