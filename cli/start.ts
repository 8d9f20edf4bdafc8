import type { Command } from 'commander';
import { subgraphPort, type HubConfig } from '../core/config.js';
import { databaseTarget, openDatabase } from '../core/db/database.js';
import { createLogger } from '../core/logger.js';
import { onShutdown } from '../core/shutdown.js';
import { runSubgraphService } from '../core/run-subgraph.js';
import { startSubgraph, type RunningSubgraph } from '../core/subgraph-server.js';
import { startGateway } from '../gateway/gateway-server.js';
import { SUBGRAPH_MODULES, SUBGRAPHS } from '../subgraphs/index.js';
import { isSubgraphName, SUBGRAPH_NAMES } from '../subgraphs/registry.js';
import { printBanner } from './banner.js';
import { startSandboxesUnlessConfigured } from './marketplace-sandboxes.js';

function moduleNamed(name: string) {
  if (!isSubgraphName(name)) throw new Error(`Unknown subgraph "${name}". Subgraphs: ${SUBGRAPH_NAMES.join(', ')}.`);
  return SUBGRAPHS[name];
}

/** Starts every subgraph and the gateway in this process: the embedded default of `npm start`. */
async function startAll(startConfig: HubConfig): Promise<void> {
  let config = startConfig;
  const logger = createLogger('hub', config.LOG_LEVEL);
  const running: RunningSubgraph[] = [];
  let sandboxes: Awaited<ReturnType<typeof startSandboxesUnlessConfigured>>['sandboxes'] = null;
  const stopAll = async () => {
    for (const service of running.reverse()) await service.close();
    await sandboxes?.close();
  };
  try {
    const marketplaces = await startSandboxesUnlessConfigured(config);
    sandboxes = marketplaces.sandboxes;
    config = marketplaces.config;
    for (const module of SUBGRAPH_MODULES) {
      running.push(
        await startSubgraph(module, { config, port: subgraphPort(config, module.name), host: '127.0.0.1', seed: config.seedPilot, background: true }),
      );
    }
    const gateway = await startGateway({
      config,
      port: config.PORT,
      subgraphUrls: Object.fromEntries(running.map((s) => [s.name, s.url])),
    });
    onShutdown(async () => {
      await gateway.close();
      await stopAll();
    }, (m) => logger.info(m));
    printBanner(config, gateway.url, marketplaces.targets);
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

export function registerStartCommands(program: Command, config: () => HubConfig): void {
  program
    .command('start')
    .description('Run the whole hub in one process: migrate, seed the pilot data (embedded mode), start the four subgraphs and the gateway')
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
