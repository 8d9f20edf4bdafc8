import path from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createTokenVerifier } from '../core/auth/tokens.js';
import { explorerEnabled, responseCacheMb, schemaDetailsVisible, subgraphTimeoutMs, type HubConfig } from '../core/config.js';
import { gatewayOperationLimits, operationLimitOptions } from '../core/graphql/operation-limits.js';
import { trackHttpDrain } from '../core/http/drain.js';
import { graphqlBody } from '../core/http/graphql-body.js';
import { internalErrorIdPlugin } from '../core/graphql/internal-error-id.js';
import { textHygienePlugin } from '../core/graphql/text-hygiene.js';
import { listen } from '../core/http/listen.js';
import { callerRequestIdFrom, clientAddressOf, REQUEST_ID_HEADER } from '../core/http/request-id.js';
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, newRequestId, type GatewayAssertion } from '../core/auth/gateway-assertion.js';
import { createLogger, lazyChildLogger, type Logger } from '../core/logger.js';
import type { GatewayContext } from './context.js';
import { corsForGraphQL } from './cors.js';
import { createErrorFormatter } from '../core/graphql/format-error.js';
import { createGatewayMetrics } from './metrics.js';
import { serveMetrics } from './metrics-endpoint.js';
import { operationBudgetPlugin } from './operation-budget.js';
import { createOperationLabels } from '../core/metrics/operation-labels.js';
import { serveExplorer } from './explorer-route.js';
import { serveIoc } from './ioc-route.js';
import { requestLogging } from './request-logging.js';
import { responseCache } from './response-cache.js';
import { hubScalarsPlugin } from './scalar-validation.js';
import { createSubgraphConnections, HubSubgraphDataSource, signerFor } from './subgraph-data-source.js';
import { graphqlPostHandler } from './graphql-http.js';
import { supergraphFromFile } from './supergraph-file.js';
import { loadTrustedDocuments, persistedQueryStore, trustedDocumentsGuard } from './trusted-documents.js';

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
  /** The built IOC dashboard served at /ioc (default dist/ioc, from `npm run build`). */
  iocDir?: string;
  /** The built GraphQL explorer served at GET /graphql when it is on (default dist/explorer). */
  explorerDir?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Where /metrics is served (METRICS_PORT, or the public port outside production), or null. */
  metricsUrl: string | null;
  close(): Promise<void>;
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata endpoints
  // (169.254.169.254) at start. A government hub sends nothing out unless its operator says so.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const logger = options.logger ?? createLogger('gateway', config.LOG_LEVEL);
  const verifyToken = await createTokenVerifier(config);
  const connections = createSubgraphConnections({ deduplicate: config.GATEWAY_DEDUPLICATE_QUERIES });
  // Every subgraph request is signed (subgraphs answer nothing else); production refuses to start without the key.
  const sign = createAssertionSigner(config);
  const anonymousAssertion = (): GatewayAssertion => ({ viewer: null, requestId: newRequestId() });
  const metrics = createGatewayMetrics();
  const limits = gatewayOperationLimits(config);
  const limitOptions = operationLimitOptions(limits);
  const trusted = config.TRUSTED_DOCUMENTS_MANIFEST ? loadTrustedDocuments(config.TRUSTED_DOCUMENTS_MANIFEST, config.TRUSTED_DOCUMENTS_MODE) : undefined;
  const labels = createOperationLabels({ max: config.METRICS_MAX_OPERATIONS, registered: trusted?.names });
  /** Where each subgraph is, as of the latest supergraph: /ready checks these. */
  const routing = new Map<string, string>();

  const supergraphSdl: string | SupergraphSdlHook = options.supergraphSdl ?? supergraphFromFile(config.SUPERGRAPH_PATH, logger, options.supergraphPollIntervalMs);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const resolved = options.subgraphUrls?.[name] ?? url;
      if (!resolved) throw new Error(`No routing URL for subgraph ${name}: set ${name.toUpperCase()}_URL`);
      routing.set(name, resolved);
      // The counters' children are looked up once, not by their labels on every call.
      const ownCalls = metrics.subgraphCalls.labels({ subgraph: name, shared: 'false' });
      const sharedCalls = metrics.subgraphCalls.labels({ subgraph: name, shared: 'true' });
      const onCall = (shared: boolean) => (shared ? sharedCalls : ownCalls).inc();
      return new HubSubgraphDataSource(name, { url: resolved, fetcher: connections.fetcher(subgraphTimeoutMs(config, name), onCall), sign: signerFor(name, sign) });
    },
    logger: {
      debug: (m: unknown) => logger.debug(String(m)),
      info: (m: unknown) => logger.info(String(m)),
      warn: (m: unknown) => logger.warn(String(m)),
      error: (m: unknown) => logger.error(String(m)),
    },
  });

  const production = config.NODE_ENV === 'production';
  const app = express();
  app.disable('x-powered-by');
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Production: no introspection and no "Did you mean ..." unless GRAPHQL_INTROSPECTION=true.
    introspection: schemaDetailsVisible(config),
    hideSchemaDetailsFromClientErrors: !schemaDetailsVisible(config),
    // The hub handles SIGINT/SIGTERM itself and stops every server in order (core/shutdown.ts).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    formatError: createErrorFormatter({ production, onInternalError: (error) => logger.error({ err: error }, 'unexpected gateway error') }),
    // Limits are checked after parsing and before the query planner sees the operation.
    parseOptions: limitOptions.parseOptions,
    validationRules: limitOptions.validationRules,
    maxRecursiveSelections: true,
    // APQ in a bounded LRU cache, and the trusted documents of TRUSTED_DOCUMENTS_MANIFEST.
    persistedQueries: persistedQueryStore({ cacheMb: config.APQ_CACHE_MB, trusted }),
    plugins: [
      // Apollo's landing pages load their explorer from a CDN, which a commune network may not reach;
      // the hub serves its own bundled GraphiQL instead (gateway/explorer-route.ts).
      ApolloServerPluginLandingPageDisabled(),
      requestLogging(metrics, labels, (name) => routing.has(name), logger),
      hubScalarsPlugin(),
      // Control characters and broken Unicode are refused here already; each subgraph checks again.
      textHygienePlugin(),
      internalErrorIdPlugin(),
      ...limitOptions.plugins,
      operationBudgetPlugin({ timeoutMs: config.OPERATION_TIMEOUT_MS, maxResponseBytes: config.OPERATION_MAX_RESPONSE_BYTES }),
      // Public, cacheable answers (the subgraphs' cache hints) from memory: RESPONSE_CACHE_MB, 0 = off.
      ...responseCache({ cacheMb: responseCacheMb(config) }),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    if (drain.draining) {
      res.status(503).json({ status: 'draining', subgraphs: [] });
      return;
    }
    const checks = await Promise.all(
      [...routing].map(async ([name, url]) => {
        try {
          const body = JSON.stringify({ query: '{ __typename }' });
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', [GATEWAY_ASSERTION_HEADER]: await sign(name, anonymousAssertion(), body) },
            body,
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
  serveIoc(app, options.iocDir ?? path.resolve('dist/ioc'));
  if (explorerEnabled(config)) serveExplorer(app, options.explorerDir ?? path.resolve('dist/explorer'));
  const cors = corsForGraphQL(config);
  app.use('/graphql', cors);
  // A preflight from an origin that is not allowed: answered, without CORS headers.
  app.options('/graphql', (_req, res) => {
    res.setHeader('allow', 'GET, POST, OPTIONS');
    res.status(204).end();
  });
  const context = async ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Promise<GatewayContext> => {
    // The id is always the gateway's; the caller's is kept apart (logged, passed on for correlation).
    const requestId = newRequestId();
    const callerRequestId = callerRequestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const authorization = req.headers.authorization;
    const clientAddress = clientAddressOf(req, config.TRUSTED_PROXY_HEADER, config.TRUSTED_PROXIES);
    const viewer = await verifyToken(authorization);
    return Object.assign(lazyChildLogger(logger, { requestId, ...(callerRequestId ? { callerRequestId } : {}) }), { authorization, requestId, callerRequestId, clientAddress, viewer });
  };
  // POST /graphql, what nearly every request is, goes straight to Apollo Server (graphql-http.ts);
  // every other route and any unusual request (compressed, another charset) goes through express.
  const graphqlPost = graphqlPostHandler({ apollo, cors, maxBytes: config.HTTP_MAX_BODY_BYTES, maxOperationNameLength: limits.maxOperationNameLength, trusted, context });
  const httpServer = createServer((req, res) => {
    if (!graphqlPost(req, res)) app(req, res);
  });
  // A caller that trickles its request in (slow-loris) is cut off instead of holding a socket.
  httpServer.requestTimeout = 30_000;
  // SIGTERM: /ready fails, then no new connection, and requests in flight are answered (core/http/drain.ts).
  const drain = trackHttpDrain(httpServer);
  app.use(
    '/graphql',
    ...graphqlBody({ maxBytes: config.HTTP_MAX_BODY_BYTES, maxOperationNameLength: limits.maxOperationNameLength }),
    ...(trusted ? [trustedDocumentsGuard(trusted)] : []),
    expressMiddleware(apollo, { context }),
  );

  let url = '';
  const metricsEndpoint = await serveMetrics({ config, metrics, publicApp: app, publicUrl: () => url, logger });
  const listening = await listen(httpServer, options.port, options.host ?? config.HOST);
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  url = `http://${host}:${listening.port}/graphql`;
  logger.info({ url }, 'gateway listening');
  return {
    url,
    port: listening.port,
    metricsUrl: metricsEndpoint.url,
    async close() {
      const drained = await drain.drain({ delayMs: config.SHUTDOWN_DELAY_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      if (drained.cut) logger.warn({ cut: drained.cut }, 'shutdown deadline passed: requests still in flight were cut');
      await apollo.stop();
      await metricsEndpoint.close();
      await connections.close();
    },
  };
}
