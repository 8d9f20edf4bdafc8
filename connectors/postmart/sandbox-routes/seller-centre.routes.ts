import type { Router } from 'express';
import { sellerEditProblems, sellerEditSchema } from '../../marketplace/sandbox/seller-edit.js';
import { sendError } from '../../marketplace/sandbox/respond.js';
import type { PostmartRecord } from '../sandbox-state.js';
import type { PostmartRouteContext } from './route-context.js';

/**
 * The seller centre as a seller uses it by hand, under /_sandbox/seller: a shop's items
 * (`?shop_id=`, default every shop), an edit (price, stock, name, unlist/list) and a copy with the
 * same item_sku (a seller listing a product twice). postmart pushes no events: the hub finds these
 * changes by its periodic audit.
 */
export function registerSellerCentreRoutes(router: Router, ctx: PostmartRouteContext): void {
  router.get('/listings', (req, res) => {
    const shop = typeof req.query.shop_id === 'string' ? req.query.shop_id : null;
    res.json({ items: ctx.items.all().filter((r) => !shop || r.shopId === shop).map(ctx.render) });
  });

  router.post('/listings/:id', (req, res) => {
    const record = ctx.items.get(String(req.params.id));
    if (!record) return sendError(res, 404, 'error_item_not_found', `no item ${String(req.params.id)}`);
    const parsed = sellerEditSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'error_param', sellerEditProblems(parsed.error));
    const edit = parsed.data;
    if (edit.priceVnd !== undefined) record.input.original_price = edit.priceVnd;
    if (edit.stock !== undefined) record.input.stock = edit.stock;
    if (edit.name !== undefined) record.input.item_name = edit.name;
    if (edit.active !== undefined) record.unlisted = !edit.active;
    record.updatedAt = Date.now();
    res.json({ item: ctx.render(record) });
  });

  router.post('/listings/:id/copy', (req, res) => {
    const original = ctx.items.get(String(req.params.id));
    if (!original) return sendError(res, 404, 'error_item_not_found', `no item ${String(req.params.id)}`);
    const now = Date.now();
    const copy: PostmartRecord = { ...original, input: { ...original.input, image_urls: [...original.input.image_urls] }, itemId: ctx.nextItemId(), unlisted: false, createdAt: now, updatedAt: now };
    ctx.items.add(String(copy.itemId), copy);
    res.status(201).json({ item: ctx.render(copy) });
  });
}
