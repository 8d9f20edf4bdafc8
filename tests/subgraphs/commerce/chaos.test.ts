import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../connectors/marketplace/sandboxes.js';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { Product } from '../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { SyncJob, SyncJobStatus } from '../../../subgraphs/commerce/sync/sync-job.entity.js';
import { ListingStatus } from '../../../subgraphs/commerce/listings/listing-status.js';
import type { SyncWorker } from '../../../subgraphs/commerce/sync/sync-worker.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { createAndPublish, updateAll } from './support/bulk-catalogue.js';
import { startCommerce, startWorker, waitFor } from './support/commerce-harness.js';

/** Products in the run: CHAOS_PRODUCTS (the held-out run is 500; the default keeps the suite short). */
const PRODUCTS = Number(process.env.CHAOS_PRODUCTS ?? 100);
/** Deadlines grow with the run (conditions, not speed targets): 500 products get five times the 100-product ones. */
const SCALE = Math.max(1, PRODUCTS / 100);
/** CHAOS_POSTGRES=1 runs it on PostgreSQL (TEST_DATABASE_URL), where workers claim jobs with skip locked. */
const POSTGRES = process.env.CHAOS_POSTGRES === '1';
/** The adapters' per-request timeout; slow creates land up to 2.5 times it after being sent. */
const TIMEOUT_MS = 8_000;
/**
 * The fault mix: 20% server errors, 429 bursts, 10% accept-then-drop-connection, and 5% of
 * creates landing 1.25 to 2.5 times the adapter timeout after they were sent. At 0.2% a request,
 * ~800 requests start no burst in some runs: the run also holds both marketplaces in a burst until
 * each has refused a request of the second worker, so the engine always meets one.
 */
const FAULTS = { errorRate: 0.2, burstRate: 0.002, burstMs: 300, dropRate: 0.1, latencyMs: 0, latencyJitterMs: 3, slowCreateRate: 0.05, slowCreateMs: 2.5 * TIMEOUT_MS, seed: 2021 };
/** What the hub is told of the marketplaces' slowest create: longer than the slowest the sandboxes make. */
const SLOWEST_CREATE_MS = 5 * TIMEOUT_MS;
/** Length of the bursts the run starts itself (Retry-After: 2 s). */
const FORCED_BURST_MS = 1_500;

