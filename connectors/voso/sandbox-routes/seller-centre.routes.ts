import type { Router } from 'express';
import { sellerEditProblems, sellerEditSchema } from '../../marketplace/sandbox/seller-edit.js';
import { sendError } from '../../marketplace/sandbox/respond.js';
import type { VosoPusher } from '../sandbox-webhook.js';
import type { VosoProduct } from '../wire.js';
import { vietnamTime, type VosoRouteContext } from './route-context.js';

/**
 * The seller centre (mc.voso.vn) as a seller uses it by hand, under /_sandbox/seller: the shop's
 * products, an edit (price, stock, name, deactivate/activate) and a copy with the same seller SKU (a
 * seller listing a product twice). Each change is pushed to the webhook, as voso would.
 */
export function registerSellerCentreRoutes(router: Router, ctx: VosoRouteContext, pusher: VosoPusher): void {
  router.get('/listings', (_req, res) => {
    res.json({ products: ctx.products.all() });
  });

  router.post('/listings/:id', (req, res) => {
    const product = ctx.products.get(String(req.params.id));
    if (!product) return sendError(res, 404, 'product_not_found', `no product ${String(req.params.id)}`);
    const parsed = sellerEditSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'validation_failed', sellerEditProblems(parsed.error));
    if (parsed.data.active !== undefined && product.status === 'banned') return sendError(res, 409, 'product_banned', `product ${product.id} is banned`);
    const edit = parsed.data;
    if (edit.priceVnd !== undefined) product.price = edit.priceVnd;
    if (edit.stock !== undefined) product.stock = edit.stock;
    if (edit.name !== undefined) product.name = edit.name;
    if (edit.active !== undefined) product.status = edit.active ? 'active' : 'inactive';
    product.updated_at = vietnamTime(new Date());
    pusher.push(edit.active === false ? 'product.deactivated' : edit.active ? 'product.activated' : 'product.updated', product);
    res.json({ product });
  });

  router.post('/listings/:id/copy', (req, res) => {
    const original = ctx.products.get(String(req.params.id));
    if (!original) return sendError(res, 404, 'product_not_found', `no product ${String(req.params.id)}`);
    const id = ctx.nextProductId();
    const now = vietnamTime(new Date());
    const copy: VosoProduct = { ...original, images: [...original.images], id, status: 'active', ban_reason: null, url: ctx.productUrl(id), created_at: now, updated_at: now };
    ctx.products.add(id, copy);
    pusher.push('product.created', copy);
    res.status(201).json({ product: copy });
  });
}
