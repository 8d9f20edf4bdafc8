/**
 * The `hub` command. `start` runs everything (embedded default); `token` prints a token for the
 * embedded mode; each subgraph part adds its own commands (import, worker, reconcile, ...).
 */
import 'reflect-metadata';
import { Command } from 'commander';
import { sandboxSettings } from '../connectors/marketplace/sandbox/sandbox-settings.js';
import { messagingSandboxSettings } from '../connectors/messaging/sandbox/sandbox-settings.js';
import { ConfigError, type HubConfig } from '../core/config.js';
import { registerSubgraphCommands } from '../core/subgraph.js';
import { loadHubConfig, SUBGRAPH_DEFINITIONS } from '../subgraphs/definitions.js';
import { SUBGRAPH_NAMES } from '../subgraphs/registry.js';
import { registerBackupCommands } from './backup.js';
import { registerStartCommands } from './start.js';
import { registerTokenCommand } from './token.js';

let cached: HubConfig | undefined;
/** Config is read when a command runs, not at load, so `hub --help` works with a broken env. */
function config(): HubConfig {
  cached ??= loadHubConfig(process.env, [sandboxSettings, messagingSandboxSettings]);
  return cached;
}

const program = new Command()
  .name('hub')
  .description('commune-hub: the GraphQL federation hub for commune-level digital government')
  .showHelpAfterError();

registerStartCommands(program, config);
registerTokenCommand(program, config);
registerBackupCommands(program, config);
// Definitions only: a command loads its own code when it runs, and no command carries resolvers.
for (const name of SUBGRAPH_NAMES) registerSubgraphCommands(program, SUBGRAPH_DEFINITIONS[name], config);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`hub: ${error instanceof Error ? error.message : String(error)}`);
    if (cached?.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  }
  process.exitCode = 1;
});
