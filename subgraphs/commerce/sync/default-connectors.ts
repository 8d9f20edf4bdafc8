import type { MikroORM } from '@mikro-orm/core';
import { createConnectors, describeConnectorTargets, marketplaceSettings } from '../../../connectors/marketplace/index.js';
import type { HubConfig } from '../../../core/config.js';
import type { Logger } from '../../../core/logger.js';
import { ShopConnectorPool } from '../shops/shop-connector-pool.js';
import { shopSecretBox, shopSettings } from '../shops/shop-settings.js';
import type { ConnectorSet } from './sync-options.js';

/**
 * The connectors `npm start` and `hub worker` use: every registered adapter, with the settings of
 * the configuration (the local sandboxes unless `<CODE>_BASE_URL` and real credentials are set), and
 * each producer's own shop connection (shops/), falling back to the marketplace-wide credential
 * only where COMMERCE_SHOP_FALLBACK allows it.
 */
export async function defaultConnectors(config: HubConfig, logger: Logger, orm: MikroORM): Promise<ConnectorSet> {
  const settings = config.get(marketplaceSettings);
  const shops = config.get(shopSettings);
  logger.info({ marketplaces: describeConnectorTargets(settings), shopFallback: shops.fallback }, 'commerce sync: marketplace connectors');
  return { connectors: createConnectors(settings), shops: new ShopConnectorPool(orm, settings, shopSecretBox(config), shops, logger) };
}
