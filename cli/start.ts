import type { Command } from 'commander';
import type { HubConfig } from '../core/config.js';
import { SUBGRAPH_DEFINITIONS } from '../subgraphs/definitions.js';
import { isSubgraphName, SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/registry.js';

function subgraphNamed(name: string): SubgraphName {
  if (!isSubgraphName(name)) throw new Error(`Unknown subgraph "${name}". Subgraphs: ${SUBGRAPH_NAMES.join(', ')}.`);
  return name;
}

/**
 * `hub start`, `hub serve` and `hub migrate`. What they run (servers, sandboxes, the subgraphs'
 * GraphQL layer) is loaded when they run, so the other commands never carry it.
 */
export function registerStartCommands(program: Command, config: () => HubConfig): void {
  program
    .command('start')
    .description('Run the whole hub with one command: migrate, seed the pilot data (embedded mode), each subgraph in its own process, and the gateway')
    .action(async () => {
      const { startAll } = await import('./start-all.js');
      await startAll(config());
    });

  program
    .command('serve <service>')
    .description(`Run one service alone (production topology): gateway or a subgraph (${SUBGRAPH_NAMES.join(', ')})`)
    .action(async (service: string) => {
      const cfg = config();
      if (service === 'gateway') {
        await import('../gateway/main.js');
        return;
      }
      const name = subgraphNamed(service);
      const [{ runSubgraphService }, { SUBGRAPHS }] = await Promise.all([import('../core/run-subgraph.js'), import('../subgraphs/index.js')]);
      await runSubgraphService(SUBGRAPHS[name], cfg);
    });

  program
    .command('migrate [subgraph...]')
    .description('Apply pending database migrations (all subgraphs unless named) and exit')
    .action(async (names: string[]) => {
      const cfg = config();
      const { databaseTarget, openDatabase } = await import('../core/db/database.js');
      for (const name of names.length ? names : SUBGRAPH_NAMES) {
        const { database } = SUBGRAPH_DEFINITIONS[subgraphNamed(name)];
        const orm = await openDatabase(database, databaseTarget(cfg, database.name));
        const executed = await orm.getMigrator().getExecutedMigrations();
        console.log(`${name}: ${executed.length} migrations applied`);
        await orm.close(true);
      }
    });
}
