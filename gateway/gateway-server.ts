import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createTokenVerifier } from '../core/auth/tokens.js';
import { subgraphTimeoutMs, type HubConfig } from '../core/config.js';
import { listen } from '../core/http/listen.js';
import { REQUEST_ID_HEADER, requestIdFrom } from '../core/http/request-id.js';
import { createLogger, type Logger } from '../core/logger.js';
import type { GatewayContext } from './context.js';
import { createErrorFormatter } from '../core/graphql/format-error.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics.js';
import { createSubgraphConnections, HubSubgraphDataSource } from './subgraph-data-source.js';
import { supergraphFromFile } from './supergraph-file.js';

export interface StartGatewayOptions {
  config: HubConfig;
  port: number;
  host?: string;
  /** A supergraph SDL string (tests), or by default the file at config.SUPERGRAPH_PATH, reloaded on change. */
  supergraphSdl?: string;
  /** Routing URL per subgraph name, overriding the supergraph's (e.g. from GOVERNANCE_URL). */
  subgraphUrls?: Partial<Record<string, string>>;
  logger?: Logger;
  /** How often the supergraph file is checked for changes. */
  supergraphPollIntervalMs?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

function requestLogging(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, response, operationName }) {
          const status = response.http.status ?? 200;
          metrics.duration.observe({ operation: operationName ?? 'anonymous' }, (performance.now() - started) / 1000);
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              metrics.errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN'), subgraph: String(error.extensions?.serviceName ?? '') });
            }
          }
          contextValue.logger.info(
            { operationName, ms: Math.round(performance.now() - started), errors: errors?.length ?? 0, status },
            'graphql request',
          );
        },
      };
    },
  };
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata endpoints
  // (169.254.169.254) at start. A government hub sends nothing out unless its operator says so.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const logger = options.logger ?? createLogger('gateway', config.LOG_LEVEL);
  const verifyToken = await createTokenVerifier(config);
  const connections = createSubgraphConnections();
  const metrics = createGatewayMetrics();
  /** Where each subgraph is, as of the latest supergraph: /ready checks these. */
  const routing = new Map<string, string>();

  const supergraphSdl: string | SupergraphSdlHook = options.supergraphSdl ?? supergraphFromFile(config.SUPERGRAPH_PATH, logger, options.supergraphPollIntervalMs);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const resolved = options.subgraphUrls?.[name] ?? url;
      if (!resolved) throw new Error(`No routing URL for subgraph ${name}: set ${name.toUpperCase()}_URL`);
      routing.set(name, resolved);
      return new HubSubgraphDataSource(name, { url: resolved, fetcher: connections.fetcher(subgraphTimeoutMs(config, name)) });
    },
    logger: {
      debug: (m: unknown) => logger.debug(String(m)),
      info: (m: unknown) => logger.info(String(m)),
      warn: (m: unknown) => logger.warn(String(m)),
      error: (m: unknown) => logger.error(String(m)),
    },
  });

  const production = config.NODE_ENV === 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    // The hub handles SIGINT/SIGTERM itself and stops every server in order (core/shutdown.ts).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    formatError: createErrorFormatter({ production, onInternalError: (error) => logger.error({ err: error }, 'unexpected gateway error') }),
    plugins: [requestLogging(metrics)],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      [...routing].map(async ([name, url]) => {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
            body: JSON.stringify({ query: '{ __typename }' }),
            signal: AbortSignal.timeout(2000),
          });
          return { name, url, ready: response.ok };
        } catch {
          return { name, url, ready: false };
        }
      }),
    );
    const ready = checks.length > 0 && checks.every((c) => c.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs: checks });
  });
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        const authorization = req.headers.authorization;
        return { authorization, requestId, viewer: await verifyToken(authorization), logger: logger.child({ requestId }) };
      },
    }),
  );

  const listening = await listen(app, options.port, options.host ?? config.HOST);
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  const url = `http://${host}:${listening.port}/graphql`;
  logger.info({ url }, 'gateway listening');
  return {
    url,
    port: listening.port,
    async close() {
      await listening.close();
      await apollo.stop();
      await connections.close();
    },
  };
}
