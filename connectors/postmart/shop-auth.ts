/**
 * A postmart shop authorising the hub (README.md, "Shop authorisation"): the seller authorises the
 * hub's partner id in postmart's seller centre and tells the hub the shop id; the partner key signs
 * every request for that shop. There is no token: a withdrawn authorisation is a 403
 * error_permission, which the adapter reports as AUTH.
 */
import type { ShopIdShops } from '../marketplace/shop-auth.js';
import { PostmartConnector, type PostmartSettings } from './adapter.js';

/** A seller SKU no hub product has (the hub's are HUB-<hex>): searching it reads nothing but proves the partner may act for the shop. */
const PROBE_SKU = 'hub-authorisation-check';

export const postmartShops: ShopIdShops<PostmartSettings> = {
  kind: 'SHOP_ID',
  verify: async (settings, shopId) => {
    await new PostmartConnector({ ...settings, shopId, maxSockets: 2 }).findListingsBySku(PROBE_SKU);
  },
  connect: (settings, access) => new PostmartConnector({ ...settings, shopId: access.shopId }),
};
