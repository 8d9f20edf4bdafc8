import type { Request, Response, Router } from 'express';
import { sendError } from '../../marketplace/sandbox/respond.js';

const SHOP_ID = /^[0-9]{1,12}$/;

/** Control routes (never faulted) standing in for postmart's seller centre: a shop authorising the hub's partner, or withdrawing it. */
export function registerShopControlRoutes(router: Router, shops: { authorizeShop(shopId: string, partnerId?: string): void; revokeShop(shopId: string): void }): void {
  router.post('/shops/:shopId/authorize', (req: Request, res: Response) => {
    const shopId = String(req.params.shopId);
    if (!SHOP_ID.test(shopId)) return sendError(res, 400, 'error_param', 'shop_id: 1-12 digits');
    try {
      shops.authorizeShop(shopId, typeof req.body?.partnerId === 'string' ? req.body.partnerId : undefined);
    } catch (error) {
      return sendError(res, 404, 'error_auth', error instanceof Error ? error.message : String(error));
    }
    res.json({ authorized: shopId });
  });
  router.post('/shops/:shopId/revoke', (req: Request, res: Response) => {
    shops.revokeShop(String(req.params.shopId));
    res.json({ revoked: String(req.params.shopId) });
  });
}
