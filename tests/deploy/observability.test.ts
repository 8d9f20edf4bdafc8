import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';
import { producerToken } from '../subgraphs/commerce/support/commerce-harness.js';

const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');

/** Metric names of a Prometheus text exposition, histogram and summary series included. */
function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    // Declared metrics count even before their first sample (a labelled counter no error has hit yet).
    const declared = /^# TYPE (\S+) (\w+)$/.exec(line);
    if (declared) {
      names.add(declared[1]!);
      if (declared[2] === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${declared[1]}${suffix}`);
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{|\s)/.exec(line);
    if (match) names.add(match[1]!);
  }
  return names;
}

/** The value of the series `name` whose labels include `labels` (label order does not matter), or undefined. */
function sample(text: string, name: string, labels: Record<string, string | RegExp>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const fits = Object.entries(labels).every(([key, want]) => (typeof want === 'string' ? found[key] === want : want.test(found[key] ?? '')));
    if (fits) return Number(match[3]);
  }
  return undefined;
}

/** Label values of `label` over the series of `name`. */
const labelValues = (text: string, name: string, label: string) =>
  new Set([...text.matchAll(new RegExp(`^${name}\\{[^}]*\\b${label}="([^"]*)"`, 'gm'))].map((m) => m[1]));

/** The hub's metric names a PromQL expression uses. */
const namesIn = (expr: string) => [...expr.matchAll(/\bhub_[a-z0-9_]+/g)].map((m) => m[0]);

const scrape = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
};

describe('metrics everywhere, and the dashboard and alerts that read them', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const exposed = new Set<string>();
  const texts: Record<string, string> = {};

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
    expect((await postGraphQL(hub.url, SAMPLE, { code: '05068', on: '2021-06-01' })).errors).toBeUndefined();
    // An error with a public code (sent to the subgraph directly: the gateway would refuse it first),
    // and a product waiting in the sync outbox (no worker runs here).
    expect((await postGraphQL(hub.subgraphs.governance!.url, '{ commune(code: "05068", on: "2021-02-30") { name } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const producer = bearer(await producerToken(env.config, ['pilot-voso-02']));
    const created = await postGraphQL<{ createProduct: { product: { id: string } } }>(
      hub.url,
      'mutation { createProduct(input: { producerId: "pilot-voso-02", name: "Chè Shan tuyết", category: "tea", unit: "kg", netWeightGrams: 200, priceVnd: 120000, stock: 10 }) { product { id } } }',
      {},
      producer,
    );
    expect(created.errors).toBeUndefined();
    const published = await postGraphQL(hub.url, `mutation { publishProduct(input: { productId: "${created.data!.createProduct.product.id}", marketplaces: [VOSO] }) { product { id } } }`, {}, producer);
    expect(published.errors).toBeUndefined();
    for (const [name, subgraph] of Object.entries(hub.subgraphs)) texts[name] = await scrape(subgraph!.url.replace(/\/graphql$/, '/metrics'));
    texts.gateway = await scrape(hub.gateway.metricsUrl!);
    for (const text of Object.values(texts)) for (const name of exposedNames(text)) exposed.add(name);
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('each subgraph exposes HTTP and GraphQL latency, errors by code, its pool and its SQL latency', () => {
    for (const name of ['governance', 'society', 'devices', 'commerce']) {
      const text = texts[name]!;
      expect(sample(text, 'hub_subgraph_http_request_duration_seconds_count', { service: name, route: '/graphql', method: 'POST', status: '2xx' }), name).toBeGreaterThan(0);
      // The gateway names each subgraph fetch after the client's operation.
      expect(sample(text, 'hub_subgraph_graphql_duration_seconds_count', { service: name, operation: /^CommuneOverview__\w+__\d+$/ }), name).toBeGreaterThan(0);
      expect(sample(text, 'hub_db_query_duration_seconds_count', { service: name, kind: 'select', outcome: 'ok' }), name).toBeGreaterThan(0);
      expect(sample(text, 'hub_db_pool_connections', { service: name, state: 'max' }), name).toBeGreaterThan(0);
    }
    expect(sample(texts.governance!, 'hub_subgraph_graphql_errors_total', { service: 'governance', code: 'BAD_USER_INPUT' })).toBeGreaterThan(0);
  });

  it('commerce exposes its sync queue, lag and failures, and reconciliation runs and open items', () => {
    const text = texts.commerce!;
    expect(sample(text, 'hub_sync_jobs', { marketplace: 'VOSO', status: 'PENDING' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_sync_jobs', { marketplace: 'POSTMART', status: 'PENDING' })).toBe(0);
    expect(sample(text, 'hub_sync_oldest_job_age_seconds', { marketplace: 'VOSO' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_sync_oldest_job_age_seconds', { marketplace: 'POSTMART' })).toBe(0);
    expect(sample(text, 'hub_sync_failed_listings', { marketplace: 'VOSO' })).toBe(0);
    expect(sample(text, 'hub_reconciliation_runs', { service: 'commerce' })).toBe(0);
    expect(sample(text, 'hub_reconciliation_open_items', { outcome: 'AMOUNT_MISMATCH' })).toBe(0);
  });

  it('labels stay bounded: 200 distinct operation names add at most METRICS_MAX_OPERATIONS series', async () => {
    const url = hub.subgraphs.devices!.url;
    for (let i = 0; i < 200; i++) await postGraphQL(url, `query Name${i} { __typename }`);
    const text = await scrape(url.replace(/\/graphql$/, '/metrics'));
    const operations = labelValues(text, 'hub_subgraph_graphql_duration_seconds_count', 'operation');
    expect(operations.size).toBeLessThanOrEqual(env.config.METRICS_MAX_OPERATIONS + 3);
    expect(operations).toContain('other');
  });

  it('the Prometheus alert rules parse and read only metrics the hub exposes', () => {
    const rules = parseYaml(readFileSync('deploy/prometheus/alerts.yml', 'utf8')) as { groups: { name: string; rules: { alert: string; expr: string; for: string; labels: { severity: string }; annotations: { summary: string } }[] }[] };
    const all = rules.groups.flatMap((g) => g.rules);
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const rule of all) {
      expect(rule.alert).toMatch(/^Hub[A-Za-z]+$/);
      expect(rule.for).toMatch(/^\d+[smhd]$/);
      expect(['critical', 'warning', 'info']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      const names = namesIn(rule.expr);
      expect(names.length, rule.alert).toBeGreaterThan(0);
      for (const name of names) expect(exposed, `${rule.alert}: ${name}`).toContain(name);
    }
  });

  it('the Grafana dashboard parses and every panel reads metrics the hub exposes', () => {
    const dashboard = JSON.parse(readFileSync('deploy/grafana/commune-hub.json', 'utf8')) as { uid: string; panels: { title: string; targets: { expr: string }[] }[] };
    expect(dashboard.uid).toBe('commune-hub');
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets) {
        const names = namesIn(target.expr);
        expect(names.length, panel.title).toBeGreaterThan(0);
        for (const name of names) expect(exposed, `${panel.title}: ${name}`).toContain(name);
      }
    }
  });
});
