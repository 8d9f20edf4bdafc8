import type { MikroORM } from '@mikro-orm/core';
import type { HubConfig } from '../../../core/config.js';
import type { Logger } from '../../../core/logger.js';
import type { BackgroundTask } from '../../../core/subgraph.js';
import type { Registry } from 'prom-client';
import { DriftAuditor } from '../drift/drift-auditor.js';
import { driftSettings } from '../drift/drift-settings.js';
import { SyncWorker } from './sync-worker.js';
import { createSyncRunMetrics } from './sync-run-metrics.js';
import { syncSettings, type ConnectorSet, type SyncOptions } from './sync-options.js';

/** How the commerce part gets its connectors and worker settings; tests and benchmarks pass their own. */
export interface CommerceSyncSetup {
  /** Builds the connectors for this process (default: connectors/marketplace's factory, against the sandboxes unless configured). */
  connectors?(config: HubConfig, logger: Logger): Promise<ConnectorSet>;
  /** Overrides of the COMMERCE_SYNC_* defaults. */
  options?: Partial<SyncOptions>;
  /** False: no worker inside the subgraph (run `hub worker` instead). */
  runWorker?: boolean;
}

export function resolveSyncOptions(config: HubConfig, setup: CommerceSyncSetup): SyncOptions {
  const base = config.get(syncSettings);
  return { ...base, ...setup.options, ratePerSecond: { ...base.ratePerSecond, ...setup.options?.ratePerSecond } };
}

/** Starts a worker over `orm` and returns it with a stop that also releases the connectors; its counters go to `metrics` when given. */
export async function startSyncWorker(
  orm: MikroORM,
  config: HubConfig,
  logger: Logger,
  setup: CommerceSyncSetup,
  defaultConnectors: (config: HubConfig, logger: Logger) => Promise<ConnectorSet>,
  metrics?: Registry,
): Promise<BackgroundTask & { worker: SyncWorker }> {
  const connectorSet = await (setup.connectors ?? defaultConnectors)(config, logger);
  const options = resolveSyncOptions(config, setup);
  const worker = new SyncWorker(orm, connectorSet, options, logger, metrics && createSyncRunMetrics(metrics)).start();
  // The audit shares the worker's rate limiters, and reads the order feeds first when they are pulled at all.
  const auditor = new DriftAuditor(orm, connectorSet, config.get(driftSettings), logger, {
    limiter: (m) => worker.limiter(m),
    pullOrders: options.orderPollMs > 0 ? (m) => worker.pullOrders(m) : undefined,
  }).start();
  return {
    worker,
    async stop(options) {
      await auditor.stop();
      await worker.stop(options);
      await connectorSet.close?.();
    },
  };
}
