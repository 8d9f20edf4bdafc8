import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { Listing } from '../../../../subgraphs/commerce/listings/listing.entity.js';
import { createSyncRunMetrics } from '../../../../subgraphs/commerce/sync/sync-run-metrics.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { producerToken, startCommerce, startWorker, waitFor } from '../support/commerce-harness.js';
import { FakeMarketplace } from '../support/fake-marketplace.js';

const PRODUCER = 'pilot-voso-03';

/** The value of one sample in Prometheus text, 0 when absent. */
async function sample(registry: Registry, name: string, labels: string): Promise<number> {
  const line = (await registry.metrics()).split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('sync worker counters: runs by outcome, marketplace calls, retries', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let member: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startCommerce(env);
    member = bearer(await producerToken(env.config, [PRODUCER]));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  const gql = async (query: string) => {
    const result = await postGraphQL(subgraph.url, query, {}, member);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, unknown>;
  };

  it('counts a run that failed after its retries, then the run that published after retryListing', async () => {
    const created = await gql(`mutation { createProduct(input: { producerId: "${PRODUCER}", name: "Măng khô", category: "vegetables", unit: "kg", netWeightGrams: 500, priceVnd: 90000, stock: 20 }) { product { id } } }`);
    const productId = (created.createProduct as { product: { id: string } }).product.id;
    const voso = new FakeMarketplace('VOSO');
    voso.faults = { errorRate: 0, dropRate: 0, burstRate: 0, burstMs: 0, always: 'TRANSIENT' };
    const registry = new Registry();
    const worker = startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: new FakeMarketplace('POSTMART') } }, { retries: 3 }, createSyncRunMetrics(registry));
    const vosoCalls = () => Object.values(voso.calls).reduce((a, b) => a + b, 0);
    const status = async () => (await subgraph.orm.em.fork().findOneOrFail(Listing, { productId, marketplace: 'VOSO' })).status;
    try {
      await gql(`mutation { publishProduct(input: { productId: "${productId}", marketplaces: [VOSO] }) { product { id } } }`);
      await waitFor('voso listing FAILED', async () => (await status()) === 'FAILED');
      expect(await sample(registry, 'hub_sync_job_runs_total', 'marketplace="VOSO",outcome="failed"')).toBe(1);
      expect(await sample(registry, 'hub_sync_marketplace_calls_total', 'marketplace="VOSO"')).toBe(vosoCalls());
      // retries: 3 means four calls in that one run, three of them retries.
      expect(await sample(registry, 'hub_sync_retries_total', 'marketplace="VOSO"')).toBe(3);

      voso.faults.always = null;
      await gql(`mutation { retryListing(input: { productId: "${productId}", marketplace: VOSO }) { listing { status } } }`);
      await waitFor('voso listing PUBLISHED', async () => (await status()) === 'PUBLISHED');
      await waitFor('the run counted', async () => (await sample(registry, 'hub_sync_job_runs_total', 'marketplace="VOSO",outcome="done"')) === 1);
      expect(await sample(registry, 'hub_sync_marketplace_calls_total', 'marketplace="VOSO"')).toBe(vosoCalls());
      // The publishing run went through at the first call of each step: no retry added.
      expect(await sample(registry, 'hub_sync_retries_total', 'marketplace="VOSO"')).toBe(3);
      expect(await sample(registry, 'hub_sync_job_runs_total', 'marketplace="POSTMART",outcome="done"')).toBe(0);
    } finally {
      await worker.stop();
    }
  });
});
