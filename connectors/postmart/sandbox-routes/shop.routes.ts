import type { Express } from 'express';
import { sendError } from '../../marketplace/sandbox/respond.js';
import { API, type PostmartRouteContext } from './route-context.js';

/** The signed shop's items, a page at a time: GET /api/v2/product/get_item_list?offset=&page_size=1..100 (default 50), oldest first. */
export function registerShopRoutes(app: Express, ctx: PostmartRouteContext): void {
  app.get(`${API}/product/get_item_list`, (req, res) => {
    ctx.count('get_item_list');
    const auth = ctx.verified(req, res);
    if (!auth) return;
    const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
    const size = req.query.page_size === undefined ? 50 : Number(req.query.page_size);
    if (!Number.isInteger(offset) || offset < 0) return sendError(res, 400, 'error_param', 'offset must be a whole number ≥ 0');
    if (!Number.isInteger(size) || size < 1 || size > 100) return sendError(res, 400, 'error_param', 'page_size must be a whole number from 1 to 100');
    const mine = ctx.items.all().filter((r) => r.shopId === auth.shopId);
    const page = mine.slice(offset, offset + size);
    ctx.ok(res, { items: page.map(ctx.render), total_count: mine.length, has_next_page: offset + page.length < mine.length, next_offset: offset + page.length });
  });
}
