/**
 * What the rest of the hub imports from connectors/: the contract, and connectors built from settings.
 *
 *   const connector = createConnector('VOSO', connectorSettingsFromEnv());
 *
 * The sandboxes live in ./sandboxes.ts (not re-exported here, so production code does not load them).
 */
import { PostmartConnector } from '../postmart/adapter.js';
import { VosoConnector } from '../voso/adapter.js';
import type { MarketplaceCode, MarketplaceConnector } from './contract.js';
import { connectorSettingsFromEnv, type ConnectorSettings } from './settings.js';

export * from './contract.js';
export {
  connectorSettingsFromEnv,
  describeConnectorTargets,
  isLocal,
  sandboxPortsFromEnv,
  DEFAULT_SANDBOX_PORTS,
  SANDBOX_CREDENTIALS,
  type ConnectorSettings,
} from './settings.js';
export type { VosoSettings } from '../voso/adapter.js';
export type { PostmartSettings } from '../postmart/adapter.js';

export const MARKETPLACES: readonly MarketplaceCode[] = ['VOSO', 'POSTMART'];

/** A connector for one marketplace. Each call makes a new one (its own token cache and sockets): keep it. */
export function createConnector(marketplace: MarketplaceCode, settings: ConnectorSettings = connectorSettingsFromEnv()): MarketplaceConnector {
  switch (marketplace) {
    case 'VOSO':
      return new VosoConnector(settings.voso);
    case 'POSTMART':
      return new PostmartConnector(settings.postmart);
    default:
      throw new Error(`no connector for marketplace ${String(marketplace)}`);
  }
}

/** One connector per marketplace. */
export function createConnectors(settings: ConnectorSettings = connectorSettingsFromEnv()): Record<MarketplaceCode, MarketplaceConnector> {
  return { VOSO: createConnector('VOSO', settings), POSTMART: createConnector('POSTMART', settings) };
}
