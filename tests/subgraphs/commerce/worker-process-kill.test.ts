import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../connectors/marketplace/sandboxes.js';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { Product } from '../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { ListingStatus } from '../../../subgraphs/commerce/listings/listing-status.js';
import { SyncJob, SyncJobStatus } from '../../../subgraphs/commerce/sync/sync-job.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { startProcess, type StartedProcess } from '../../helpers/start-process.js';
import { createAndPublish, updateAll } from './support/bulk-catalogue.js';
import { startCommerce, waitFor } from './support/commerce-harness.js';

const PRODUCTS = 120;
const FAULTS = { errorRate: 0.2, burstRate: 0.002, burstMs: 300, dropRate: 0.1, latencyMs: 0, latencyJitterMs: 3, seed: 1676 };

/**
 * The crash as it happens in production: `hub worker` is a separate process and dies with
 * SIGKILL (no shutdown code runs), mid-run, under the fault mix. A second `hub worker`
 * must finish the work from the outbox without a duplicate listing or a lost change.
 */
describe('commerce: a real `hub worker` process killed with SIGKILL and started again', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;
  const workers: StartedProcess[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 200, faults: FAULTS, timeoutMs: 15_000 });
    subgraph = await startCommerce(env, { seed: true });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop({ group: true });
    await subgraph?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  const startWorkerProcess = () => {
    const worker = startProcess('node', ['dist/cli/hub.js', 'worker'], {
      HUB_DATA_DIR: env.dataDir,
      LOG_LEVEL: 'warn',
      VOSO_BASE_URL: sandboxes.urls.VOSO,
      POSTMART_BASE_URL: sandboxes.urls.POSTMART,
      COMMERCE_SYNC_CONCURRENCY: '16',
      COMMERCE_SYNC_POLL_MS: '20',
      COMMERCE_SYNC_LEASE_MS: '2000',
      COMMERCE_SYNC_RETRIES: '20',
      COMMERCE_SYNC_MIN_BACKOFF_MS: '5',
      COMMERCE_SYNC_MAX_BACKOFF_MS: '200',
      COMMERCE_SYNC_REVIEW_POLL_MS: '100',
      COMMERCE_SYNC_RATE_PER_SECOND: '1000',
      COMMERCE_ORDER_POLL_MS: '0',
    });
    workers.push(worker);
    return worker;
  };

  it('ends with every listing published once and the latest price and stock at both marketplaces', { timeout: 600_000 }, async () => {
    const em = () => subgraph.orm.em.fork();
    const published = async () => em().count(Listing, { status: ListingStatus.PUBLISHED });
    const ids = await createAndPublish(subgraph.orm, PRODUCTS);

    const first = startWorkerProcess();
    await waitFor('a third of the listings published', async () => (await published()) >= (2 * PRODUCTS) / 3, 300_000, 50);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(first.child.signalCode).toBe('SIGKILL');
    const leftRunning = await em().count(SyncJob, { status: SyncJobStatus.RUNNING });

    startWorkerProcess();
    await updateAll(subgraph.orm, ids, (p) => ({ priceVnd: p.priceVnd + 1000, stock: p.stock - 1 }));
    await updateAll(subgraph.orm, ids, (p) => ({ priceVnd: p.priceVnd + 500, stock: p.stock + 5 }));

    await waitFor(
      'every listing published with the latest version, no job open',
      async () => {
        if (await em().count(SyncJob, { status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } })) return false;
        const versions = new Map((await em().find(Product, { id: { $in: ids } })).map((p) => [p.id, p.version]));
        const listings = await em().find(Listing, { productId: { $in: ids } });
        return listings.length === 2 * PRODUCTS && listings.every((l) => l.status === ListingStatus.PUBLISHED && l.syncedVersion === versions.get(l.productId));
      },
      300_000,
      200,
    );

    expect(await em().count(SyncJob, { status: SyncJobStatus.FAILED })).toBe(0);
    const voso = sandboxes.VOSO.state;
    const postmart = sandboxes.POSTMART.state;
    expect(voso.duplicateSkus()).toEqual([]);
    expect(postmart.duplicateSkus()).toEqual([]);
    for (const product of await em().find(Product, { id: { $in: ids } })) {
      const [atVoso] = voso.products.forSku(product.sellerSku);
      const [atPostmart] = postmart.items.forSku(product.sellerSku);
      expect([atVoso.price, atVoso.stock]).toEqual([product.priceVnd, product.stock]);
      expect([atPostmart.input.original_price, atPostmart.input.stock]).toEqual([product.priceVnd, product.stock]);
    }
    // The kill really interrupted work, and the faults really happened.
    expect(leftRunning).toBeGreaterThan(0);
    expect(voso.faultCounters.serverErrors + postmart.faultCounters.serverErrors).toBeGreaterThan(20);
    expect(voso.faultCounters.dropped + postmart.faultCounters.dropped).toBeGreaterThan(5);
  });
});
