import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../connectors/marketplace/sandboxes.js';
import { PILOT_PRODUCTS, pilotProductId } from '../../subgraphs/commerce/seed/pilot-catalogue.js';
import { SUBGRAPH_NAMES } from '../../subgraphs/registry.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL } from '../helpers/graphql-client.js';
import { startOtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver.js';
import { startProcess, type StartedProcess } from '../helpers/start-process.js';
import { producerToken, waitFor } from '../subgraphs/commerce/support/commerce-harness.js';

const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');
const SERVER = 2;
const CLIENT = 3;

/** A SQL statement's span (knex on both dialects, pg under it on PostgreSQL). */
const isSql = (span: ReceivedSpan) => span.attributes['db.system'] !== undefined || span.attributes['db.system.name'] !== undefined;

/** A W3C traceparent as a client would send it: a fresh trace, the client's span, sampled. */
function clientTrace(): { traceId: string; spanId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** The spans of one trace, and the walk from a span up to the trace's root. */
function traceOf(spans: ReceivedSpan[], traceId: string) {
  const mine = spans.filter((s) => s.traceId === traceId);
  const byId = new Map(mine.map((s) => [s.spanId, s]));
  const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
    const chain: ReceivedSpan[] = [];
    for (let at = byId.get(span.parentSpanId); at; at = byId.get(at.parentSpanId)) chain.push(at);
    return chain;
  };
  return { spans: mine, byId, ancestors };
}

/**
 * The done-when test of production tracing: the production topology as separate processes on
 * PostgreSQL (`hub migrate` first, `hub serve` for each subgraph and the gateway, `hub worker`),
 * every process exporting to an OTLP receiver in this test. A client's traceparent must reach
 * every subgraph through the gateway's query plan, SQL must hang under the subgraph that ran it,
 * and a product publish must read as one trace down to the worker's call to the marketplace sandbox.
 */
describe.skipIf(!TEST_DATABASE_URL)('production topology on PostgreSQL: one trace from the client to the marketplace (set TEST_DATABASE_URL to run)', () => {
  let env: TestEnvironment;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let sandboxes: MarketplaceSandboxes;
  const processes: StartedProcess[] = [];
  let gatewayUrl: string;
  let commerceMetricsUrl: string;
  let workerMetricsUrl: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: true });
    receiver = await startOtlpReceiver();
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 3_600_000 });
    const common = {
      NODE_ENV: 'test',
      // The pilot's first-start publication would queue eleven jobs ahead of the one this test follows.
      COMMERCE_PILOT_PUBLISH: 'false',
      LOG_LEVEL: 'info',
      HUB_DATA_DIR: env.dataDir,
      DATABASE_URL: env.config.DATABASE_URL!,
      HOST: '127.0.0.1',
      VOSO_BASE_URL: sandboxes.settings.VOSO.baseUrl,
      POSTMART_BASE_URL: sandboxes.settings.POSTMART.baseUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: '',
    };
    const migrate = startProcess('node', ['dist/cli/hub.js', 'migrate'], common);
    const migrated = migrate.child.exitCode ?? (await new Promise<number | null>((resolve) => migrate.child.once('exit', resolve)));
    expect(migrated, migrate.output()).toBe(0);

    const urls: Record<string, string> = {};
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const subgraph = startProcess('node', ['dist/cli/hub.js', 'serve', name], { ...common, HUB_SEED: 'pilot', [`${name.toUpperCase()}_PORT`]: '0' });
        processes.push(subgraph);
        const [, url] = await subgraph.waitFor(/"url":"(http:\/\/[^"]+\/graphql)"[^\n]*subgraph listening/, 300_000);
        urls[`${name.toUpperCase()}_URL`] = url!;
      }),
    );
    // A loaded CI machine answers the first requests slowly: the deadlines are not what this test is about.
    const patience = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_TIMEOUT_MS`, '60000']));
    const gateway = startProcess('node', ['dist/cli/hub.js', 'serve', 'gateway'], { ...common, ...urls, ...patience, OPERATION_TIMEOUT_MS: '60000', PORT: '0' });
    processes.push(gateway);
    gatewayUrl = (await gateway.waitFor(/"url":"(http:\/\/[^"]+\/graphql)"[^\n]*gateway listening/, 300_000))[1]!;
    commerceMetricsUrl = urls.COMMERCE_URL!.replace(/\/graphql$/, '/metrics');
    const worker = startProcess('node', ['dist/cli/hub.js', 'worker'], { ...common, METRICS_PORT: '0' });
    processes.push(worker);
    workerMetricsUrl = (await worker.waitFor(/"url":"(http:\/\/[^"]+\/metrics)"[^\n]*metrics listening/, 300_000))[1]!;
  }, 900_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop({ timeoutMs: 20_000 })));
    await sandboxes?.close();
    await receiver?.close();
    await env?.cleanup();
  });

  it('follows the README sample query from the client through the gateway to all four subgraphs and their SQL', async () => {
    const client = clientTrace();
    const answer = await postGraphQL<{ commune: { name: string } }>(gatewayUrl, SAMPLE, { code: '05068', on: '2021-06-01' }, { traceparent: client.traceparent });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.commune.name).toBe('Nam Thượng');

    const subgraphServices = SUBGRAPH_NAMES.map((name) => `commune-hub-${name}`);
    const serverSpansOf = () => traceOf(receiver.spans, client.traceId).spans.filter((s) => s.kind === SERVER && subgraphServices.includes(s.service));
    await expect.poll(() => new Set(serverSpansOf().map((s) => s.service)).size, { timeout: 90_000 }).toBe(4);
    // Spans of one request arrive in several exports: wait until the SQL of every subgraph is in.
    const trace = () => traceOf(receiver.spans, client.traceId);
    const sqlUnder = (service: string) => trace().spans.filter((s) => s.service === service && isSql(s));
    await expect.poll(() => subgraphServices.filter((service) => sqlUnder(service).length > 0).length, { timeout: 90_000 }).toBe(4);
    // A parent ends (and is exported) after its children: wait until every span's chain is in.
    const rooted = () => {
      const { spans, ancestors } = trace();
      return spans.filter((s) => s.parentSpanId !== client.spanId && ancestors(s).at(-1)?.parentSpanId !== client.spanId).length;
    };
    await expect.poll(rooted, { timeout: 90_000 }).toBe(0);

    const { spans, ancestors } = trace();
    // The gateway's server span continues the client's span: the client's traceparent was honoured.
    const gatewayServer = spans.find((s) => s.service === 'commune-hub-gateway' && s.kind === SERVER);
    expect(gatewayServer?.parentSpanId).toBe(client.spanId);

    for (const name of SUBGRAPH_NAMES) {
      const service = `commune-hub-${name}`;
      const servers = spans.filter((s) => s.service === service && s.kind === SERVER);
      expect(servers.length).toBeGreaterThan(0);
      for (const server of servers) {
        // subgraph server span ← the gateway's HTTP client call ← Apollo's gateway.fetch for this subgraph ← ... ← the gateway's server span.
        const up = ancestors(server);
        expect(up[0]).toMatchObject({ service: 'commune-hub-gateway', kind: CLIENT });
        expect(up.find((s) => s.name === 'gateway.fetch')?.attributes.service).toBe(name);
        expect(up.at(-1)?.spanId).toBe(gatewayServer!.spanId);
      }
      // SQL ran inside the subgraph's handling of this request.
      for (const sql of sqlUnder(service)) expect(ancestors(sql).some((s) => s.service === service && s.kind === SERVER)).toBe(true);
    }
    // Every span of the request is in this one trace, rooted at the client's span.
    expect(spans.filter((s) => s.parentSpanId !== client.spanId).every((s) => ancestors(s).at(-1)?.parentSpanId === client.spanId)).toBe(true);
  });

  it('follows a product publish from the client through the gateway, commerce and its SQL, the outbox and the worker to the marketplace sandbox', async () => {
    const client = clientTrace();
    const households = PILOT_PRODUCTS.map((_, i) => `pilot-voso-${String(i + 1).padStart(2, '0')}`);
    const member = bearer(await producerToken(env.config, households));
    const published = await postGraphQL(
      gatewayUrl,
      `mutation ($id: ID!) { publishProduct(input: { productId: $id, marketplaces: [VOSO] }) { product { id } } }`,
      { id: pilotProductId('bi-xanh') },
      { ...member, traceparent: client.traceparent },
    );
    expect(published.errors).toBeUndefined();

    const sandboxHost = new URL(sandboxes.settings.VOSO.baseUrl).host;
    const marketplaceCalls = () =>
      traceOf(receiver.spans, client.traceId).spans.filter((s) => s.kind === CLIENT && String(s.attributes['url.full'] ?? s.attributes['http.url'] ?? '').includes(sandboxHost));
    // A parent ends (and is exported) after its children: wait for the whole chain above each call.
    const chainComplete = () => {
      const { ancestors } = traceOf(receiver.spans, client.traceId);
      const calls = marketplaceCalls();
      return calls.length > 0 && calls.every((call) => ancestors(call).at(-1)?.parentSpanId === client.spanId && ancestors(call).some((s) => s.name === 'sync job PUBLISH'));
    };
    await waitFor('the worker\'s calls to the VOSO sandbox, and every span above them, in the publish trace', async () => chainComplete(), 90_000, 200);
    await waitFor('VOSO listed the product', async () => sandboxes.VOSO.state.listingCountBySku().size > 0, 30_000, 200);

    const { spans, ancestors } = traceOf(receiver.spans, client.traceId);
    const gatewayServer = spans.find((s) => s.service === 'commune-hub-gateway' && s.kind === SERVER);
    expect(gatewayServer?.parentSpanId).toBe(client.spanId);
    const commerceServer = spans.find((s) => s.service === 'commune-hub-commerce' && s.kind === SERVER);
    expect(ancestors(commerceServer!).at(-1)?.spanId).toBe(gatewayServer!.spanId);
    // The mutation's SQL (the product's listing and the outbox row) under commerce's request.
    const commerceSql = spans.filter((s) => s.service === 'commune-hub-commerce' && isSql(s) && ancestors(s).includes(commerceServer!));
    expect(commerceSql.length).toBeGreaterThan(0);

    for (const call of marketplaceCalls()) {
      const up = ancestors(call);
      // sandbox call ← the sync job's span (in whichever process claimed it) ← ... ← commerce's request ← the gateway's server span.
      const job = up.find((s) => s.name === 'sync job PUBLISH');
      expect(job, `the call to ${String(call.attributes['url.full'])} is not under a sync job span`).toBeDefined();
      expect(['commune-hub-worker', 'commune-hub-commerce']).toContain(job!.service);
      expect(job!.attributes['hub.sync.marketplace']).toBe('VOSO');
      expect(up).toContain(commerceServer);
      expect(up.at(-1)?.spanId).toBe(gatewayServer!.spanId);
    }

    // The run is counted by the process that made it (`hub worker` or commerce's own worker).
    const counted = async (pattern: RegExp) => {
      let total = 0;
      for (const url of [workerMetricsUrl, commerceMetricsUrl]) {
        for (const match of (await (await fetch(url)).text()).matchAll(pattern)) total += Number(match[1]);
      }
      return total;
    };
    // Each process labels its series with its service name too.
    expect(await counted(/^hub_sync_job_runs_total\{marketplace="VOSO",outcome="done"[^}]*\} (\d+)$/gm)).toBeGreaterThanOrEqual(1);
    expect(await counted(/^hub_sync_marketplace_calls_total\{marketplace="VOSO"[^}]*\} (\d+)$/gm)).toBeGreaterThanOrEqual(1);
  });

  it('puts the trace and span ids on the log lines written while a span is active', async () => {
    const client = clientTrace();
    await postGraphQL(gatewayUrl, '{ commune(code: "05068", on: "2021-06-01") { name } }', {}, { traceparent: client.traceparent });
    const gateway = processes.find((p) => p.output().includes('gateway listening'))!;
    await waitFor('the gateway\'s request log line', async () => gateway.output().includes(client.traceId), 30_000, 100);
    const line = gateway.output().split('\n').find((l) => l.includes(client.traceId))!;
    const record = JSON.parse(line) as { trace_id?: string; span_id?: string };
    expect(record.trace_id).toBe(client.traceId);
    expect(record.span_id).toMatch(/^[0-9a-f]{16}$/);
  });
});
