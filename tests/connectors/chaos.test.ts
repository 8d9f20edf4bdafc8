/**
 * The adapters' failure kinds are enough to publish without duplicates under the full fault mix:
 * a minimal retry policy built only on `kind` and `retryAfterMs` (what the sync engine does, in
 * small) ends with exactly one listing per product and the latest price and stock everywhere.
 */
import pRetry from 'p-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError, type ListingContent, type MarketplaceConnector, type RemoteListing } from '../../connectors/marketplace/contract.js';
import { createConnectors } from '../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../connectors/marketplace/sandboxes.js';
import { listingContent } from './fixtures.js';

const PRODUCTS = 80;
const CONCURRENCY = 12;
let sandboxes: MarketplaceSandboxes;

beforeAll(async () => {
  sandboxes = await startMarketplaceSandboxes({
    vosoPort: 0,
    postmartPort: 0,
    moderationDelayMs: 0,
    env: {},
    timeoutMs: 2_000,
    faults: { errorRate: 0.2, burstRate: 0.003, burstMs: 300, dropRate: 0.1, latencyJitterMs: 3, seed: 7 },
  });
});
afterAll(async () => {
  await sandboxes.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withRetries<T>(operation: () => Promise<T>): Promise<T> {
  return pRetry(operation, {
    retries: 30,
    minTimeout: 5,
    maxTimeout: 100,
    randomize: true,
    shouldRetry: ({ error }) => isConnectorError(error) && error.retryable,
    onFailedAttempt: async ({ error }) => {
      if (isConnectorError(error) && error.kind === 'RATE_LIMITED') await sleep(error.details.retryAfterMs ?? 1_000);
    },
  });
}

/** Create without duplicates: once an outcome is unknown, every later attempt looks up by SKU first. */
async function publish(connector: MarketplaceConnector, content: ListingContent): Promise<RemoteListing> {
  let mayExist = false;
  return withRetries(async () => {
    if (mayExist) {
      const found = await connector.findListingBySku(content.sellerSku);
      if (found) return found;
    }
    try {
      return await connector.createListing(content);
    } catch (error) {
      if (isConnectorError(error) && error.kind === 'UNKNOWN_OUTCOME') mayExist = true;
      throw error;
    }
  });
}

async function inPool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

describe('publishing under 20% errors, 429 bursts and 10% accept-then-drop', () => {
  it('ends with one listing per product holding the latest price and stock', async () => {
    const connectors = createConnectors(sandboxes.settings);
    const products = Array.from({ length: PRODUCTS }, (_, i) => listingContent({ netWeightGrams: 500 + i, priceVnd: 10_000 + i * 100 }));
    for (const marketplace of ['VOSO', 'POSTMART'] as const) {
      const connector = connectors[marketplace];
      const ids = new Map<string, string>();
      await inPool(products, async (content) => {
        ids.set(content.sellerSku, (await publish(connector, content)).externalId);
      });
      for (const round of [1, 2]) {
        await inPool(products, async (content) => {
          const id = ids.get(content.sellerSku) as string;
          await withRetries(() => connector.updatePriceAndStock(id, { priceVnd: content.priceVnd + round * 1_000, stock: round * 10 }));
        });
      }
      const sandbox = marketplace === 'VOSO' ? sandboxes.voso : sandboxes.postmart;
      const counts = sandbox.state.listingCountBySku();
      for (const content of products) expect(counts.get(content.sellerSku), content.sellerSku).toBe(1);
      expect(sandbox.state.duplicateSkus()).toEqual([]);
      sandbox.faults.set({ errorRate: 0, dropRate: 0, burstRate: 0 });
      for (const content of products) {
        const listing = await connector.getListing(ids.get(content.sellerSku) as string);
        expect(listing).toMatchObject({ priceVnd: content.priceVnd + 2_000, stock: 20, status: 'PUBLISHED' });
      }
      const c = sandbox.faults.counters;
      // The faults did happen.
      expect(c.serverErrors).toBeGreaterThan(PRODUCTS * 0.2);
      expect(c.dropped).toBeGreaterThan(PRODUCTS * 0.1);
    }
  }, 60_000);
});
