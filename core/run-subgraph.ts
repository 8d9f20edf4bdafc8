import { subgraphPort, type HubConfig } from './config.js';
import { onShutdown } from './shutdown.js';
import type { SubgraphModule } from './subgraph.js';
import { startSubgraph } from './subgraph-server.js';

/**
 * Runs one subgraph as its own service (production topology): validated config, migrations,
 * optional pilot seed, background work, clean shutdown on SIGINT/SIGTERM.
 */
export async function runSubgraphService(module: SubgraphModule, config: HubConfig): Promise<void> {
  const subgraph = await startSubgraph(module, { config, port: subgraphPort(config, module.name), seed: config.seedPilot, background: true });
  onShutdown(() => subgraph.close(), (message) => subgraph.runtime.logger.info(message));
}
