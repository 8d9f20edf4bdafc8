import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../connectors/marketplace/index.js';
import type { ConnectorError, MarketplaceConnector } from '../../../connectors/marketplace/contract.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../connectors/marketplace/sandboxes.js';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { Product } from '../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { SyncJob, SyncJobStatus } from '../../../subgraphs/commerce/sync/sync-job.entity.js';
import { ListingStatus } from '../../../subgraphs/commerce/listings/listing-status.js';
import type { SyncWorker } from '../../../subgraphs/commerce/sync/sync-worker.js';
import type { ConnectorSet } from '../../../subgraphs/commerce/sync/sync-options.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { createAndPublish, updateAll } from './support/bulk-catalogue.js';
import { startCommerce, startWorker, waitFor } from './support/commerce-harness.js';

const PRODUCTS = 150;

/** Wraps connectors to record which worker sent each write for which listing. */
function recording(set: ConnectorSet, worker: string, log: { worker: string; marketplace: string; method: string; key: string }[]): ConnectorSet {
  const wrap = (c: MarketplaceConnector): MarketplaceConnector =>
    new Proxy(c, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || !['createListing', 'updatePriceAndStock', 'updateContent'].includes(String(prop))) return value;
        return async (...args: unknown[]) => {
          const key = typeof args[0] === 'string' ? args[0] : (args[0] as { sellerSku: string }).sellerSku;
          log.push({ worker, marketplace: c.marketplace, method: String(prop), key });
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((e: ConnectorError) => {
            throw e;
          });
        };
      },
    });
  return { connectors: Object.fromEntries(Object.entries(set.connectors).map(([k, c]) => [k, wrap(c!)])) };
}

describe.skipIf(!TEST_DATABASE_URL)('commerce sync on PostgreSQL: two workers share the work (SKIP LOCKED)', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;
  const workers: SyncWorker[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: true });
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 100, faults: { latencyMs: 2, latencyJitterMs: 4 } });
    subgraph = await startCommerce(env, { seed: true });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await subgraph?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  it('claims disjoint jobs: every job claimed once, every listing created once, both workers busy', { timeout: 600_000 }, async () => {
    const em = () => subgraph.orm.em.fork();
    const ids = await createAndPublish(subgraph.orm, PRODUCTS);
    const log: { worker: string; marketplace: string; method: string; key: string }[] = [];
    const options = { concurrency: 8, leaseMs: 30_000, reviewPollMs: 50 };
    workers.push(startWorker(subgraph, recording({ connectors: createConnectors(sandboxes.settings) }, 'A', log), options));
    workers.push(startWorker(subgraph, recording({ connectors: createConnectors(sandboxes.settings) }, 'B', log), options));
    await waitFor('half published', async () => (await em().count(Listing, { status: ListingStatus.PUBLISHED })) >= PRODUCTS, 300_000, 50);
    await updateAll(subgraph.orm, ids, (p) => ({ priceVnd: p.priceVnd + 100 }));
    await waitFor(
      'all done',
      async () => (await em().count(SyncJob, { status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } })) === 0 && (await em().count(Listing, { status: ListingStatus.PUBLISHED })) === 2 * PRODUCTS,
      300_000,
      100,
    );
    const jobs = await em().find(SyncJob, {});
    // A job is claimed again only to poll a postmart review; never by both workers for the same write.
    expect(jobs.filter((j) => j.status !== 'DONE')).toEqual([]);
    expect(jobs.filter((j) => j.marketplace === 'VOSO').every((j) => j.claims === 1)).toBe(true);
    const creates = log.filter((l) => l.method === 'createListing');
    expect(creates).toHaveLength(2 * PRODUCTS);
    expect(new Set(creates.map((c) => `${c.marketplace}:${c.key}`)).size).toBe(2 * PRODUCTS);
    const byWorker = (w: string) => log.filter((l) => l.worker === w).length;
    expect(byWorker('A')).toBeGreaterThan(log.length * 0.2);
    expect(byWorker('B')).toBeGreaterThan(log.length * 0.2);
    const updates = log.filter((l) => l.method === 'updatePriceAndStock');
    expect(new Set(updates.map((u) => `${u.marketplace}:${u.key}`)).size).toBe(updates.length);
    expect(sandboxes.VOSO.state.duplicateSkus()).toEqual([]);
    expect(sandboxes.POSTMART.state.duplicateSkus()).toEqual([]);
    const listings = await em().find(Listing, { productId: { $in: ids } });
    expect(listings.every((l) => l.syncedVersion === 2)).toBe(true);
    for (const worker of workers.splice(0)) await worker.stop();
  });

  it('takes over the jobs of a worker that died mid-run once its claims expire, without duplicates', { timeout: 600_000 }, async () => {
    const em = () => subgraph.orm.em.fork();
    const ids = await createAndPublish(subgraph.orm, 60, { prefix: 'Rau tiếp quản' });
    const listings = async () => em().find(Listing, { productId: { $in: ids } });
    const options = { concurrency: 8, leaseMs: 1500, reviewPollMs: 50 };
    const doomed = startWorker(subgraph, { connectors: createConnectors(sandboxes.settings) }, options);
    workers.push(doomed);
    await waitFor('some published', async () => (await listings()).filter((l) => l.status === ListingStatus.PUBLISHED).length >= 20, 300_000, 20);
    await doomed.stop({ abandon: true });
    const orphaned = await em().count(SyncJob, { status: SyncJobStatus.RUNNING });
    workers.push(startWorker(subgraph, { connectors: createConnectors(sandboxes.settings) }, options));
    await waitFor('all published', async () => (await listings()).every((l) => l.status === ListingStatus.PUBLISHED), 300_000, 100);
    expect(orphaned).toBeGreaterThan(0);
    const skus = new Set((await em().find(Product, { id: { $in: ids } })).map((p) => p.sellerSku));
    for (const state of [sandboxes.VOSO.state, sandboxes.POSTMART.state]) {
      const counts = state.listingCountBySku();
      expect([...skus].every((sku) => counts.get(sku) === 1)).toBe(true);
    }
  });
});
