import type { Express } from 'express';
import { InvalidCursorError } from '../../marketplace/sandbox/order-book.js';
import { sendError } from '../../marketplace/sandbox/respond.js';
import { API, type PostmartRouteContext } from './route-context.js';

/** The signed shop's order list: GET /api/v2/order/get_order_list?cursor=&page_size=. */
export function registerOrderRoutes(app: Express, ctx: PostmartRouteContext): void {
  app.get(`${API}/order/get_order_list`, (req, res) => {
    ctx.count('get_order_list');
    const auth = ctx.verified(req, res);
    if (!auth) return;
    const size = req.query.page_size === undefined ? 20 : Number(req.query.page_size);
    if (!Number.isInteger(size) || size < 1 || size > 50) return sendError(res, 400, 'error_param', 'page_size must be a whole number from 1 to 50');
    try {
      const page = ctx.orders.page(auth.shopId, typeof req.query.cursor === 'string' && req.query.cursor ? req.query.cursor : undefined, size);
      ctx.ok(res, { order_list: page.orders.map(ctx.renderOrder), more: page.hasMore, next_cursor: page.nextCursor });
    } catch (error) {
      if (error instanceof InvalidCursorError) return sendError(res, 400, 'error_param', error.message);
      throw error;
    }
  });
}
