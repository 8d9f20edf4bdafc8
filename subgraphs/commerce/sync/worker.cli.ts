import type { Command } from 'commander';
import { databaseTarget, openDatabase } from '../../../core/db/database.js';
import { createLogger } from '../../../core/logger.js';
import { flushTelemetry } from '../../../core/tracing/telemetry-flush.js';
import type { CommandContext } from '../../../core/subgraph.js';
import { defaultConnectors } from './default-connectors.js';
import { serveWorkerMetrics } from './worker-metrics-endpoint.js';
import { startSyncWorker, type CommerceSyncSetup } from './worker-runtime.js';

/**
 * `hub worker`: the commerce sync worker alone (no HTTP server), e.g. extra workers beside
 * `hub start` on PostgreSQL. On SQLite it idles while another worker holds the single-worker lease.
 */
export function registerWorkerCommand(program: Command, context: CommandContext, setup: CommerceSyncSetup): void {
  program
    .command('worker')
    .description('Run the commerce sync worker alone: publishes listings, keeps them in sync, pulls orders (Ctrl-C stops it)')
    .action(async () => {
      const hubConfig = context.config();
      const logger = createLogger('commerce-worker', hubConfig.LOG_LEVEL);
      const { database } = context.subgraph;
      const orm = await openDatabase(database, databaseTarget(hubConfig, database.name));
      const metrics = await serveWorkerMetrics(hubConfig, logger);
      const task = await startSyncWorker(orm, hubConfig, logger, setup, defaultConnectors, metrics.registry);
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
