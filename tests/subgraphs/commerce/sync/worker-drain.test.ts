import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { Listing } from '../../../../subgraphs/commerce/listings/listing.entity.js';
import { SyncJob, SyncJobStatus } from '../../../../subgraphs/commerce/sync/sync-job.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { producerToken, startCommerce, startWorker } from '../support/commerce-harness.js';
import { FakeMarketplace } from '../support/fake-marketplace.js';

const PRODUCER = 'pilot-voso-02';

/** SIGTERM drains the worker: it claims nothing more and lets the jobs in flight finish within the grace period. */
describe('sync worker: stop with a grace period (SIGTERM)', () => {
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

  async function publishNewProduct(name: string): Promise<string> {
    const created = await postGraphQL<{ createProduct: { product: { id: string } } }>(
      subgraph.url,
      `mutation ($name: String!) { createProduct(input: { producerId: "${PRODUCER}", name: $name, category: "vegetables", unit: "kg", netWeightGrams: 1000, priceVnd: 20000, stock: 100 }) { product { id } } }`,
      { name },
      member,
    );
    const id = created.data!.createProduct.product.id;
    const published = await postGraphQL(subgraph.url, `mutation { publishProduct(input: { productId: "${id}", marketplaces: [VOSO] }) { product { id } } }`, {}, member);
    expect(published.errors).toBeUndefined();
    return id;
  }

  it('finishes a job whose marketplace call is in flight instead of interrupting it', async () => {
    const voso = new FakeMarketplace('VOSO');
    const release = voso.holdCalls();
    const worker = startWorker(subgraph, { connectors: { VOSO: voso } });
    const productId = await publishNewProduct('Măng đắng sấy');
    await expect.poll(() => voso.calls.createListing ?? 0, { timeout: 60_000, interval: 20 }).toBe(1);
    // The call answers only once stop() waits for the jobs in flight (worker.idle): it was in flight all through the stop.
    const idle = worker.idle.bind(worker);
    vi.spyOn(worker, 'idle').mockImplementation(() => {
      release();
      return idle();
    });
    await worker.stop({ graceMs: 60_000 });

    const em = subgraph.orm.em.fork();
    const listing = await em.findOneOrFail(Listing, { productId, marketplace: 'VOSO' });
    expect(listing.status).toBe('PUBLISHED');
    expect(await em.count(SyncJob, { listingId: listing.id, status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } })).toBe(0);
    expect(worker.stats.done).toBe(1);
  });

  it('without a grace period the job in flight is put back in the queue, not lost', async () => {
    const voso = new FakeMarketplace('VOSO');
    const release = voso.holdCalls();
    const worker = startWorker(subgraph, { connectors: { VOSO: voso } });
    const productId = await publishNewProduct('Cá suối nướng');
    await expect.poll(() => voso.calls.createListing ?? 0, { timeout: 60_000, interval: 20 }).toBe(1);
    // Without a grace period stop() interrupts the jobs in flight before its first await; the call answers after that.
    const stopped = worker.stop();
    release();
    await stopped;

    const em = subgraph.orm.em.fork();
    const listing = await em.findOneOrFail(Listing, { productId, marketplace: 'VOSO' });
    expect(worker.stats.done).toBe(0);
    expect(await em.count(SyncJob, { listingId: listing.id, status: SyncJobStatus.PENDING })).toBe(1);
  });
});
