import type { Express } from 'express';
import { sendError } from '../../marketplace/sandbox/respond.js';
import type { VosoRouteContext } from './route-context.js';

/** The token's shop's products (never another shop's), a page at a time: GET /v1/shop/products?offset=&limit=1..100 (default 50), oldest first. */
export function registerShopRoutes(app: Express, ctx: VosoRouteContext): void {
  app.get('/v1/shop/products', (req, res) => {
    ctx.count('GET /v1/shop/products');
    const shopId = ctx.authenticated(req, res);
    if (!shopId) return;
    const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
    const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
    if (!Number.isInteger(offset) || offset < 0) return sendError(res, 400, 'invalid_request', 'offset must be a whole number ≥ 0');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return sendError(res, 400, 'invalid_request', 'limit must be a whole number from 1 to 100');
    const all = ctx.products.all().filter((p) => p.shop_id === shopId);
    const products = all.slice(offset, offset + limit);
    res.json({ products, total: all.length, next_offset: offset + products.length < all.length ? offset + products.length : null });
  });
}
