import { subgraphPort, type HubConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { onShutdown } from '../core/shutdown.js';
import { SUBGRAPH_NAMES } from '../subgraphs/registry.js';
import { startGateway } from '../gateway/gateway-server.js';
import { printBanner } from './banner.js';
import { startSandboxesUnlessConfigured } from './marketplace-sandboxes.js';
import { startMessagingSandboxesUnlessConfigured } from './messaging-sandboxes.js';
import { SubgraphSupervisor } from './subgraph-supervisor.js';

/**
 * The embedded default of `npm start`: each subgraph in its own process (own heap limit, restarted
 * if it dies, bound to 127.0.0.1), the gateway and the marketplace and messaging sandboxes in this one. Ctrl-C or
 * SIGTERM stops the gateway first, then every subgraph process, then the sandboxes.
 */
export async function startAll(config: HubConfig): Promise<void> {
  const logger = createLogger('hub', config.LOG_LEVEL);
  let supervisors: SubgraphSupervisor[] = [];
  let sandboxes: Awaited<ReturnType<typeof startSandboxesUnlessConfigured>>['sandboxes'] = null;
  let messaging: Awaited<ReturnType<typeof startMessagingSandboxesUnlessConfigured>>['sandboxes'] = null;
  const stopAll = async () => {
    await Promise.all(supervisors.map((s) => s.stop()));
    await sandboxes?.close();
    await messaging?.close();
  };
  try {
    // The sandboxes first: each subgraph process is told where they listen (its start-up settings).
    const marketplaces = await startSandboxesUnlessConfigured(config);
    sandboxes = marketplaces.sandboxes;
    const channels = await startMessagingSandboxesUnlessConfigured(config);
    messaging = channels.sandboxes;
    supervisors = SUBGRAPH_NAMES.map(
      (name) =>
        new SubgraphSupervisor({
          name,
          port: subgraphPort(config, name),
          heapMb: config.SUBGRAPH_MAX_OLD_SPACE_MB,
          maxRestartDelayMs: config.SUBGRAPH_RESTART_MAX_DELAY_MS,
          logger,
          env: { ...marketplaces.childEnv, ...channels.childEnv },
        }),
    );
    const urls = await Promise.all(supervisors.map((s) => s.start()));
    // Only now is the commerce subgraph's port known (COMMERCE_PORT=0): voso's pushes go there.
    const commerceUrl = urls[supervisors.findIndex((s) => s.name === 'commerce')];
    if (commerceUrl) marketplaces.routeWebhooks(commerceUrl);
    const gateway = await startGateway({
      config,
      port: config.PORT,
      subgraphUrls: Object.fromEntries(supervisors.map((s, i) => [s.name, urls[i]])),
    });
    onShutdown(async () => {
      // Ctrl-C reaches the subgraph processes too: none of them may be restarted from here on.
      for (const supervisor of supervisors) supervisor.stopRestarting();
      await gateway.close();
      await stopAll();
    }, (m) => logger.info(m));
    printBanner(config, gateway.url, marketplaces.targets, {
      subgraphs: supervisors.map((s, i) => ({ name: s.name, pid: s.pid, url: urls[i] })),
      metricsUrl: gateway.metricsUrl,
      channels: channels.targets,
    });
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

