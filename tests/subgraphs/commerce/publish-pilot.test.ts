import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../connectors/marketplace/sandboxes.js';
import { PILOT_PRODUCTS, pilotProductId } from '../../../subgraphs/commerce/seed/pilot-catalogue.js';
import { Product } from '../../../subgraphs/commerce/catalogue/product.entity.js';
import { Producer, ProducerKind } from '../../../subgraphs/commerce/catalogue/producer.entity.js';
import { createProduct } from '../../../subgraphs/commerce/catalogue/product.command.js';
import type { CreateProductInput } from '../../../subgraphs/commerce/catalogue/product.inputs.js';
import type { SyncWorker } from '../../../subgraphs/commerce/sync/sync-worker.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { producerToken, startWorker, waitFor } from './support/commerce-harness.js';

const VOSO_HOUSEHOLDS = PILOT_PRODUCTS.map((_, i) => `pilot-voso-${String(i + 1).padStart(2, '0')}`);

interface ListingView {
  marketplace: string;
  status: string;
  externalUrl: string | null;
  inSync: boolean;
  lastError: string | null;
}

describe('commerce acceptance: the pilot products published on both sandboxes through the gateway', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let sandboxes: MarketplaceSandboxes;
  let worker: SyncWorker;
  let member: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment();
    // postmart's reviews end when a test says so (moderateNow), not after some time.
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 3_600_000 });
    hub = await startHub({ env, subgraphs: ['governance', 'commerce'], seed: true });
    worker = startWorker(hub.subgraphs.commerce!, { connectors: createConnectors(sandboxes.settings) }, { reviewPollMs: 100, orderPollMs: 100 });
    member = bearer(await producerToken(env.config, VOSO_HOUSEHOLDS));
  });
  afterAll(async () => {
    await worker?.stop();
    await hub?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  const gql = async (query: string, variables: Record<string, unknown> = {}, headers = member) => {
    const result = await postGraphQL(hub.url, query, variables, headers);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, unknown>;
  };

  const communeListings = async (headers: Record<string, string> = member) => {
    const data = await gql(
      `{ communes(provinceCode: "25") { name products(first: 100) { edges { node { id name priceVnd stock listings { marketplace status externalUrl inSync lastError } } } } } }`,
      {},
      headers,
    );
    return (data.communes as { products: { edges: { node: { id: string; stock: number; listings: ListingView[] } }[] } }[]).flatMap((c) => c.products.edges.map((e) => e.node));
  };

  it('publishes every pilot product to VOSO and POSTMART: all PUBLISHED (postmart after review), one listing per product at each sandbox', async () => {
    for (const product of PILOT_PRODUCTS) {
      const published = await gql(`mutation ($id: ID!) { publishProduct(input: { productId: $id, marketplaces: [VOSO, POSTMART] }) { product { id } } }`, {
        id: pilotProductId(product.key),
      });
      expect(published.publishProduct).toBeTruthy();
    }
    const statuses = async () => (await communeListings()).map((p) => p.listings.map((l) => `${l.marketplace}:${l.status}:${l.inSync}:${l.lastError}`));
    await waitFor(
      'voso listings PUBLISHED, postmart ones under review',
      async () => {
        const listings = (await communeListings()).flatMap((p) => p.listings);
        return listings.length === 22 && listings.every((l) => (l.marketplace === 'VOSO' ? l.status === 'PUBLISHED' : l.status === 'PENDING_REVIEW'));
      },
      60_000,
      100,
      statuses,
    );
    sandboxes.POSTMART.moderateNow();
    await waitFor(
      'every listing PUBLISHED and in sync',
      async () => {
        const products = await communeListings();
        const listings = products.flatMap((p) => p.listings);
        return products.length === 11 && listings.length === 22 && listings.every((l) => l.status === 'PUBLISHED' && l.inSync);
      },
      60_000,
      100,
      statuses,
    );
    const products = await communeListings();
    expect(products.flatMap((p) => p.listings).every((l) => l.externalUrl && l.lastError === null)).toBe(true);

    const skus = (await hub.subgraphs.commerce!.orm.em.fork().find(Product, { id: { $in: PILOT_PRODUCTS.map((p) => pilotProductId(p.key)) } })).map((p) => p.sellerSku);
    for (const state of [sandboxes.VOSO.state, sandboxes.POSTMART.state]) {
      const counts = state.listingCountBySku();
      expect(skus.map((sku) => counts.get(sku))).toEqual(skus.map(() => 1));
      expect(state.duplicateSkus()).toEqual([]);
    }

    // Anonymous callers now see the published products through the graph.
    const anonymous = await postGraphQL(hub.url, `{ products(search: "bi xanh") { totalCount edges { node { name listings { marketplace status lastError } } } } }`);
    expect(anonymous.data?.products).toMatchObject({ totalCount: 1, edges: [{ node: { name: 'Bí xanh', listings: [{ marketplace: 'POSTMART', status: 'PUBLISHED' }, { marketplace: 'VOSO', status: 'PUBLISHED' }] } }] });
  });

  it('pulls orders, deduplicated, with the buyer masked; stock follows on every marketplace', async () => {
    const id = pilotProductId('bi-xanh');
    const em = () => hub.subgraphs.commerce!.orm.em.fork();
    const before = await em().findOneOrFail(Product, { id });
    const order = sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: before.sellerSku, quantity: 7 }], buyerName: 'Nguyễn Văn An', buyerPhone: '0912345678' });
    await waitFor('stock taken and synced to postmart', async () => {
      const product = await em().findOneOrFail(Product, { id });
      const postmartItem = sandboxes.POSTMART.state.items.forSku(product.sellerSku)[0];
      return product.stock === before.stock - 7 && postmartItem?.input.stock === before.stock - 7;
    });
    const orders = await gql(`{ orders(producerId: "pilot-voso-01") { totalCount edges { node { marketplace externalOrderId status buyerName buyerPhone lines { quantity productId } } } } }`);
    expect(orders.orders).toMatchObject({
      totalCount: 1,
      edges: [{ node: { marketplace: 'VOSO', status: 'PLACED', buyerName: 'N***** V** A*', buyerPhone: '*******678', lines: [{ quantity: 7, productId: id }] } }],
    });
    expect(JSON.stringify(orders)).not.toContain('0912345678');
    // Pulled again (the worker keeps polling the feed): still one order, stock taken once.
    const polls = () => sandboxes.VOSO.state.requestsByRoute.get('GET /v1/orders') ?? 0;
    const pollsBefore = polls();
    await waitFor('the order feed read twice more', async () => polls() >= pollsBefore + 2);
    expect((await em().findOneOrFail(Product, { id })).stock).toBe(before.stock - 7);

    sandboxes.VOSO.setOrderStatus(order.order_id, 'CANCELLED');
    await waitFor('stock given back', async () => (await em().findOneOrFail(Product, { id })).stock === before.stock);
    const anonymous = await postGraphQL(hub.url, `{ orders(producerId: "pilot-voso-01") { totalCount } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows postmart\'s moderation rejection with its reason, and a corrected description passes review', async () => {
    const created = await gql(
      `mutation { createProduct(input: { producerId: "pilot-voso-02", name: "Chè shan tuyết", description: "Uống chữa bệnh dạ dày", category: "tea", unit: "hộp", netWeightGrams: 200, priceVnd: 150000, stock: 30 }) { product { id } } }`,
    );
    const id = (created.createProduct as { product: { id: string } }).product.id;
    await gql(`mutation ($id: ID!) { publishProduct(input: { productId: $id, marketplaces: [POSTMART] }) { product { id } } }`, { id });
    const postmartListing = async () =>
      ((await gql(`query ($id: ID!) { product(id: $id) { listings { marketplace status rejectionReason inSync } } }`, { id })).product as {
        listings: { marketplace: string; status: string; rejectionReason: string | null; inSync: boolean }[];
      }).listings.find((l) => l.marketplace === 'POSTMART')!;
    await waitFor('under review', async () => (await postmartListing()).status === 'PENDING_REVIEW', 60_000, 100);
    sandboxes.POSTMART.moderateNow();
    await waitFor('rejected by moderation', async () => (await postmartListing()).status === 'REJECTED', 60_000, 100);
    expect((await postmartListing()).rejectionReason).toMatch(/chữa bệnh/);
    await gql(`mutation ($id: ID!) { updateProduct(input: { productId: $id, description: "Chè shan tuyết cổ thụ, sao tay" }) { product { version } } }`, { id });
    await waitFor('back under review', async () => (await postmartListing()).status === 'PENDING_REVIEW', 60_000, 100);
    sandboxes.POSTMART.moderateNow();
    await waitFor('published after review', async () => (await postmartListing()).status === 'PUBLISHED', 60_000, 100);
    expect(await postmartListing()).toMatchObject({ rejectionReason: null, inSync: true });
    const sku = (await hub.subgraphs.commerce!.orm.em.fork().findOneOrFail(Product, { id })).sellerSku;
    expect(sandboxes.POSTMART.state.listingCountBySku().get(sku)).toBe(1);
  });

  it('shows a merged commune the producers of the units merged into it (Commune.lineageIds)', async () => {
    const em = hub.subgraphs.commerce!.orm.em.fork();
    await em.transactional(async (tx) => {
      const producer = tx.create(Producer, {
        id: 'test-nam-thuong-01', kind: ProducerKind.HOUSEHOLD, name: 'Hộ đăng ký ở Nam Thượng', nameSearch: 'ho dang ky o nam thuong',
        communeId: '05068/1', marketplaces: [], contactName: null, contactPhone: null, createdAt: new Date(),
      });
      tx.persist(producer);
      await createProduct(tx, producer, { producerId: producer.id, name: 'Măng đắng', category: 'vegetables', unit: 'kg', netWeightGrams: 1000, priceVnd: 40000, stock: 10 } as CreateProductInput);
    });
    const owner = bearer(await producerToken(env.config, ['test-nam-thuong-01']));
    const names = async (code: string, on?: string) => {
      const data = await gql(`query ($code: String!, $on: Date) { commune(code: $code, on: $on) { name producers(first: 100) { edges { node { id } } } products(first: 100) { edges { node { name } } } } }`, { code, on }, owner);
      const commune = data.commune as { producers: { edges: { node: { id: string } }[] }; products: { edges: { node: { name: string } }[] } };
      return { producers: commune.producers.edges.map((e) => e.node.id), products: commune.products.edges.map((e) => e.node.name) };
    };
    const hopKim = await names('05068');
    expect(hopKim.producers).toContain('test-nam-thuong-01');
    expect(hopKim.products).toContain('Măng đắng');
    expect((await names('05068', '2021-06-01')).products).toContain('Măng đắng');
    expect((await names('04960')).products).not.toContain('Măng đắng');
  });
});
