import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { Product } from '../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { SyncJob, SyncJobStatus } from '../../../subgraphs/commerce/sync/sync-job.entity.js';
import { ListingStatus } from '../../../subgraphs/commerce/listings/listing-status.js';
import { Marketplace } from '../../../subgraphs/commerce/catalogue/marketplace.js';
import type { SyncWorker } from '../../../subgraphs/commerce/sync/sync-worker.js';
import { SyncWorkerLease } from '../../../subgraphs/commerce/sync/worker-lease.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { producerToken, startCommerce, startWorker, waitFor } from './support/commerce-harness.js';
import { FakeMarketplace } from './support/fake-marketplace.js';

const PRODUCER = 'pilot-voso-02';

describe('commerce sync engine (in-memory marketplaces)', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let member: Record<string, string>;
  let workers: SyncWorker[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startCommerce(env);
    member = bearer(await producerToken(env.config, [PRODUCER]));
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await postGraphQL(subgraph.url, query, variables, member);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, unknown>;
  };
  // Each test works on a product of its own (PRODUCT), so no test depends on what another left behind.
  let PRODUCT = '';
  let productCount = 0;
  const listing = async (marketplace: string) => subgraph.orm.em.fork().findOneOrFail(Listing, { productId: PRODUCT, marketplace: marketplace as Listing['marketplace'] });
  const product = async () => subgraph.orm.em.fork().findOneOrFail(Product, { id: PRODUCT });
  const publish = (marketplaces: string[]) => gql(`mutation ($m: [Marketplace!]!) { publishProduct(input: { productId: "${PRODUCT}", marketplaces: $m }) { product { id } } }`, { m: marketplaces });
  const setPrice = (priceVnd: number, stock?: number) =>
    gql(`mutation ($p: Vnd!, $s: Int) { updateProduct(input: { productId: "${PRODUCT}", priceVnd: $p, stock: $s }) { product { version } } }`, { p: priceVnd, s: stock });
  const openJobs = async () => subgraph.orm.em.fork().count(SyncJob, { status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } });

  /** A new product of PRODUCER, DRAFT on both marketplaces. */
  async function newProduct(): Promise<void> {
    productCount += 1;
    const created = await gql(
      `mutation ($name: String!) { createProduct(input: { producerId: "${PRODUCER}", name: $name, category: "vegetables", unit: "kg", netWeightGrams: 1000, priceVnd: 20000, stock: 100 }) { product { id } } }`,
      { name: `Lặc lày ${productCount}` },
    );
    PRODUCT = (created.createProduct as { product: { id: string } }).product.id;
  }

  /** A new product published on both marketplaces, which the fakes then hold as a real marketplace would. */
  async function publishedProduct(voso: FakeMarketplace, postmart: FakeMarketplace): Promise<void> {
    await newProduct();
    const worker = startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } });
    await publish(['VOSO', 'POSTMART']);
    await waitFor('both listings published', async () => (await listing('VOSO')).status === 'PUBLISHED' && (await listing('POSTMART')).status === 'PUBLISHED');
    await worker.stop();
    for (const fake of [voso, postmart]) {
      for (const key of Object.keys(fake.calls)) delete fake.calls[key];
      fake.writes.length = 0;
      fake.callTimes.length = 0;
    }
  }

  it('publishes once despite lost create responses, 5xx and 429 bursts, then follows price changes', async () => {
    const voso = new FakeMarketplace('VOSO', { seed: 7 });
    const postmart = new FakeMarketplace('POSTMART', { reviewMs: 150, seed: 9 });
    voso.faults = { errorRate: 0.2, dropRate: 0.3, burstRate: 0.05, burstMs: 60 };
    postmart.faults = { errorRate: 0.2, dropRate: 0.3, burstRate: 0.05, burstMs: 60 };
    await newProduct();
    workers.push(startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } }));
    await publish(['VOSO', 'POSTMART']);
    await waitFor('both listings published', async () => (await listing('VOSO')).status === 'PUBLISHED' && (await listing('POSTMART')).status === 'PUBLISHED');
    const sku = (await product()).sellerSku;
    expect(voso.countBySku().get(sku)).toBe(1);
    expect(postmart.countBySku().get(sku)).toBe(1);
    expect((await listing('VOSO')).externalId).toBe(voso.bySku(sku)!.externalId);

    await setPrice(21000, 90);
    await setPrice(22000, 80);
    const latest = await product();
    await waitFor('both marketplaces hold the latest version', async () => {
      const [v, p] = [await listing('VOSO'), await listing('POSTMART')];
      return v.syncedVersion === latest.version && p.syncedVersion === latest.version;
    });
    for (const fake of [voso, postmart]) expect(fake.bySku(sku)).toMatchObject({ priceVnd: 22000, stock: 80, status: ListingStatus.PUBLISHED });
  });

  it('resolves a create whose response was lost by looking the SKU up, and stores the id at once', async () => {
    const voso = new FakeMarketplace('VOSO');
    const postmart = new FakeMarketplace('POSTMART');
    voso.dropCreates = 2;
    const created = await postGraphQL(
      subgraph.url,
      `mutation { createProduct(input: { producerId: "${PRODUCER}", name: "Măng khô", category: "dried goods", unit: "kg", netWeightGrams: 1000, priceVnd: 180000, stock: 20 }) { product { id } } }`,
      {},
      member,
    );
    const id = (created.data as { createProduct: { product: { id: string } } }).createProduct.product.id;
    await gql(`mutation ($id: ID!) { publishProduct(input: { productId: $id, marketplaces: [VOSO] }) { product { id } } }`, { id });
    workers.push(startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } }));
    const em = () => subgraph.orm.em.fork();
    await waitFor('published', async () => (await em().findOneOrFail(Listing, { productId: id, marketplace: Marketplace.VOSO })).status === 'PUBLISHED');
    const sku = (await em().findOneOrFail(Product, { id })).sellerSku;
    expect(voso.calls.createListing).toBe(1);
    expect(voso.calls.findListingBySku).toBeGreaterThanOrEqual(1);
    expect(voso.countBySku().get(sku)).toBe(1);
    expect((await em().findOneOrFail(Listing, { productId: id, marketplace: Marketplace.VOSO })).externalId).toBe(voso.bySku(sku)!.externalId);
  });

  it('honours Retry-After on a 429 without spending the attempt budget', async () => {
    const voso = new FakeMarketplace('VOSO');
    const postmart = new FakeMarketplace('POSTMART');
    await publishedProduct(voso, postmart);
    voso.rateLimitNext = { count: 3, retryAfterMs: 250 };
    // One retry in the budget: three 429s in a row would exhaust it if they counted.
    const worker = startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } }, { retries: 1 });
    workers.push(worker);
    await setPrice(25000);
    await waitFor('voso in sync', async () => (await listing('VOSO')).syncedVersion === (await product()).version);
    expect((await listing('VOSO')).status).toBe('PUBLISHED');
    expect(voso.calls.updatePriceAndStock).toBe(4);
    // Each 429's Retry-After paused every caller of voso (the pacer counts it), one after the other.
    expect(worker.limiter('VOSO').pausedMs).toBe(750);
    const times = voso.callTimes.map((c) => c.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('shows FAILED with the error after its bounded attempts, and retryListing brings it back', async () => {
    const voso = new FakeMarketplace('VOSO');
    const postmart = new FakeMarketplace('POSTMART');
    await publishedProduct(voso, postmart);
    voso.faults = { errorRate: 0, dropRate: 0, burstRate: 0, burstMs: 0, always: 'TRANSIENT' };
    const worker = startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } }, { retries: 3 });
    workers.push(worker);
    await setPrice(23000);
    await waitFor('voso listing FAILED', async () => (await listing('VOSO')).status === 'FAILED');
    expect((await listing('VOSO')).lastError).toMatch(/TRANSIENT: HTTP 503/);
    expect(voso.calls.updatePriceAndStock).toBe(4);
    const shown = await gql(`{ product(id: "${PRODUCT}") { listings { marketplace status inSync lastError } } }`);
    expect((shown.product as { listings: unknown[] }).listings).toContainEqual({ marketplace: 'VOSO', status: 'FAILED', inSync: false, lastError: expect.stringContaining('503') });

    voso.faults.always = null;
    const retried = await gql(`mutation { retryListing(input: { productId: "${PRODUCT}", marketplace: VOSO }) { listing { status lastError } } }`);
    expect(retried.retryListing).toMatchObject({ listing: { status: 'PENDING_SYNC', lastError: null } });
    await waitFor('voso listing back', async () => (await listing('VOSO')).status === 'PUBLISHED');
    expect((await listing('VOSO')).syncedVersion).toBe((await product()).version);
  });

  it('keeps a live listing PUBLISHED (not in sync, with the reason) when the marketplace refuses an update, and sends the next change', async () => {
    const voso = new FakeMarketplace('VOSO');
    const postmart = new FakeMarketplace('POSTMART');
    await publishedProduct(voso, postmart);
    postmart.faults = { errorRate: 0, dropRate: 0, burstRate: 0, burstMs: 0, always: 'REJECTED' };
    workers.push(startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } }));
    await gql(`mutation { updateProduct(input: { productId: "${PRODUCT}", description: "Lặc lày Nam Thượng" }) { product { version } } }`);
    await waitFor('the refusal recorded on the postmart listing', async () => !!(await listing('POSTMART')).rejectionReason);
    const refused = await listing('POSTMART');
    expect(refused).toMatchObject({ status: 'PUBLISHED', rejectionReason: 'Tên sản phẩm không hợp lệ' });
    expect(refused.syncedVersion).toBeLessThan((await product()).version);
    postmart.faults.always = null;
    await gql(`mutation { updateProduct(input: { productId: "${PRODUCT}", name: "Lặc lày Hòa Bình" }) { product { version } } }`);
    await waitFor('postmart listing in sync again', async () => (await listing('POSTMART')).syncedVersion === (await product()).version);
    expect(await listing('POSTMART')).toMatchObject({ status: 'PUBLISHED', rejectionReason: null });
  });

  it('never lets an older change overwrite a newer one: 30 quick changes end with the last', async () => {
    const voso = new FakeMarketplace('VOSO', { latencyMs: 5 });
    const postmart = new FakeMarketplace('POSTMART', { latencyMs: 5 });
    await publishedProduct(voso, postmart);
    const sku = (await product()).sellerSku;
    // Ten changes before any worker runs fold into one queued job; twenty more race the worker.
    for (let i = 1; i <= 10; i++) await setPrice(30000 + i, i);
    workers.push(startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } }, { concurrency: 4 }));
    for (let i = 11; i <= 30; i++) await setPrice(30000 + i, i);
    const latest = await product();
    await waitFor('in sync', async () => (await listing('VOSO')).syncedVersion === latest.version && (await listing('POSTMART')).syncedVersion === latest.version);
    for (const fake of [voso, postmart]) {
      expect(fake.bySku(sku)).toMatchObject({ priceVnd: 30030, stock: 30 });
      const prices = fake.writes.map((w) => w.priceVnd);
      expect([...prices].sort((a, b) => a - b)).toEqual(prices);
      expect(prices.length).toBeLessThanOrEqual(21);
    }
    expect(await openJobs()).toBe(0);
  });

  it('delists, and publishes again on the same marketplace listing', async () => {
    const voso = new FakeMarketplace('VOSO');
    const postmart = new FakeMarketplace('POSTMART');
    await publishedProduct(voso, postmart);
    const sku = (await product()).sellerSku;
    workers.push(startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } }));
    await gql(`mutation { delistProduct(input: { productId: "${PRODUCT}", marketplaces: [VOSO] }) { product { id } } }`);
    await waitFor('delisted', async () => (await listing('VOSO')).status === 'DELISTED');
    expect(voso.bySku(sku)?.status).toBe('DELISTED');
    await publish(['VOSO']);
    await waitFor('published again', async () => (await listing('VOSO')).status === 'PUBLISHED');
    expect(voso.bySku(sku)?.status).toBe('PUBLISHED');
    expect(voso.calls.createListing ?? 0).toBe(0);
  });

  it('runs one worker per SQLite database: a second one idles until the first stops', async () => {
    const voso = new FakeMarketplace('VOSO');
    const postmart = new FakeMarketplace('POSTMART');
    await publishedProduct(voso, postmart);
    const first = startWorker(subgraph, { connectors: { VOSO: voso, POSTMART: postmart } });
    workers.push(first);
    const holder = async () => (await subgraph.orm.em.fork().findOne(SyncWorkerLease, { name: 'sync' }))?.holder;
    await waitFor('the first worker holds the single-worker lease', async () => (await holder()) === first.id);
    const idleVoso = new FakeMarketplace('VOSO');
    const idlePostmart = new FakeMarketplace('POSTMART');
    const second = startWorker(subgraph, { connectors: { VOSO: idleVoso, POSTMART: idlePostmart } });
    workers.push(second);
    await setPrice(40000);
    await waitFor('synced', async () => (await listing('VOSO')).syncedVersion === (await product()).version && (await listing('POSTMART')).syncedVersion === (await product()).version);
    expect(Object.keys(idleVoso.calls).length + Object.keys(idlePostmart.calls).length).toBe(0);
    await first.stop();
    await setPrice(41000);
    await waitFor('synced by the second worker', async () => (await listing('VOSO')).syncedVersion === (await product()).version);
    expect(idleVoso.calls.updatePriceAndStock).toBe(1);
  });

});
