import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { MikroORM } from '@mikro-orm/core';
import { createAssertionVerifier } from './auth/gateway-assertion.js';
import { createTokenVerifier } from './auth/tokens.js';
import { schemaDetailsVisible, type HubConfig } from './config.js';
import path from 'node:path';
import { secureDataDirectory } from './db/file-permissions.js';
import { databaseTarget, openDatabase, type DatabaseTarget } from './db/database.js';
import { buildFederatedSchema } from './graphql/federated-schema.js';
import { internalErrorIdPlugin } from './graphql/internal-error-id.js';
import { requestEndPlugin } from './graphql/request-end.js';
import { textHygienePlugin } from './graphql/text-hygiene.js';
import { createErrorFormatter } from './graphql/format-error.js';
import { operationLimitOptions, subgraphOperationLimits } from './graphql/operation-limits.js';
import { trackHttpDrain } from './http/drain.js';
import type { SubgraphContext } from './graphql/context.js';
import { viewerCacheScopePlugin } from './graphql/viewer-cache-scope.js';
import { listen } from './http/listen.js';
import { createRequestContext } from './graphql/request-context.js';
import { isGraphQLPath, subgraphGraphQLHandler } from './http/subgraph-graphql.js';
import { createLogger, type Logger } from './logger.js';
import { createSubgraphMetrics } from './metrics/subgraph-metrics.js';
import type { BackgroundTask, SubgraphModule, SubgraphRuntime } from './subgraph.js';

export interface StartSubgraphOptions {
  config: HubConfig;
  port: number;
  host?: string;
  /** Load the pilot data (the embedded default does; production does not). */
  seed?: boolean;
  /** Run the subgraph's background work (workers). Tests may start it themselves. */
  background?: boolean;
  /** Override where the data lives (tests use a temporary SQLite file or PostgreSQL schema). */
  target?: DatabaseTarget;
  logger?: Logger;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  orm: MikroORM;
  runtime: SubgraphRuntime;
  close(): Promise<void>;
}

