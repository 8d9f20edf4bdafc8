import express from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { HubConfig } from '../../../core/config.js';
import { listen } from '../../../core/http/listen.js';
import type { Logger } from '../../../core/logger.js';

/**
 * `hub worker` has no HTTP port of its own: with METRICS_PORT set it serves its counters
 * (sync-run-metrics.ts) and process metrics (`hub_worker_*`) at /metrics there, bound to
 * METRICS_HOST (127.0.0.1 by default). The outbox gauges come from any commerce replica.
 */
export async function serveWorkerMetrics(config: HubConfig, logger: Logger): Promise<{ registry: Registry; close(): Promise<void> }> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hub_worker_' });
  if (config.METRICS_PORT === undefined) return { registry, close: async () => undefined };
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  });
  const listening = await listen(app, config.METRICS_PORT, config.METRICS_HOST);
  const host = config.METRICS_HOST.includes(':') ? `[${config.METRICS_HOST}]` : config.METRICS_HOST;
  logger.info({ url: `http://${host}:${listening.port}/metrics` }, 'metrics listening');
  return { registry, close: () => listening.close() };
}
