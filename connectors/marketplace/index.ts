/**
 * What the rest of the hub imports from connectors/: the contract, the registry and its settings.
 *
 *   const connectors = createConnectors(config.get(marketplaceSettings));
 *
 * The sandboxes live in ./sandboxes.ts (not re-exported here, so production code does not load them).
 */
export * from './contract.js';
export { createConnectors, isMarketplaceCode, MARKETPLACE_ADAPTERS, MARKETPLACE_CODES, type ConnectorSettings, type MarketplaceCode } from './registry.js';
export { describeConnectorTargets, isLocal, marketplaceSettings } from './settings.js';
