import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one gateway: request latency by operation and errors by public code. */
export function createGatewayMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hub_gateway_' });
  const duration = new Histogram({
    name: 'hub_graphql_request_duration_seconds',
    help: 'GraphQL requests through the gateway, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'hub_graphql_errors_total',
    help: 'Errors returned to clients, by extensions.code and subgraph',
    labelNames: ['code', 'subgraph'] as const,
    registers: [registry],
  });
  // How well deduplication works for the traffic at hand: `shared="true"` calls cost the subgraph nothing.
  const subgraphCalls = new Counter({
    name: 'hub_gateway_subgraph_calls_total',
    help: 'Subgraph calls the query plans made, by subgraph; shared="true": joined an identical call in flight instead of going out',
    labelNames: ['subgraph', 'shared'] as const,
    registers: [registry],
  });
  return { registry, duration, errors, subgraphCalls };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
