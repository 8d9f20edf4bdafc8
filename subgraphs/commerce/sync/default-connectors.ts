import { createConnectors, describeConnectorTargets, marketplaceSettings } from '../../../connectors/marketplace/index.js';
import type { HubConfig } from '../../../core/config.js';
import type { Logger } from '../../../core/logger.js';
import type { ConnectorSet } from './sync-options.js';

/**
 * The connectors `npm start` and `hub worker` use: every registered adapter, with the settings of
 * the configuration (the local sandboxes unless `<CODE>_BASE_URL` and real credentials are set).
 */
export async function defaultConnectors(config: HubConfig, logger: Logger): Promise<ConnectorSet> {
  const settings = config.get(marketplaceSettings);
  logger.info({ marketplaces: describeConnectorTargets(settings) }, 'commerce sync: marketplace connectors');
  return { connectors: createConnectors(settings) };
}
