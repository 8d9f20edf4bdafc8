import type { Express, Request, Response } from 'express';
import { marketplaceSettings } from '../../../connectors/marketplace/settings.js';
import type { SubgraphRuntime } from '../../../core/subgraph.js';
import { CallbackRefused, completeShopAuthorization } from './shop-connection.command.js';
import { registerShopRuntime } from './shop-runtime.js';
import { shopSecretBox, shopSettings } from './shop-settings.js';

export const SHOP_CALLBACK_PATH = '/shops/callback';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, line: string) => `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(line)}</p>`;
const param = (value: unknown) => (typeof value === 'string' && value.length <= 2048 ? value : undefined);

/**
 * GET /shops/callback?code=&state= (or ?error=&state=): where a marketplace sends the seller back
 * after the authorisation. The state must be one the hub issued (unused, within 15 minutes); the
 * code is traded for the shop's tokens. 200 with a page saying the shop is connected; 400 with why
 * not. Nothing secret is logged.
 */
export function shopCallbackRoutes(app: Express, runtime: SubgraphRuntime): void {
  const shops = { connectors: runtime.config.get(marketplaceSettings), settings: runtime.config.get(shopSettings), box: shopSecretBox(runtime.config) };
  registerShopRuntime(runtime.orm, shops);
  app.get(SHOP_CALLBACK_PATH, async (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    try {
      const connection = await completeShopAuthorization(runtime.orm.em.fork(), shops, {
        state: param(req.query.state),
        code: param(req.query.code),
        error: param(req.query.error),
      });
      runtime.logger.info({ audit: 'shop.authorization.complete', producerId: connection.producerId, marketplace: connection.marketplace }, 'shop connected');
      res.type('html').send(page('Đã kết nối cửa hàng', `The ${connection.marketplace} shop ${connection.shopId ?? ''} is connected to the hub; you can close this page.`));
    } catch (error) {
      if (!(error instanceof CallbackRefused)) {
        runtime.logger.error({ err: error }, 'shop authorisation callback failed');
        res.status(500).type('html').send(page('Không kết nối được', 'The hub could not complete the authorisation; try again later.'));
        return;
      }
      runtime.logger.info({ reason: error.message }, 'shop authorisation callback refused');
      res.status(400).type('html').send(page('Không kết nối được', error.message));
    }
  });
}

