import { connectorSettingsFromEnv, createConnectors, describeConnectorTargets } from '../../../connectors/marketplace/index.js';
import type { HubConfig } from '../../../core/config.js';
import type { Logger } from '../../../core/logger.js';
import type { ConnectorSet } from './sync-options.js';

/**
 * The connectors `npm start` and `hub worker` use: the voso and postmart adapters, pointing at the
 * local sandboxes unless VOSO_BASE_URL / POSTMART_BASE_URL and real credentials are set
 * (connectors/marketplace/settings.ts).
 */
export async function defaultConnectors(_config: HubConfig, logger: Logger): Promise<ConnectorSet> {
  const settings = connectorSettingsFromEnv();
  logger.info({ marketplaces: describeConnectorTargets(settings) }, 'commerce sync: marketplace connectors');
  return { connectors: createConnectors(settings) };
}
