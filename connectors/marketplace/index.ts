/**
 * What the rest of the hub imports from connectors/: the contract, the registry and its settings.
 *
 *   const connectors = createConnectors(config.get(marketplaceSettings));
 *
 * The sandboxes live in ./sandboxes.ts (not re-exported here, so production code does not load them).
 */
export * from './contract.js';
export { createConnectors, type ConnectorSettings } from './registry.js';
export { describeConnectorTargets, marketplaceSettings } from './settings.js';
