import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxesUnlessConfigured } from '../../cli/marketplace-sandboxes.js';
import { createConnectors, marketplaceSettings } from '../../connectors/marketplace/index.js';
import type { RunningSubgraph } from '../../core/subgraph-server.js';
import { Listing } from '../../subgraphs/commerce/listings/listing.entity.js';
import type { SyncWorker } from '../../subgraphs/commerce/sync/sync-worker.js';
import { signHubToken } from '../../subgraphs/shared/hub-token.js';
import { Role } from '../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL } from '../helpers/graphql-client.js';
import { startCommerce, startWorker, waitFor } from '../subgraphs/commerce/support/commerce-harness.js';

type Pushes = { sent: number; failed: number; unrouted: number };

/** `npm start`'s sandboxes with every port chosen by the OS: voso's pushes must still reach the commerce subgraph. */
describe('npm start sandboxes with COMMERCE_PORT=0', () => {
  let env: TestEnvironment;
  let started: Awaited<ReturnType<typeof startSandboxesUnlessConfigured>>;
  let subgraph: RunningSubgraph;
  let worker: SyncWorker;

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { COMMERCE_PORT: '0', VOSO_SANDBOX_PORT: '0', POSTMART_SANDBOX_PORT: '0' } });
    started = await startSandboxesUnlessConfigured(env.config);
    // As `npm start` does: the sandboxes first, then the commerce subgraph on a port known only once it listens.
    subgraph = await startCommerce(env, { config: started.config });
    worker = startWorker(subgraph, { connectors: createConnectors(started.config.get(marketplaceSettings)) });
  });
  afterAll(async () => {
    await worker?.stop();
    await subgraph?.close();
    await started?.sandboxes?.close();
    await env?.cleanup();
  });

  const vosoUrl = () => started.config.get(marketplaceSettings).VOSO.baseUrl;
  const pushes = async () => ((await (await fetch(`${vosoUrl()}/_sandbox/state`)).json()) as { webhookPushes: Pushes }).webhookPushes;
  const sellerEdit = (id: string, body: object) =>
    fetch(`${vosoUrl()}/_sandbox/seller/listings/${id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('registers the webhook once commerce listens: a seller-centre edit is pushed, verified and asks for an audit', async () => {
    expect(vosoUrl()).not.toMatch(/:0$/);
    const admin = bearer(await signHubToken(env.config, { subject: 'admin', roles: [Role.ADMIN] }));
    const created = await postGraphQL(
      subgraph.url,
      `mutation { createProduct(input: { producerId: "pilot-voso-04", name: "Cải ngọt", category: "vegetables", unit: "kg", netWeightGrams: 1000, priceVnd: 25000, stock: 40 }) { product { id } } }`,
      {},
      admin,
    );
    const productId = (created.data as { createProduct: { product: { id: string } } }).createProduct.product.id;
    await postGraphQL(subgraph.url, `mutation { publishProduct(input: { productId: "${productId}", marketplaces: [VOSO] }) { product { id } } }`, {}, admin);
    const listing = () => subgraph.orm.em.fork().findOneOrFail(Listing, { productId, marketplace: 'VOSO' });
    await waitFor('published on voso', async () => (await listing()).status === 'PUBLISHED');
    const externalId = (await listing()).externalId!;

    // Before commerce's address is known, an edit is pushed nowhere (not to port 0).
    expect((await sellerEdit(externalId, { priceVnd: 26_000 })).status).toBe(200);
    expect(await pushes()).toEqual({ sent: 0, failed: 0, unrouted: 1 });

    started.routeWebhooks(subgraph.url);
    expect((await sellerEdit(externalId, { priceVnd: 27_000 })).status).toBe(200);
    await waitFor('the push answered 202', async () => (await pushes()).sent === 1);
    expect(await pushes()).toEqual({ sent: 1, failed: 0, unrouted: 1 });
    expect((await listing()).auditRequestedAt).toBeInstanceOf(Date);
  });
});
