import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { Express, NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { PUBLIC_ERROR_CODES } from '../errors.js';
import { createOperationLabels } from './operation-labels.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SQL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
/** The statement kinds SQL latency is labelled by (a bounded set: never the statement text). */
const SQL_KINDS = new Set(['select', 'insert', 'update', 'delete', 'begin', 'commit', 'rollback']);

/**
 * Prometheus metrics of one subgraph process, served on its own (private) port at /metrics. Every
 * label comes from a bounded set: the service name, the express route pattern, the status class,
 * the operation name (bounded like the gateway's), the public error codes, the SQL statement kind.
 */
export function createSubgraphMetrics(service: string, options: { maxOperations: number }) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'hub_subgraph_' });
  const labels = createOperationLabels({ max: options.maxOperations });
  const http = new Histogram({
    name: 'hub_subgraph_http_request_duration_seconds',
    help: 'HTTP requests to a subgraph, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const graphql = new Histogram({
    name: 'hub_subgraph_graphql_duration_seconds',
    help: 'GraphQL operations a subgraph ran (most from the gateway), by operation name',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'hub_subgraph_graphql_errors_total',
    help: 'Errors a subgraph returned, by extensions.code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const sql = new Histogram({
    name: 'hub_db_query_duration_seconds',
    help: 'SQL statements of a subgraph, by statement kind; outcome error when the database refused it',
    labelNames: ['kind', 'outcome'] as const,
    buckets: SQL_BUCKETS,
    registers: [registry],
  });
  let pool: (() => { used: number; free: number; pending: number; max: number }) | null = null;
  new Gauge({
    name: 'hub_db_pool_connections',
    help: 'Database connections of this process: used, free, pending acquires, and the pool maximum',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const state = pool?.();
      if (!state) return;
      for (const [key, value] of Object.entries(state)) this.set({ state: key }, value);
    },
  });

  const observeHttp = (req: IncomingMessage, res: ServerResponse, route: () => string) => {
    const started = performance.now();
    res.once('finish', () => {
      http.observe({ route: route(), method: req.method === 'GET' || req.method === 'POST' ? req.method : 'other', status: `${Math.floor(res.statusCode / 100)}xx` }, (performance.now() - started) / 1000);
    });
  };

  return {
    registry,
    /** Records each HTTP request's latency by the route it matched (unmatched paths share one label). */
    httpMiddleware(app: Express) {
      app.use((req: Request, res: Response, next: NextFunction) => {
        observeHttp(req, res, () => (req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.baseUrl || 'unmatched'));
        next();
      });
    },
    /** The same for a request served outside Express (the subgraph's /graphql on plain node:http). */
    observeHttp(req: IncomingMessage, res: ServerResponse, route: string) {
      observeHttp(req, res, () => route);
    },
    /** An Apollo plugin: latency by bounded operation name, errors by public code. */
    graphqlPlugin(): ApolloServerPlugin {
      return {
        async requestDidStart() {
          const started = performance.now();
          return {
            async willSendResponse({ response, operationName, operation }) {
              const ran = response.body.kind === 'single' ? response.body.singleResult.data !== undefined : true;
              graphql.observe({ operation: labels.label(operation ? operationName : null, ran) }, (performance.now() - started) / 1000);
              if (response.body.kind !== 'single') return;
              for (const error of response.body.singleResult.errors ?? []) {
                const code = String(error.extensions?.code ?? '');
                errors.inc({ code: PUBLIC_ERROR_CODES.has(code) ? code : 'OTHER' });
              }
            },
          };
        },
      };
    },
    /** SQL latency from the ORM's query builder (knex) events, and the pool's state at each scrape. */
    observeDatabase(orm: MikroORM) {
      const connection = orm.em.getConnection() as unknown as { getKnex?: () => KnexLike };
      const knex = connection.getKnex?.();
      if (!knex) return;
      const started = new Map<string, number>();
      const kindOf = (sqlText: unknown) => {
        const word = String(sqlText ?? '').trimStart().split(/\s/, 1)[0]!.toLowerCase();
        return SQL_KINDS.has(word) ? word : 'other';
      };
      const done = (outcome: 'ok' | 'error') => (_result: unknown, data: KnexQueryEvent) => {
        const at = started.get(data.__knexQueryUid);
        if (at === undefined) return;
        started.delete(data.__knexQueryUid);
        sql.observe({ kind: kindOf(data.sql), outcome }, (performance.now() - at) / 1000);
      };
      knex.on('query', (data: KnexQueryEvent) => void started.set(data.__knexQueryUid, performance.now()));
      knex.on('query-response', done('ok'));
      knex.on('query-error', done('error'));
      pool = () => {
        const tarn = knex.client.pool;
        if (!tarn) return { used: 0, free: 0, pending: 0, max: 0 };
        return { used: tarn.numUsed(), free: tarn.numFree(), pending: tarn.numPendingAcquires(), max: tarn.max };
      };
    },
    async serve(_req: Request, res: Response) {
      res.setHeader('content-type', registry.contentType);
      res.send(await registry.metrics());
    },
  };
}

interface KnexQueryEvent {
  __knexQueryUid: string;
  sql?: string;
}
interface KnexLike {
  on(event: string, listener: (...args: never[]) => void): void;
  client: { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number; max: number } };
}
