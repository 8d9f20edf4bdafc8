import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedGatewayKey } from '../../core/auth/gateway-assertion.js';
import { createOperationLabels } from '../../core/metrics/operation-labels.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const metricsOf = async (url: string) => (await fetch(url)).text();
const operationSeries = (text: string) => new Set([...text.matchAll(/hub_graphql_request_duration_seconds_count\{operation="([^"]*)"\}/g)].map((m) => m[1]));

describe('gateway: /metrics stays small whatever callers name their operations', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const gatewayWith = (settings: Partial<TestEnvironment['config']>) => hub.startGateway(settings);

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('100 requests with distinct 200,000-letter operation names add no series', async () => {
    const gateway = await gatewayWith({});
    await postGraphQL(gateway.url, 'query Warmup { __typename }');
    const before = await metricsOf(gateway.metricsUrl!);
    for (let i = 0; i < 100; i++) {
      const response = await postGraphQL(gateway.url, `query Op${String(i).padStart(3, '0')}${'a'.repeat(200_000)} { __typename }`);
      expect(response.errors?.[0].extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
    }
    const after = await metricsOf(gateway.metricsUrl!);
    // One "rejected" series (its histogram lines) instead of 100 series of 200 KB labels (280 MB on main).
    expect(after.length).toBeLessThan(before.length + 10_000);
    expect(Math.max(...after.split('\n').map((line) => line.length))).toBeLessThan(300);
    expect([...operationSeries(after)].sort()).toEqual(['Warmup', 'rejected']);
  });

  it('keeps at most METRICS_MAX_OPERATIONS names; the others, and names no frontend would write, are "other"', async () => {
    const gateway = await gatewayWith({ METRICS_MAX_OPERATIONS: 20 });
    for (let i = 0; i < 60; i++) expect((await postGraphQL(gateway.url, `query Dashboard${i} { __typename }`)).errors).toBeUndefined();
    await postGraphQL(gateway.url, `query ${'Long'.repeat(20)} { __typename }`);
    await postGraphQL(gateway.url, '{ __typename }');
    const series = operationSeries(await metricsOf(gateway.metricsUrl!));
    expect(series.size).toBe(22);
    expect(series).toContain('Dashboard0');
    expect(series).toContain('Dashboard19');
    expect(series).not.toContain('Dashboard20');
    expect(series).toContain('other');
    expect(series).toContain('anonymous');
  });

  it('serves /metrics only on METRICS_PORT when it is set, bound to METRICS_HOST', async () => {
    const gateway = await gatewayWith({ METRICS_PORT: 0, METRICS_HOST: '127.0.0.1' });
    expect(gateway.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(gateway.metricsUrl!).port).not.toBe(new URL(gateway.url).port);
    await postGraphQL(gateway.url, 'query Scraped { __typename }');
    expect(await metricsOf(gateway.metricsUrl!)).toMatch(/operation="Scraped"/);
    expect((await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
  });

  it('in production, keeps /metrics off the public port unless METRICS_PORT says where', async () => {
    const gateway = await gatewayWith({ NODE_ENV: 'production', GATEWAY_SIGNING_KEY: embeddedGatewayKey(env.config.dataDir) });
    expect(gateway.metricsUrl).toBeNull();
    expect((await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
  });
});

describe('operation labels', () => {
  it('keeps registered names, admits well-formed names of operations that ran up to the cap, folds the rest', () => {
    const labels = createOperationLabels({ max: 1, registered: ['CommuneOverview'] });
    expect(labels.label('CommuneOverview', false)).toBe('CommuneOverview');
    expect(labels.label('NotRun', false)).toBe('rejected');
    expect(labels.label('First', true)).toBe('First');
    expect(labels.label('Second', true)).toBe('other');
    expect(labels.label('First', true)).toBe('First');
    expect(labels.label('bad name!', true)).toBe('other');
    expect(labels.label(null, true)).toBe('anonymous');
    expect(labels.label(undefined, false)).toBe('rejected');
  });
});
