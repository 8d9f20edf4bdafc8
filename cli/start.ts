import type { Command } from 'commander';
import { subgraphPort, type HubConfig } from '../core/config.js';
import { databaseTarget, openDatabase } from '../core/db/database.js';
import { createLogger } from '../core/logger.js';
import { onShutdown } from '../core/shutdown.js';
import { runSubgraphService } from '../core/run-subgraph.js';
import { SUBGRAPHS } from '../subgraphs/index.js';
import { isSubgraphName, SUBGRAPH_NAMES } from '../subgraphs/registry.js';
import { printBanner } from './banner.js';
import { startSandboxesUnlessConfigured } from './marketplace-sandboxes.js';
import { startMessagingSandboxesUnlessConfigured } from './messaging-sandboxes.js';
import { SubgraphSupervisor } from './subgraph-supervisor.js';

function moduleNamed(name: string) {
  if (!isSubgraphName(name)) throw new Error(`Unknown subgraph "${name}". Subgraphs: ${SUBGRAPH_NAMES.join(', ')}.`);
  return SUBGRAPHS[name];
}

/**
 * The embedded default of `npm start`: each subgraph in its own process (own heap limit, restarted
 * if it dies, bound to 127.0.0.1), the gateway and the marketplace and messaging sandboxes in this one. Ctrl-C or
 * SIGTERM stops the gateway first, then every subgraph process, then the sandboxes.
 */
async function startAll(config: HubConfig): Promise<void> {
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
    // Loaded here, not with the program: every other hub command (an import of a million rows)
    // would carry the gateway's modules, 19 MB and half a second of CPU.
    const { startGateway } = await import('../gateway/gateway-server.js');
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

export function registerStartCommands(program: Command, config: () => HubConfig): void {
  program
    .command('start')
    .description('Run the whole hub with one command: migrate, seed the pilot data (embedded mode), each subgraph in its own process, and the gateway')
    .action(() => startAll(config()));

  program
    .command('serve <service>')
    .description(`Run one service alone (production topology): gateway or a subgraph (${SUBGRAPH_NAMES.join(', ')})`)
    .action(async (service: string) => {
      const cfg = config();
      if (service === 'gateway') {
        await import('../gateway/main.js');
        return;
      }
      await runSubgraphService(moduleNamed(service), cfg);
    });

  program
    .command('migrate [subgraph...]')
    .description('Apply pending database migrations (all subgraphs unless named) and exit')
    .action(async (names: string[]) => {
      const cfg = config();
      for (const name of names.length ? names : SUBGRAPH_NAMES) {
        const module = moduleNamed(name);
        const orm = await openDatabase(module.database, databaseTarget(cfg, module.name));
        const executed = await orm.getMigrator().getExecutedMigrations();
        console.log(`${name}: ${executed.length} migrations applied`);
        await orm.close(true);
      }
    });
}
