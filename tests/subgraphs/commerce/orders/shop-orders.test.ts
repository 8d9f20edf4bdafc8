import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors, marketplaceSettings } from '../../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../../connectors/marketplace/sandboxes.js';
import { createLogger } from '../../../../core/logger.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import type { Marketplace } from '../../../../subgraphs/commerce/catalogue/marketplace.js';
import { Product } from '../../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../../subgraphs/commerce/listings/listing.entity.js';
import { ShopConnectorPool } from '../../../../subgraphs/commerce/shops/shop-connector-pool.js';
import { shopSecretBox, shopSettings } from '../../../../subgraphs/commerce/shops/shop-settings.js';
import type { SyncWorker } from '../../../../subgraphs/commerce/sync/sync-worker.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { producerToken, startCommerce, startWorker, waitFor } from '../support/commerce-harness.js';

type Order = { marketplace: string; externalOrderId: string; lines: { productId: string | null; quantity: number }[] };

for (const postgres of [false, ...(TEST_DATABASE_URL ? [true] : [])]) {
  describe(`orders are pulled per producer shop (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let env: TestEnvironment;
    let subgraph: RunningSubgraph;
    let sandboxes: MarketplaceSandboxes;
    let worker: SyncWorker | undefined;
    let admin: Record<string, string>;
    const producers: { id: string; vosoShop: string; postmartShop: string; product?: { id: string; sellerSku: string } }[] = [
      { id: '', vosoShop: 'shop-rau-a', postmartShop: '7101' },
      { id: '', vosoShop: 'shop-rau-b', postmartShop: '7102' },
    ];

    beforeAll(async () => {
      env = await createTestEnvironment({ postgres });
      sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 0, timeoutMs: 15_000 });
      // No shared credential: every order must come through its shop's own connection.
      const config = env.config.with(marketplaceSettings, sandboxes.settings).with(shopSettings, { ...env.config.get(shopSettings), fallback: 'none' });
      subgraph = await startCommerce(env, { config });
      admin = bearer(await signHubToken(env.config, { subject: 'admin', roles: [Role.ADMIN] }));
      const pool = new ShopConnectorPool(subgraph.orm, sandboxes.settings, shopSecretBox(config), config.get(shopSettings), createLogger('test-pool', 'silent'));
      worker = startWorker(subgraph, { connectors: createConnectors(sandboxes.settings), shops: pool }, { retries: 3 });
    });
    afterAll(async () => {
      await worker?.stop();
      await subgraph?.close();
      await sandboxes?.close();
      await env?.cleanup();
    });

    const gql = async (headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) => {
      const result = await postGraphQL(subgraph.url, query, variables, headers);
      expect(result.errors).toBeUndefined();
      return result.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const listing = (productId: string, marketplace: Marketplace) => subgraph.orm.em.fork().findOneOrFail(Listing, { productId, marketplace });
    const ordersOf = async (producerId: string): Promise<Order[]> =>
      (await gql(bearer(await producerToken(env.config, [producerId])), `query($p: ID!) { orders(producerId: $p) { edges { node { marketplace externalOrderId lines { productId quantity } } } } }`, { p: producerId })).orders.edges.map((e: { node: Order }) => e.node);

    it('two producers\' shops: each order lands against the producer owning the shop that sold it', { timeout: 180_000 }, async () => {
      for (const [i, producer] of producers.entries()) {
        const created = await gql(admin, `mutation($i: CreateProducerInput!) { createProducer(input: $i) { producer { id } } }`, { i: { kind: 'HOUSEHOLD', name: `Hộ rau ${i}`, communeId: '05068/1' } });
        producer.id = created.createProducer.producer.id;
        const started = await gql(admin, `mutation($p: ID!) { startShopAuthorization(input: { producerId: $p, marketplace: VOSO }) { authorizeUrl } }`, { p: producer.id });
        const location = new URL(await sandboxes.VOSO.approve({ authorizeUrl: started.startShopAuthorization.authorizeUrl, shopId: producer.vosoShop }));
        expect((await fetch(`${new URL(subgraph.url).origin}${location.pathname}${location.search}`)).status).toBe(200);
        sandboxes.POSTMART.authorizeShop(producer.postmartShop);
        await gql(admin, `mutation($p: ID!, $s: String!) { connectShop(input: { producerId: $p, marketplace: POSTMART, shopId: $s }) { status } }`, { p: producer.id, s: producer.postmartShop });
        const product = await gql(
          admin,
          `mutation($p: ID!) { createProduct(input: { producerId: $p, name: "Rau muống ${i}", category: "vegetables", unit: "kg", netWeightGrams: 1000, priceVnd: 20000, stock: 50 }) { product { id sellerSku } } }`,
          { p: producer.id },
        );
        producer.product = product.createProduct.product;
        await gql(admin, `mutation { publishProduct(input: { productId: "${producer.product!.id}", marketplaces: [VOSO, POSTMART] }) { product { id } } }`);
      }
      for (const producer of producers) {
        await waitFor('published on both', async () => (await listing(producer.product!.id, 'VOSO')).status === 'PUBLISHED' && (await listing(producer.product!.id, 'POSTMART')).status === 'PUBLISHED');
      }
      const [a, b] = producers as [(typeof producers)[0], (typeof producers)[0]];
      const placed = {
        a: [sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: a.product!.sellerSku, quantity: 2 }] }).order_id, sandboxes.POSTMART.placeOrder({ lines: [{ sellerSku: a.product!.sellerSku, quantity: 1 }] }).order_sn],
        b: [sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: b.product!.sellerSku, quantity: 3 }] }).order_id, sandboxes.POSTMART.placeOrder({ lines: [{ sellerSku: b.product!.sellerSku, quantity: 4 }] }).order_sn],
      };
      // The marketplace-wide credential's own shop sold nothing: its feed is empty (feeds are per shop).
      expect((await createConnectors(sandboxes.settings).VOSO.listOrdersSince(null, 10)).orders).toEqual([]);

      await worker!.pullOrders('VOSO');
      await worker!.pullOrders('POSTMART');
      const ofA = await ordersOf(a.id);
      const ofB = await ordersOf(b.id);
      expect(ofA.map((o) => o.externalOrderId).sort()).toEqual([...placed.a].sort());
      expect(ofB.map((o) => o.externalOrderId).sort()).toEqual([...placed.b].sort());
      for (const order of ofA) expect(order.lines).toEqual([{ productId: a.product!.id, quantity: order.marketplace === 'VOSO' ? 2 : 1 }]);
      for (const order of ofB) expect(order.lines).toEqual([{ productId: b.product!.id, quantity: order.marketplace === 'VOSO' ? 3 : 4 }]);
      const stock = async (id: string) => (await subgraph.orm.em.fork().findOneOrFail(Product, id)).stock;
      expect([await stock(a.product!.id), await stock(b.product!.id)]).toEqual([47, 43]);
      // Pulling again reads nothing twice.
      expect(await worker!.pullOrders('VOSO')).toMatchObject({ fetched: 0 });
    });

    it('a revoked shop\'s orders are not pulled, its connection says why, and the other shop\'s still are', { timeout: 120_000 }, async () => {
      const [a, b] = producers as [(typeof producers)[0], (typeof producers)[0]];
      sandboxes.VOSO.revokeShop(b.vosoShop);
      sandboxes.POSTMART.revokeShop(b.postmartShop);
      const fromB = [sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: b.product!.sellerSku, quantity: 1 }] }).order_id, sandboxes.POSTMART.placeOrder({ lines: [{ sellerSku: b.product!.sellerSku, quantity: 1 }] }).order_sn];
      const fromA = sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: a.product!.sellerSku, quantity: 5 }] }).order_id;

      await worker!.pullOrders('VOSO');
      await worker!.pullOrders('POSTMART');
      expect((await ordersOf(a.id)).map((o) => o.externalOrderId)).toContain(fromA);
      const ofB = (await ordersOf(b.id)).map((o) => o.externalOrderId);
      for (const id of fromB) expect(ofB).not.toContain(id);
      const shown = await gql(bearer(await producerToken(env.config, [b.id])), `query($p: ID!) { producer(id: $p) { shopConnections { marketplace status lastError } } }`, { p: b.id });
      expect(shown.producer.shopConnections).toEqual([
        { marketplace: 'POSTMART', status: 'REVOKED', lastError: expect.stringMatching(/error_permission/) },
        { marketplace: 'VOSO', status: 'REVOKED', lastError: expect.stringMatching(/invalid_grant/) },
      ]);
      // Skipped from then on: no request is made for the revoked shops.
      const before = sandboxes.VOSO.state.requestsByRoute.get('POST /oauth2/token');
      await worker!.pullOrders('VOSO');
      expect(sandboxes.VOSO.state.requestsByRoute.get('POST /oauth2/token')).toBe(before);
    });
  });
}
