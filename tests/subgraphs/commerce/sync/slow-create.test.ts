import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../../connectors/marketplace/sandboxes.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { Product } from '../../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../../subgraphs/commerce/listings/listing.entity.js';
import { SyncJob, SyncJobStatus } from '../../../../subgraphs/commerce/sync/sync-job.entity.js';
import type { SyncWorker } from '../../../../subgraphs/commerce/sync/sync-worker.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { createAndPublish } from '../support/bulk-catalogue.js';
import { startCommerce, startWorker, waitFor } from '../support/commerce-harness.js';

const PRODUCTS = 20;
/** The adapters' per-request timeout in this test. */
const TIMEOUT_MS = 8000;
/** Half the creates land 1x to 2.5x the adapter timeout after they were sent: always after the client gave up. */
const SLOW = { slowCreateRate: 0.5, slowCreateMs: 2.5 * TIMEOUT_MS, seed: 11 };
/**
 * What the hub is told of the marketplaces' slowest create: longer than the slowest the sandboxes
 * make, with room for a loaded machine (a request can wait to be read before its delay starts).
 */
const SLOWEST_CREATE_MS = 5 * TIMEOUT_MS;

describe('slow creates: a create that outlives its timeout never leaves a second live listing', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;
  let worker: SyncWorker | undefined;

  beforeAll(async () => {
    env = await createTestEnvironment();
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 100, faults: SLOW, timeoutMs: TIMEOUT_MS });
    subgraph = await startCommerce(env, { seed: true });
  });
  afterAll(async () => {
    await worker?.stop();
    await subgraph?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  it('publishes every product exactly once at both marketplaces', { timeout: 300_000 }, async () => {
    const em = () => subgraph.orm.em.fork();
    const ids = await createAndPublish(subgraph.orm, PRODUCTS, { prefix: 'Rau chậm' });
    const settings = {
      VOSO: { ...sandboxes.settings.VOSO, slowestCreateMs: SLOWEST_CREATE_MS },
      POSTMART: { ...sandboxes.settings.POSTMART, slowestCreateMs: SLOWEST_CREATE_MS },
    };
    worker = startWorker(subgraph, { connectors: createConnectors(settings) }, { retries: 30, reviewPollMs: 50 });

    await waitFor(
      'every listing published with the latest version, no job open, every slow create landed',
      async () => {
        const open = await em().count(SyncJob, { status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } });
        const products = new Map((await em().find(Product, { id: { $in: ids } })).map((p) => [p.id, p]));
        const listings = await em().find(Listing, { productId: { $in: ids } });
        const landed = [sandboxes.VOSO, sandboxes.POSTMART].every((s) => s.faults.counters.slowCreatesLanded === s.faults.counters.slowCreates);
        return open === 0 && landed && listings.length === 2 * PRODUCTS && listings.every((l) => l.status === 'FAILED' || (l.status === 'PUBLISHED' && l.syncedVersion === products.get(l.productId)!.version));
      },
      240_000,
      100,
      async () => ({
        open: await em().count(SyncJob, { status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } }),
        statuses: (await em().find(Listing, { productId: { $in: ids } })).map((l) => l.status),
      }),
    );

    const failed = await em().find(Listing, { productId: { $in: ids }, status: 'FAILED' as Listing['status'] });
    expect(failed.map((l) => l.lastError)).toEqual([]);

    // The fault really happened: creates were held past the timeout while look-ups answered at once.
    const slow = sandboxes.VOSO.faults.counters.slowCreates + sandboxes.POSTMART.faults.counters.slowCreates;
    expect(slow).toBeGreaterThanOrEqual(PRODUCTS / 2);
    expect((sandboxes.VOSO.state.requestsByRoute.get('GET /v1/products') ?? 0) + (sandboxes.POSTMART.state.requestsByRoute.get('search_item') ?? 0)).toBeGreaterThan(0);
    // Not one SKU has two listings, live or not: nothing was created twice.
    const when = (sku: string) => ({
      voso: sandboxes.VOSO.state.products.forSku(sku).map((p) => p.created_at),
      postmart: sandboxes.POSTMART.state.items.forSku(sku).map((r) => new Date(r.createdAt).toISOString()),
    });
    const duplicates = [...sandboxes.VOSO.state.duplicateSkus(), ...sandboxes.POSTMART.state.duplicateSkus()];
    expect(duplicates, JSON.stringify(duplicates.map(when))).toEqual([]);
    expect(sandboxes.VOSO.state.liveDuplicateSkus()).toEqual([]);
    expect(sandboxes.POSTMART.state.liveDuplicateSkus()).toEqual([]);
    for (const product of await em().find(Product, { id: { $in: ids } })) {
      expect(sandboxes.VOSO.state.products.forSku(product.sellerSku)).toHaveLength(1);
      expect(sandboxes.POSTMART.state.items.forSku(product.sellerSku)).toHaveLength(1);
    }
  });
});
