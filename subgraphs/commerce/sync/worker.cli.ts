import type { Command } from 'commander';
import type { CommandContext } from '../../../core/subgraph.js';

/**
 * `hub worker`: the commerce sync worker alone (no HTTP server), e.g. extra workers beside
 * `hub start` on PostgreSQL. On SQLite it idles while another worker holds the single-worker lease.
 */
export function registerWorkerCommand(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description('Run the commerce sync worker alone: publishes listings, keeps them in sync, pulls orders (Ctrl-C stops it)')
    .action(async () => {
      const hubConfig = context.config();
      // Loaded now, not with the program (cli/README.md): the connectors and the sync engine.
      const [{ databaseTarget, openDatabase }, { createLogger }, { flushTelemetry }, { defaultConnectors }, { serveWorkerMetrics }, { startSyncWorker }] = await Promise.all([
        import('../../../core/db/database.js'),
        import('../../../core/logger.js'),
        import('../../../core/tracing/telemetry-flush.js'),
        import('./default-connectors.js'),
        import('./worker-metrics-endpoint.js'),
        import('./worker-runtime.js'),
      ]);
      const logger = createLogger('commerce-worker', hubConfig.LOG_LEVEL);
      const { database } = context.subgraph;
      const orm = await openDatabase(database, databaseTarget(hubConfig, database.name));
      const metrics = await serveWorkerMetrics(hubConfig, logger);
      const task = await startSyncWorker(orm, hubConfig, logger, {}, defaultConnectors, metrics.registry);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      logger.info('stopping: finishing the jobs in flight');
      await task.stop({ graceMs: hubConfig.SHUTDOWN_TIMEOUT_MS });
      await orm.close(true);
      await metrics.close();
      await flushTelemetry();
    });
}
