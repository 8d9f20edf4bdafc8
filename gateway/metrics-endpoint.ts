import express, { type Express } from 'express';
import type { HubConfig } from '../core/config.js';
import { listen } from '../core/http/listen.js';
import type { Logger } from '../core/logger.js';
import type { GatewayMetrics } from './metrics.js';

export interface MetricsEndpoint {
  /** Where Prometheus scrapes, or null when /metrics is not served. */
  url: string | null;
  close(): Promise<void>;
}

/**
 * Where /metrics is served: on its own listener when METRICS_PORT is set (bound to METRICS_HOST,
 * 127.0.0.1 by default, so it stays off the public interface); otherwise on the public port,
 * except in production, where it is not served at all until METRICS_PORT says where.
 */
export async function serveMetrics(options: { config: HubConfig; metrics: GatewayMetrics; publicApp: Express; publicUrl: () => string; logger: Logger }): Promise<MetricsEndpoint> {
  const { config, metrics, logger } = options;
  const route = (app: Express) =>
    app.get('/metrics', async (_req, res) => {
      res.setHeader('content-type', metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    });
  if (config.METRICS_PORT !== undefined) {
    const app = express();
    app.disable('x-powered-by');
    route(app);
    const listening = await listen(app, config.METRICS_PORT, config.METRICS_HOST);
    const host = config.METRICS_HOST.includes(':') ? `[${config.METRICS_HOST}]` : config.METRICS_HOST;
    const url = `http://${host}:${listening.port}/metrics`;
    logger.info({ url }, 'metrics listening');
    return { url, close: () => listening.close() };
  }
  if (config.NODE_ENV === 'production') {
    logger.info('metrics are not served on the public port in production: set METRICS_PORT (and METRICS_HOST) to scrape them');
    return { url: null, close: async () => undefined };
  }
  route(options.publicApp);
  return { get url() { return options.publicUrl().replace(/\/graphql$/, '/metrics'); }, close: async () => undefined };
}
