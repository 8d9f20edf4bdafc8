import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../../connectors/marketplace/sandboxes.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { Listing } from '../../../../subgraphs/commerce/listings/listing.entity.js';
import type { SyncWorker } from '../../../../subgraphs/commerce/sync/sync-worker.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { producerToken, startCommerce, startWorker, waitFor } from '../support/commerce-harness.js';

const PRODUCER = 'pilot-voso-04';

describe('listing visibility: attempts, next attempt, last error at once, and the slow retry of FAILED listings', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;
  let member: Record<string, string>;
  let worker: SyncWorker | undefined;

  beforeAll(async () => {
    env = await createTestEnvironment();
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 50, timeoutMs: 15_000 });
    subgraph = await startCommerce(env);
    member = bearer(await producerToken(env.config, [PRODUCER]));
  });
  afterAll(async () => {
    await worker?.stop();
    await subgraph?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await postGraphQL(subgraph.url, query, variables, member);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('shows the error from the first failed call, then FAILED with its slow retry, which publishes by itself', { timeout: 180_000 }, async () => {
    sandboxes.VOSO.faults.set({ errorRate: 1 });
    const created = await gql(
      `mutation { createProduct(input: { producerId: "${PRODUCER}", name: "Măng khô", category: "dried goods", unit: "kg", netWeightGrams: 1000, priceVnd: 150000, stock: 20 }) { product { id sellerSku } } }`,
    );
    const { id, sellerSku } = created.createProduct.product as { id: string; sellerSku: string };
    expect(sellerSku).toMatch(/^HUB-[0-9A-F]{32}$/);
    await gql(`mutation { publishProduct(input: { productId: "${id}", marketplaces: [VOSO] }) { product { id } } }`);
    // Long backoff so the job is still retrying when we look; few retries so it then gives up.
    worker = startWorker(subgraph, { connectors: createConnectors(sandboxes.settings) }, { retries: 3, minBackoffMs: 1500, maxBackoffMs: 1500, failedRetryMs: 2000, failedSweepMs: 200 });
    const listing = () => subgraph.orm.em.fork().findOneOrFail(Listing, { productId: id, marketplace: 'VOSO' });
    const shown = async () =>
      (await gql(`{ product(id: "${id}") { sellerSku listings { marketplace status wantedState attempts lastAttemptAt nextAttemptAt lastError } } }`)).product as {
        sellerSku: string;
        listings: { marketplace: string; status: string; wantedState: string; attempts: number; lastAttemptAt: string | null; nextAttemptAt: string | null; lastError: string | null }[];
      };

    await waitFor('the first failure shown', async () => (await listing()).attempts >= 1);
    const failing = (await shown()).listings.find((l) => l.marketplace === 'VOSO')!;
    expect(failing).toMatchObject({ status: 'PENDING_SYNC', wantedState: 'PUBLISHED', lastError: expect.stringMatching(/^TRANSIENT: .*50[03]/) });
    expect(failing.attempts).toBeGreaterThanOrEqual(1);
    expect(Date.parse(failing.nextAttemptAt!)).toBeGreaterThan(Date.parse(failing.lastAttemptAt!));

    await waitFor('FAILED', async () => (await listing()).status === 'FAILED');
    const failed = await listing();
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(failed.lastError).toMatch(/TRANSIENT/);

    // The marketplace recovers; nobody presses retryListing.
    sandboxes.VOSO.faults.set({ errorRate: 0 });
    await waitFor('published by the slow retry', async () => (await listing()).status === 'PUBLISHED', 120_000);
    const published = (await shown()).listings.find((l) => l.marketplace === 'VOSO')!;
    expect(published).toMatchObject({ status: 'PUBLISHED', attempts: 0, nextAttemptAt: null, lastError: null });
    expect(sandboxes.VOSO.state.products.forSku(sellerSku)).toHaveLength(1);
  });
});