describe(`commerce chaos: ${PRODUCTS} products, faults and slow creates on, a worker killed mid-run, two more changes`, () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;
  const workers: SyncWorker[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: POSTGRES });
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 200, faults: FAULTS, timeoutMs: TIMEOUT_MS });
    subgraph = await startCommerce(env, { seed: true });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop({ abandon: true });
    await subgraph?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  it('ends with every listing published once and the latest price and stock at both marketplaces', { timeout: 600_000 * SCALE }, async () => {
    const options = { concurrency: 24, leaseMs: 2000, retries: 20, reviewPollMs: 100 };
    const em = () => subgraph.orm.em.fork();
    const published = async () => em().count(Listing, { status: ListingStatus.PUBLISHED });
    const ids = await createAndPublish(subgraph.orm, PRODUCTS);
    expect(await em().count(SyncJob, { status: SyncJobStatus.PENDING })).toBe(2 * PRODUCTS);

    const settings = {
      VOSO: { ...sandboxes.settings.VOSO, slowestCreateMs: SLOWEST_CREATE_MS },
      POSTMART: { ...sandboxes.settings.POSTMART, slowestCreateMs: SLOWEST_CREATE_MS },
    };
    const started = Date.now();
    const first = startWorker(subgraph, { connectors: createConnectors(settings) }, options);
    workers.push(first);
    await waitFor('a third of the listings published', async () => (await published()) >= (2 * PRODUCTS) / 3, 300_000 * SCALE, 100);
    // A crash: the jobs in flight are dropped where they stand (some creates sent, their answers never read).
    await first.stop({ abandon: true });
    expect(await em().count(SyncJob, { status: SyncJobStatus.RUNNING })).toBeGreaterThan(0);
    const second = startWorker(subgraph, { connectors: createConnectors(settings) }, options);
    workers.push(second);

    await updateAll(subgraph.orm, ids, (p) => ({ priceVnd: p.priceVnd + 1000, stock: p.stock - 1 }));
    // Each marketplace is in a 429 burst, renewed until it has refused a request of the new worker (the
    // update just queued work at both): however slow the machine, the engine meets one, and waits at
    // most FORCED_BURST_MS for it.
    await waitFor(
      'a request refused in a 429 burst at both marketplaces',
      async () => {
        const faults = [sandboxes.VOSO.faults, sandboxes.POSTMART.faults];
        for (const f of faults) if (f.counters.burstRejections === 0) f.startBurst(FORCED_BURST_MS);
        return faults.every((f) => f.counters.burstRejections > 0);
      },
      60_000 * SCALE,
      100,
    );
    await waitFor('two thirds published', async () => (await published()) >= (4 * PRODUCTS) / 3, 300_000 * SCALE, 100);
    await updateAll(subgraph.orm, ids, (p) => ({ priceVnd: p.priceVnd + 500, stock: p.stock + 5 }));

    await waitFor(
      'every listing published and holding the latest version, no job left',
      async () => {
        const open = await em().count(SyncJob, { status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } });
        if (open) return false;
        const products = new Map((await em().find(Product, { id: { $in: ids } })).map((p) => [p.id, p]));
        const listings = await em().find(Listing, { productId: { $in: ids } });
        const landed = [sandboxes.VOSO, sandboxes.POSTMART].every((x) => x.faults.counters.slowCreatesLanded === x.faults.counters.slowCreates);
        return landed && listings.length === 2 * PRODUCTS && listings.every((l) => l.status === 'PUBLISHED' && l.syncedVersion === products.get(l.productId)!.version);
      },
      300_000 * SCALE,
      250,
      async () => ({
        jobs: await em().count(SyncJob, { status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } }),
        failed: await em().count(SyncJob, { status: SyncJobStatus.FAILED }),
        published: await published(),
      }),
    );

    const products = await em().find(Product, { id: { $in: ids } });
    expect(await em().count(SyncJob, { status: SyncJobStatus.FAILED })).toBe(0);
    const voso = sandboxes.VOSO.state;
    const postmart = sandboxes.POSTMART.state;
    expect(voso.duplicateSkus()).toEqual([]);
    expect(postmart.duplicateSkus()).toEqual([]);
    expect(voso.liveDuplicateSkus()).toEqual([]);
    expect(postmart.liveDuplicateSkus()).toEqual([]);
    let mismatches = 0;
    for (const product of products) {
      const atVoso = voso.products.forSku(product.sellerSku);
      const atPostmart = postmart.items.forSku(product.sellerSku);
      expect(atVoso).toHaveLength(1);
      expect(atPostmart).toHaveLength(1);
      if (atVoso[0].price !== product.priceVnd || atVoso[0].stock !== product.stock) mismatches++;
      if (atPostmart[0].input.original_price !== product.priceVnd || atPostmart[0].input.stock !== product.stock) mismatches++;
    }
    expect(mismatches).toBe(0);
    const stuck = await em().count(Listing, { productId: { $in: ids }, status: { $ne: ListingStatus.PUBLISHED } });
    // The run's figures, for the report (npx vitest run tests/subgraphs/commerce/chaos.test.ts, CHAOS_PRODUCTS=500).
    console.info(
      JSON.stringify({
        products: PRODUCTS,
        database: POSTGRES ? 'postgresql' : 'sqlite',
        seconds: Math.round((Date.now() - started) / 1000),
        duplicates: voso.duplicateSkus().length + postmart.duplicateSkus().length,
        lostUpdates: mismatches,
        stuck,
        slowCreates: voso.faultCounters.slowCreates + postmart.faultCounters.slowCreates,
        serverErrors: voso.faultCounters.serverErrors + postmart.faultCounters.serverErrors,
        dropped: voso.faultCounters.dropped + postmart.faultCounters.dropped,
        bursts: voso.faultCounters.bursts + postmart.faultCounters.bursts,
        // Every 429 the marketplaces answered: inside bursts, and by their requests-per-second limit.
        rateLimited: voso.faultCounters.burstRejections + postmart.faultCounters.burstRejections + voso.faultCounters.throttled + postmart.faultCounters.throttled,
        requests: voso.faultCounters.requests + postmart.faultCounters.requests,
      }),
    );
    expect(stuck).toBe(0);
    // The faults really happened.
    expect(voso.faultCounters.serverErrors + postmart.faultCounters.serverErrors).toBeGreaterThan(PRODUCTS / 5);
    expect(voso.faultCounters.dropped + postmart.faultCounters.dropped).toBeGreaterThan(PRODUCTS / 10);
    expect(voso.faultCounters.slowCreates + postmart.faultCounters.slowCreates).toBeGreaterThan(0);
    // Every request met during a burst was answered 429, retried after it and landed (stuck is 0 above).
    expect(voso.faultCounters.burstRejections).toBeGreaterThan(0);
    expect(postmart.faultCounters.burstRejections).toBeGreaterThan(0);
  });
});
