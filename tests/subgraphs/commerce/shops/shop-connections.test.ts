import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors, marketplaceSettings } from '../../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../../connectors/marketplace/sandboxes.js';
import { createLogger } from '../../../../core/logger.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import type { Marketplace } from '../../../../subgraphs/commerce/catalogue/marketplace.js';
import { Product } from '../../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../../subgraphs/commerce/listings/listing.entity.js';
import { ShopConnection } from '../../../../subgraphs/commerce/shops/shop-connection.entity.js';
import { ShopConnectorPool } from '../../../../subgraphs/commerce/shops/shop-connector-pool.js';
import { shopSecretBox, shopSettings } from '../../../../subgraphs/commerce/shops/shop-settings.js';
import type { SyncWorker } from '../../../../subgraphs/commerce/sync/sync-worker.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { producerToken, startCommerce, startWorker, waitFor } from '../support/commerce-harness.js';

const PILOT_PRODUCER = 'pilot-voso-04';

describe('shop connections: each producer writes to its own shop, tokens refreshed before they fail a job, revocation shown', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;
  let pool: ShopConnectorPool;
  let worker: SyncWorker | undefined;
  let manager: Record<string, string>;
  let admin: Record<string, string>;
  let newProducerId: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 50, timeoutMs: 15_000 });
    const config = env.config.with(marketplaceSettings, sandboxes.settings).with(shopSettings, { ...env.config.get(shopSettings), fallback: 'none' });
    subgraph = await startCommerce(env, { config });
    manager = bearer(await signHubToken(env.config, { subject: 'manager-05068', roles: [Role.COOPERATIVE_MANAGER], communeCodes: ['05068'] }));
    admin = bearer(await signHubToken(env.config, { subject: 'admin', roles: [Role.ADMIN] }));
    pool = new ShopConnectorPool(subgraph.orm, sandboxes.settings, shopSecretBox(config), config.get(shopSettings), createLogger('test-pool', 'silent'));
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
  const callbackUrl = (location: string) => {
    // The marketplace redirects to COMMERCE_SHOP_CALLBACK_URL; in the test the subgraph listens on a free port.
    const redirect = new URL(location);
    return `${new URL(subgraph.url).origin}${redirect.pathname}${redirect.search}`;
  };

  async function authoriseVoso(headers: Record<string, string>, producerId: string, shopId: string): Promise<void> {
    const started = await gql(headers, `mutation($p: ID!) { startShopAuthorization(input: { producerId: $p, marketplace: VOSO }) { authorizeUrl expiresAt connection { status } } }`, { p: producerId });
    const { authorizeUrl } = started.startShopAuthorization as { authorizeUrl: string };
    expect(authorizeUrl).toContain(`${sandboxes.urls.VOSO}/oauth2/authorize?`);
    const location = await sandboxes.VOSO.approve({ authorizeUrl, shopId });
    const answer = await fetch(callbackUrl(location));
    expect(answer.status).toBe(200);
    // The state is single use: the same redirect a second time is refused.
    const replay = await fetch(callbackUrl(location));
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/Unknown, used or expired state/);
  }

  async function publishedProduct(headers: Record<string, string>, producerId: string, name: string, marketplaces: string): Promise<{ id: string; sellerSku: string }> {
    const created = await gql(
      headers,
      `mutation($p: ID!, $n: String!) { createProduct(input: { producerId: $p, name: $n, category: "vegetables", unit: "kg", netWeightGrams: 1000, priceVnd: 25000, stock: 40 }) { product { id sellerSku } } }`,
      { p: producerId, n: name },
    );
    const product = created.createProduct.product as { id: string; sellerSku: string };
    await gql(headers, `mutation { publishProduct(input: { productId: "${product.id}", marketplaces: [${marketplaces}] }) { product { id } } }`);
    return product;
  }

  const listing = (productId: string, marketplace: Marketplace) => subgraph.orm.em.fork().findOneOrFail(Listing, { productId, marketplace });
  const connection = (producerId: string, marketplace: Marketplace) => subgraph.orm.em.fork().findOneOrFail(ShopConnection, { producerId, marketplace });

  it('onboards a producer through the graph (manager of its commune only) and refuses bad input', async () => {
    const outsider = bearer(await signHubToken(env.config, { subject: 'manager-04969', roles: [Role.COOPERATIVE_MANAGER], communeCodes: ['04969'] }));
    const create = `mutation($i: CreateProducerInput!) { createProducer(input: $i) { producer { id name kind commune { id } } } }`;
    const forbidden = await postGraphQL(subgraph.url, create, { i: { kind: 'COOPERATIVE', name: 'HTX Rau sạch Nam Thượng', communeId: '05068/1' } }, outsider);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badPhone = await postGraphQL(subgraph.url, create, { i: { kind: 'COOPERATIVE', name: 'HTX Rau sạch Nam Thượng', communeId: '05068/1', contactPhone: '12345' } }, manager);
    expect(badPhone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactPhone' });

    const created = await gql(manager, create, { i: { kind: 'COOPERATIVE', name: 'HTX Rau sạch Nam Thượng', communeId: '05068/1', contactName: 'Nguyễn Văn A', contactPhone: '0912345678' } });
    newProducerId = created.createProducer.producer.id as string;
    expect(created.createProducer.producer).toMatchObject({ name: 'HTX Rau sạch Nam Thượng', kind: 'COOPERATIVE', commune: { id: '05068/1' } });
    await gql(manager, `mutation($p: ID!) { updateProducer(input: { producerId: $p, name: "HTX Rau an toàn Nam Thượng" }) { producer { name } } }`, { p: newProducerId });
    await gql(manager, `mutation($p: ID!) { addProducerMember(input: { producerId: $p, subject: "member-htx", displayName: "Trần Thị B" }) { producer { id } } }`, { p: newProducerId });
    const read = await gql(manager, `query($p: ID!) { producer(id: $p) { name members { subject displayName } } }`, { p: newProducerId });
    expect(read.producer).toEqual({ name: 'HTX Rau an toàn Nam Thượng', members: [{ subject: 'member-htx', displayName: 'Trần Thị B' }] });
    // Anonymous callers do not see members.
    const anonymous = await postGraphQL(subgraph.url, `query($p: ID!) { producer(id: $p) { members { subject } } }`, { p: newProducerId });
    expect((anonymous.data as any).producer.members).toBeNull(); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  it('lands two producers\' products in their own shops, with tokens sealed at rest', { timeout: 120_000 }, async () => {
    const member = bearer(await producerToken(env.config, [PILOT_PRODUCER]));
    await authoriseVoso(manager, newProducerId, 'shop-htx');
    await authoriseVoso(member, PILOT_PRODUCER, 'shop-ho-04');
    sandboxes.POSTMART.authorizeShop('7001');
    const refused = await postGraphQL(subgraph.url, `mutation($p: ID!) { connectShop(input: { producerId: $p, marketplace: POSTMART, shopId: "7002" }) { status } }`, { p: newProducerId }, manager);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.shopId' });
    await gql(manager, `mutation($p: ID!) { connectShop(input: { producerId: $p, marketplace: POSTMART, shopId: "7001" }) { status shopId } }`, { p: newProducerId });

    const mine = await publishedProduct(admin, newProducerId, 'Cải ngọt HTX', 'VOSO, POSTMART');
    const theirs = await publishedProduct(admin, PILOT_PRODUCER, 'Cải ngọt hộ 04', 'VOSO');
    await waitFor('both published', async () => (await listing(mine.id, 'VOSO')).status === 'PUBLISHED' && (await listing(theirs.id, 'VOSO')).status === 'PUBLISHED');
    await waitFor('postmart published', async () => (await listing(mine.id, 'POSTMART')).status === 'PUBLISHED');

    expect(sandboxes.VOSO.state.products.forSku(mine.sellerSku).map((p) => p.shop_id)).toEqual(['shop-htx']);
    expect(sandboxes.VOSO.state.products.forSku(theirs.sellerSku).map((p) => p.shop_id)).toEqual(['shop-ho-04']);
    expect(sandboxes.POSTMART.state.items.forSku(mine.sellerSku).map((r) => r.shopId)).toEqual(['7001']);

    const row = await connection(newProducerId, 'VOSO');
    expect(row.accessTokenSealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    const token = shopSecretBox(env.config.with(shopSettings, env.config.get(shopSettings))).open(row.accessTokenSealed!);
    expect(sandboxes.VOSO.grants.shopOf(token)).toBe('shop-htx');
    expect(row.accessExpiresAt!.getTime() - Date.now()).toBeGreaterThan(3.9 * 3600_000);
  });

  it('refreshes an expired shop token without a failed job, both when the marketplace refuses it and before it is due', { timeout: 120_000 }, async () => {
    const product = await subgraph.orm.em.fork().findOneOrFail(Product, { producerId: newProducerId });
    const before = sandboxes.VOSO.grants.refreshes;
    // The marketplace expires the token early (as a clock skew or a server-side expiry would).
    sandboxes.VOSO.expireTokens('shop-htx');
    await gql(admin, `mutation { updateProduct(input: { productId: "${product.id}", priceVnd: 27000 }) { product { version } } }`);
    await waitFor('in sync at 27000', async () => sandboxes.VOSO.state.products.forSku(product.sellerSku)[0]?.price === 27000);
    expect(sandboxes.VOSO.grants.refreshes).toBe(before + 1);
    let after = await listing(product.id, 'VOSO');
    expect(after).toMatchObject({ status: 'PUBLISHED', attempts: 0, lastError: null });

    // Four hours pass: the stored token has a minute left, within the 10-minute margin. A worker (re)started then refreshes before calling.
    const generation = (await connection(newProducerId, 'VOSO')).generation;
    const refreshes = sandboxes.VOSO.grants.refreshes;
    await subgraph.orm.em.fork().nativeUpdate(ShopConnection, { producerId: newProducerId, marketplace: 'VOSO' }, {
      lastRefreshedAt: new Date(Date.now() - 4 * 3600_000 + 60_000),
      accessExpiresAt: new Date(Date.now() + 60_000),
    });
    await worker?.stop();
    const config = env.config.with(marketplaceSettings, sandboxes.settings);
    pool = new ShopConnectorPool(subgraph.orm, sandboxes.settings, shopSecretBox(config), { ...config.get(shopSettings), fallback: 'none' }, createLogger('test-pool', 'silent'));
    worker = startWorker(subgraph, { connectors: createConnectors(sandboxes.settings), shops: pool }, { retries: 3 });
    await gql(admin, `mutation { updateProduct(input: { productId: "${product.id}", priceVnd: 28000 }) { product { version } } }`);
    await waitFor('in sync at 28000', async () => sandboxes.VOSO.state.products.forSku(product.sellerSku)[0]?.price === 28000);
    expect((await connection(newProducerId, 'VOSO')).generation).toBe(generation + 1);
    expect(sandboxes.VOSO.grants.refreshes).toBe(refreshes + 1);
    expect(pool.refreshes).toBe(1);
    after = await listing(product.id, 'VOSO');
    expect(after).toMatchObject({ status: 'PUBLISHED', attempts: 0, lastError: null });
  });

  it('shows a revoked shop on the producer and its listings, and fails only that producer\'s listings', { timeout: 120_000 }, async () => {
    const member = bearer(await producerToken(env.config, [PILOT_PRODUCER]));
    const theirs = await subgraph.orm.em.fork().findOneOrFail(Product, { producerId: PILOT_PRODUCER, name: 'Cải ngọt hộ 04' });
    const mine = await subgraph.orm.em.fork().findOneOrFail(Product, { producerId: newProducerId });
    sandboxes.VOSO.revokeShop('shop-ho-04');
    sandboxes.POSTMART.revokeShop('7001');
    await gql(admin, `mutation { updateProduct(input: { productId: "${theirs.id}", priceVnd: 30000 }) { product { version } } }`);
    await gql(admin, `mutation { updateProduct(input: { productId: "${mine.id}", priceVnd: 31000 }) { product { version } } }`);
    await waitFor('voso listing FAILED', async () => (await listing(theirs.id, 'VOSO')).status === 'FAILED');
    await waitFor('postmart listing FAILED', async () => (await listing(mine.id, 'POSTMART')).status === 'FAILED');
    // The other producer's voso shop is unaffected.
    await waitFor('htx voso in sync', async () => sandboxes.VOSO.state.products.forSku(mine.sellerSku)[0]?.price === 31000);

    const shown = await gql(
      member,
      `query($p: ID!, $id: ID!) { producer(id: $p) { shopConnections { marketplace status shopId lastError } } product(id: $id) { listings { marketplace status lastError shopConnection { status } } } }`,
      { p: PILOT_PRODUCER, id: theirs.id },
    );
    expect(shown.producer.shopConnections).toEqual([{ marketplace: 'VOSO', status: 'REVOKED', shopId: 'shop-ho-04', lastError: expect.stringMatching(/invalid_grant/) }]);
    expect(shown.product.listings).toEqual([
      { marketplace: 'VOSO', status: 'FAILED', lastError: expect.stringMatching(/^AUTH: The VOSO shop authorisation of producer pilot-voso-04 was revoked .*authorise the shop again/), shopConnection: { status: 'REVOKED' } },
    ]);
    const htx = await gql(manager, `query($p: ID!) { producer(id: $p) { shopConnections { marketplace status lastError } } }`, { p: newProducerId });
    expect(htx.producer.shopConnections).toEqual([
      { marketplace: 'POSTMART', status: 'REVOKED', lastError: expect.stringMatching(/error_permission/) },
      { marketplace: 'VOSO', status: 'CONNECTED', lastError: null },
    ]);
    // Anonymous callers see no shop connections.
    const anonymous = await postGraphQL(subgraph.url, `query($p: ID!) { producer(id: $p) { shopConnections { status } } }`, { p: PILOT_PRODUCER });
    expect((anonymous.data as any).producer.shopConnections).toBeNull(); // eslint-disable-line @typescript-eslint/no-explicit-any

    // Authorising again brings the listing back (retryListing).
    await authoriseVoso(member, PILOT_PRODUCER, 'shop-ho-04');
    await gql(member, `mutation { retryListing(input: { productId: "${theirs.id}", marketplace: VOSO }) { listing { status } } }`);
    await waitFor('republished at 30000', async () => (await listing(theirs.id, 'VOSO')).status === 'PUBLISHED' && sandboxes.VOSO.state.products.forSku(theirs.sellerSku)[0]?.price === 30000);
  });
});