export async function startSubgraph(module: SubgraphModule, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const { config } = options;
  const logger = options.logger ?? createLogger(module.name, config.LOG_LEVEL);
  // First: production refuses to start without the gateway signing key (before touching the database).
  const verifyAssertion = createAssertionVerifier(config, module.name);
  const target = options.target ?? databaseTarget(config, module.name);
  if (target.kind === 'sqlite') {
    for (const fix of secureDataDirectory(path.dirname(target.file))) logger.warn(fix, 'data file was readable by other users: permissions tightened');
  }
  const orm = await openDatabase(module.database, target);
  const tasks: BackgroundTask[] = [];
  let apollo: ApolloServer<SubgraphContext> | undefined;
  try {
    if (options.seed && module.seedPilot) {
      const em = orm.em.fork();
      await module.seedPilot(em, config);
    }
    const verifyToken = await createTokenVerifier(config);
    const metrics = createSubgraphMetrics(module.name, { maxOperations: config.METRICS_MAX_OPERATIONS });
    metrics.observeDatabase(orm);
    const runtime: SubgraphRuntime = { config, orm, logger, verifyToken, metrics: metrics.registry };
    const schema = await buildFederatedSchema(module);
    // A subgraph's port faces callers too: the gateway's limits, with headroom for the query planner.
    const limits = subgraphOperationLimits(config);
    const limitOptions = operationLimitOptions(limits);
    apollo = new ApolloServer<SubgraphContext>({
      schema,
      // Production: no introspection and no "Did you mean ..." unless GRAPHQL_INTROSPECTION=true.
      introspection: schemaDetailsVisible(config),
      hideSchemaDetailsFromClientErrors: !schemaDetailsVisible(config),
      parseOptions: limitOptions.parseOptions,
      validationRules: limitOptions.validationRules,
      // The hub handles SIGINT/SIGTERM itself and stops every server in order (core/shutdown.ts).
      stopOnTerminationSignals: false,
      // The hub reports no traces to Apollo Studio; the gateway logs timings itself.
      // Cache hints (core/graphql/cache-hints.ts) become the answer's Cache-Control header, which the
      // gateway combines over every subgraph it asked; an answer that read the viewer is private.
      plugins: [ApolloServerPluginInlineTraceDisabled(), viewerCacheScopePlugin(), metrics.graphqlPlugin(), ...limitOptions.plugins, textHygienePlugin(), internalErrorIdPlugin(), requestEndPlugin()],
      includeStacktraceInErrorResponses: config.NODE_ENV !== 'production',
      formatError: createErrorFormatter({
        production: config.NODE_ENV === 'production',
        onInternalError: (error) => logger.error({ err: error }, 'unexpected error in a resolver'),
      }),
    });
    await apollo.start();

    const app = express();
    app.disable('x-powered-by');
    // /graphql is served on plain node:http (core/http/subgraph-graphql.ts); Express keeps the other
    // routes: /metrics, /health, /ready and the parts' own (a device heartbeat ingest ...).
    const graphql = subgraphGraphQLHandler({
      apollo,
      // Only the gateway may call /graphql: a signed assertion per request, checked before the body is read.
      verify: verifyAssertion,
      // Entity batches from the gateway are larger than what clients send it.
      maxBytes: Math.max(2 * 1024 * 1024, config.HTTP_MAX_BODY_BYTES * 4),
      maxOperationNameLength: limits.maxOperationNameLength,
      context: async (assertion) => createRequestContext(orm, logger, config, assertion),
      onError: (error) => logger.error({ err: error }, 'unexpected error serving /graphql'),
    });
    const httpServer = createServer((req, res) => {
      if (isGraphQLPath(req.url)) {
        metrics.observeHttp(req, res, '/graphql');
        void graphql(req, res);
      } else {
        app(req, res);
      }
    });
    const drain = trackHttpDrain(httpServer);
    metrics.httpMiddleware(app);
    // The subgraph's port is private (only the gateway and Prometheus reach it): /metrics lives there.
    app.get('/metrics', (req, res) => void metrics.serve(req, res));
    app.get('/health', (_req, res) => {
      res.json({ status: 'ok', service: module.name });
    });
    app.get('/ready', async (_req, res) => {
      // Draining (SIGTERM): still answering, but a load balancer should send nothing new.
      if (drain.draining) {
        res.status(503).json({ status: 'draining', service: module.name });
        return;
      }
      try {
        await orm.em.getConnection().execute('select 1');
        res.json({ status: 'ready', service: module.name });
      } catch (error) {
        res.status(503).json({ status: 'unavailable', service: module.name, reason: (error as Error).message });
      }
    });
    module.metrics?.(runtime);
    module.routes?.(app, runtime);
    const listening = await listen(httpServer, options.port, options.host ?? config.HOST);
    if (options.background && module.background) tasks.push(await module.background(runtime));
    const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${listening.port}/graphql`;
    logger.info({ url }, 'subgraph listening');
    return {
      name: module.name,
      url,
      port: listening.port,
      orm,
      runtime,
      async close() {
        // Requests in flight and the background jobs in flight finish (within SHUTDOWN_TIMEOUT_MS)
        // before the database closes under them.
        const settings = { delayMs: config.SHUTDOWN_DELAY_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS };
        const [drained] = await Promise.all([drain.drain(settings), Promise.all(tasks.map((task) => task.stop({ graceMs: settings.timeoutMs })))]);
        if (drained.cut) logger.warn({ cut: drained.cut }, 'shutdown deadline passed: requests still in flight were cut');
        await apollo?.stop();
        await orm.close(true);
        logger.info('subgraph stopped');
      },
    };
  } catch (error) {
    for (const task of tasks) await task.stop().catch(() => undefined);
    await apollo?.stop().catch(() => undefined);
    await orm.close(true);
    throw error;
  }
}
