/**
 * The OpenTelemetry SDK of one hub process, loaded only when tracing is on (register.ts). Spans
 * come from the instrumentations, not from hand-written code: HTTP in and out (the gateway's
 * server span, axios calls to the marketplaces), express, GraphQL (parse, validate, execute and the
 * resolvers that do work), the subgraph fetches through undici, SQL through knex (SQLite and
 * PostgreSQL, as MikroORM runs it) and pg; @apollo/gateway adds its own spans (request, plan,
 * execute, one `gateway.fetch` per subgraph call). pino's lines get `trace_id` and `span_id`.
 * The exporter is the SDK's, configured by the standard OTEL_* variables (OTLP over HTTP/protobuf
 * by default); this process's service name is `OTEL_SERVICE_NAME` or the one tracing-switch.ts derives.
 */
import type { IncomingMessage } from 'node:http';
import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KnexInstrumentation } from '@opentelemetry/instrumentation-knex';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { setTelemetryFlush } from './telemetry-flush.js';

/** Probes and scrapes: a span per poll would drown the traces that matter. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

export async function startTracing(serviceName: string): Promise<void> {
  // The ESM loader hook wraps only the modules an instrumentation asked for (the channel tells it
  // which), so the rest of the graph loads as it would without tracing.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  // Traces only: the hub's metrics are Prometheus (/metrics) and its logs go to stdout. An operator
  // may still turn the SDK's metrics or logs export on with their standard variables.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';

  const sdk = new NodeSDK({
    // Not through process.env: the subgraph processes of `hub start` inherit it and name themselves.
    ...(process.env.OTEL_SERVICE_NAME ? {} : { serviceName }),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? '') }),
      new ExpressInstrumentation(),
      // Variable values stay out of spans (they carry personal data); trivial property reads make no span.
      new GraphQLInstrumentation({ allowValues: false, ignoreTrivialResolveSpans: true, mergeItems: true }),
      new UndiciInstrumentation(),
      // The worker polls the outbox all day: SQL outside a request or a job makes no trace of its own.
      new KnexInstrumentation({ requireParentSpan: true, maxQueryLength: 2_000 }),
      new PgInstrumentation({ requireParentSpan: true }),
      new PinoInstrumentation({ disableLogSending: true }),
    ],
  });
  sdk.start();
  setTelemetryFlush(async () => {
    await sdk.shutdown();
  });
  await waitForAllMessagesAcknowledged();
}
