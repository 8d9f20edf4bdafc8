import type { Express } from 'express';
import { FieldChecks } from '../../marketplace/sandbox/checks.js';
import { sendError, sendValidationError } from '../../marketplace/sandbox/respond.js';
import type { PostmartRecord } from '../sandbox-state.js';
import { API, type PostmartRouteContext } from './route-context.js';

/** Items: add, read, search by item_sku, price and stock, replace (back to review when rejected), unlist. */
export function registerProductRoutes(app: Express, ctx: PostmartRouteContext): void {
  app.post(`${API}/product/add_item`, (req, res) => {
    ctx.count('add_item');
    const auth = ctx.verified(req, res);
    if (!auth || !ctx.validItem(ctx.bodyOf(req), res, auth.shopId)) return;
    const now = Date.now();
    const record: PostmartRecord = {
      shopId: auth.shopId,
      itemId: ctx.nextItemId(),
      input: ctx.pickInput(ctx.bodyOf(req)),
      review: 'pending',
      reviewDueAt: now,
      rejectReason: null,
      unlisted: false,
      createdAt: now,
      updatedAt: now,
    };
    ctx.submitForReview(record, now);
    ctx.items.add(String(record.itemId), record);
    ctx.ok(res, { item: ctx.render(record) });
  });

  app.get(`${API}/product/get_item_base_info`, (req, res) => {
    ctx.count('get_item_base_info');
    const auth = ctx.verified(req, res);
    if (!auth) return;
    const record = ctx.findItem(auth.shopId, req.query.item_id, res);
    if (record) ctx.ok(res, { item: ctx.render(record) });
  });

  app.get(`${API}/product/search_item`, (req, res) => {
    ctx.count('search_item');
    const auth = ctx.verified(req, res);
    if (!auth) return;
    const sku = req.query.item_sku;
    if (typeof sku !== 'string' || sku.length === 0) return sendError(res, 400, 'error_param', 'item_sku is required');
    const found = ctx.items.forSku(sku).filter((r) => r.shopId === auth.shopId).map(ctx.render);
    ctx.ok(res, { items: found, total: found.length });
  });

  app.post(`${API}/product/update_price_stock`, (req, res) => {
    ctx.count('update_price_stock');
    const auth = ctx.verified(req, res);
    if (!auth) return;
    const body = ctx.bodyOf(req);
    const record = ctx.findItem(auth.shopId, body.item_id, res);
    if (!record) return;
    const checks = new FieldChecks(body);
    checks.integer('original_price', 1_000, 100_000_000);
    checks.integer('stock', 0, 100_000);
    if (checks.problems.length > 0) return sendValidationError(res, 'error_param', checks.problems);
    record.input.original_price = body.original_price as number;
    record.input.stock = body.stock as number;
    record.updatedAt = Date.now();
    ctx.ok(res, { item: ctx.render(record) });
  });

  app.post(`${API}/product/update_item`, (req, res) => {
    ctx.count('update_item');
    const auth = ctx.verified(req, res);
    if (!auth) return;
    const body = ctx.bodyOf(req);
    const record = ctx.findItem(auth.shopId, body.item_id, res);
    if (!record || !ctx.validItem(body, res, auth.shopId)) return;
    if (body.item_sku !== record.input.item_sku) {
      return sendValidationError(res, 'error_param', [{ field: 'item_sku', message: `cannot change (is ${record.input.item_sku})` }]);
    }
    const now = Date.now();
    ctx.settle(record, now);
    record.input = ctx.pickInput(body);
    record.updatedAt = now;
    // A rejected item goes back to review when edited; an approved one stays approved.
    if (record.review === 'rejected') ctx.submitForReview(record, now);
    ctx.ok(res, { item: ctx.render(record) });
  });

  app.post(`${API}/product/unlist_item`, (req, res) => {
    ctx.count('unlist_item');
    const auth = ctx.verified(req, res);
    if (!auth) return;
    const body = ctx.bodyOf(req);
    const record = ctx.findItem(auth.shopId, body.item_id, res);
    if (!record) return;
    if (typeof body.unlist !== 'boolean') return sendValidationError(res, 'error_param', [{ field: 'unlist', message: 'required true or false' }]);
    record.unlisted = body.unlist;
    record.updatedAt = Date.now();
    ctx.ok(res, { item: ctx.render(record) });
  });
}
