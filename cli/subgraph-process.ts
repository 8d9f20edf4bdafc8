/**
 * One subgraph in its own process, for `hub start` (cli/subgraph-supervisor.ts forks it):
 * `node --max-old-space-size=<MB> subgraph-process.js <name> <port> [seed]`. It tells its parent
 * where it listens once it is ready, stops cleanly on SIGINT/SIGTERM, and stops too when its parent
 * goes away (the IPC channel closes), so it never outlives the hub.
 */
import 'reflect-metadata';
import { onShutdown } from '../core/shutdown.js';
import { flushTelemetry } from '../core/tracing/telemetry-flush.js';
import { startSubgraph } from '../core/subgraph-server.js';
import { SUBGRAPHS } from '../subgraphs/index.js';
import { isSubgraphName, loadSubgraphConfig } from '../subgraphs/registry.js';

/** What the child tells the supervisor. */
export type SubgraphProcessMessage = { type: 'ready'; name: string; url: string; port: number };
/** What the supervisor tells the child: stop (over IPC, so it never counts as a second Ctrl-C). */
export type SupervisorMessage = { type: 'stop' };

const [name, portArg, seedArg] = process.argv.slice(2);
if (!name || !isSubgraphName(name)) {
  console.error(`subgraph-process: unknown subgraph "${name}"`);
  process.exit(1);
}
const module = SUBGRAPHS[name];
const config = loadSubgraphConfig(module);
const subgraph = await startSubgraph(module, { config, port: Number(portArg), host: '127.0.0.1', seed: seedArg === 'seed' && config.seedPilot, background: true });

let stopping: Promise<void> | undefined;
const stop = () => (stopping ??= subgraph.close());
const stopAndExit = () =>
  stop().then(
    () => flushTelemetry().then(() => process.exit(0)),
    () => process.exit(1),
  );
// Ctrl-C reaches this process with the rest of its group; `docker stop` or systemd send SIGTERM.
onShutdown(stop, (message) => subgraph.runtime.logger.info(message));
process.on('message', (message: SupervisorMessage) => {
  if (message?.type === 'stop') void stopAndExit();
});
process.on('disconnect', () => {
  subgraph.runtime.logger.warn('the hub process is gone: stopping');
  void stopAndExit();
});
const ready: SubgraphProcessMessage = { type: 'ready', name: module.name, url: subgraph.url, port: subgraph.port };
process.send?.(ready);
