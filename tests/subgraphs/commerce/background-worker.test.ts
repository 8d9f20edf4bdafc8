import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';
import { composeSubgraph } from '../../../core/subgraph.js';
import { createCataloguePart } from '../../../subgraphs/commerce/catalogue/catalogue.part.js';
import { Marketplace } from '../../../subgraphs/commerce/catalogue/marketplace.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { ListingStatus } from '../../../subgraphs/commerce/listings/listing-status.js';
import { commerceDefinition } from '../../../subgraphs/commerce/definition.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { FAST_SYNC, producerToken, waitFor } from './support/commerce-harness.js';
import { FakeMarketplace } from './support/fake-marketplace.js';

describe('commerce: the sync worker runs inside the subgraph (SubgraphPart.background)', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  const voso = new FakeMarketplace('VOSO');
  const postmart = new FakeMarketplace('POSTMART', { reviewMs: 50 });
  let closed = 0;

  beforeAll(async () => {
    env = await createTestEnvironment();
    const part = createCataloguePart({
      connectors: async () => ({ connectors: { VOSO: voso, POSTMART: postmart }, close: async () => void (closed += 1) }),
      options: FAST_SYNC,
    });
    const module = composeSubgraph(commerceDefinition, [part]);
    subgraph = await startSubgraph(module, { config: env.config, port: 0, host: '127.0.0.1', seed: true, background: true, target: env.target('commerce') });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('publishes what a mutation queued, and stops (releasing the connectors) with the subgraph', async () => {
    const member = bearer(await producerToken(env.config, ['pilot-voso-03']));
    const result = await postGraphQL(subgraph.url, `mutation { publishProduct(input: { productId: "pilot-dua-chuot", marketplaces: [VOSO, POSTMART] }) { product { id } } }`, {}, member);
    expect(result.errors).toBeUndefined();
    const listing = (marketplace: Marketplace) => subgraph.orm.em.fork().findOneOrFail(Listing, { productId: 'pilot-dua-chuot', marketplace });
    await waitFor('both published', async () => (await listing(Marketplace.VOSO)).status === ListingStatus.PUBLISHED && (await listing(Marketplace.POSTMART)).status === ListingStatus.PUBLISHED);
    expect(voso.calls.createListing).toBe(1);
    expect(postmart.calls.createListing).toBe(1);
    await subgraph.close();
    subgraph = undefined as unknown as RunningSubgraph;
    expect(closed).toBe(1);
  });
});
