import type { Express } from 'express';
import { InvalidCursorError } from '../../marketplace/sandbox/order-book.js';
import { sendError } from '../../marketplace/sandbox/respond.js';
import type { VosoRouteContext } from './route-context.js';

/** The order feed of the token's shop: GET /v1/orders?cursor=&limit=. */
export function registerOrderRoutes(app: Express, ctx: VosoRouteContext): void {
  app.get('/v1/orders', (req, res) => {
    ctx.count('GET /v1/orders');
    const shopId = ctx.authenticated(req, res);
    if (!shopId) return;
    const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return sendError(res, 400, 'invalid_request', 'limit must be a whole number from 1 to 100');
    try {
      const page = ctx.orders.page(shopId, typeof req.query.cursor === 'string' ? req.query.cursor : undefined, limit);
      res.json({ orders: page.orders.map(ctx.renderOrder), next_cursor: page.nextCursor, has_more: page.hasMore });
    } catch (error) {
      if (error instanceof InvalidCursorError) return sendError(res, 400, 'invalid_cursor', error.message);
      throw error;
    }
  });
}
