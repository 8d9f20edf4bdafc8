import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../connectors/marketplace/sandboxes.js';
import { Product } from '../../../subgraphs/commerce/catalogue/product.entity.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { PILOT_PRODUCTS, pilotProductId } from '../../../subgraphs/commerce/seed/pilot-catalogue.js';
import type { SyncWorker } from '../../../subgraphs/commerce/sync/sync-worker.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { startWorker, waitFor } from './support/commerce-harness.js';

const PILOT_IDS = PILOT_PRODUCTS.map((p) => pilotProductId(p.key));

describe('embedded default: the pilot catalogue is published at first start and survives restarts', () => {
  let env: TestEnvironment;
  let stateDir: string;
  let hub: TestHub | undefined;
  let sandboxes: MarketplaceSandboxes | undefined;
  let worker: SyncWorker | undefined;

  /** What `npm start` does: sandboxes keeping state in the data directory, the hub seeded, a worker. */
  const startAll = async () => {
    sandboxes = await startMarketplaceSandboxes({ stateDir, moderationDelayMs: 0 });
    hub = await startHub({ env, subgraphs: ['governance', 'commerce'], seed: true });
    worker = startWorker(hub.subgraphs.commerce!, { connectors: createConnectors(sandboxes.settings) });
  };
  const stopAll = async () => {
    await worker?.stop();
    await hub?.close();
    await sandboxes?.close();
    worker = undefined;
    hub = undefined;
    sandboxes = undefined;
  };
  const vosoListings = async () => hub!.subgraphs.commerce!.orm.em.fork().find(Listing, { productId: { $in: PILOT_IDS }, marketplace: 'VOSO' });

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { COMMERCE_PILOT_PUBLISH: 'true' } });
    stateDir = mkdtempSync(join(tmpdir(), 'hub-sandbox-state-'));
  });
  afterAll(async () => {
    await stopAll();
    await env?.cleanup();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('publishes the 11 pilot products on voso at first start; anonymous callers see them', async () => {
    await startAll();
    await waitFor('every pilot product PUBLISHED on voso', async () => {
      const listings = await vosoListings();
      return listings.length === PILOT_IDS.length && listings.every((l) => l.status === 'PUBLISHED');
    });
    const skus = (await hub!.subgraphs.commerce!.orm.em.fork().find(Product, { id: { $in: PILOT_IDS } })).map((p) => p.sellerSku);
    const counts = sandboxes!.VOSO.state.listingCountBySku();
    expect(skus.map((sku) => counts.get(sku))).toEqual(skus.map(() => 1));
    const anonymous = await postGraphQL(hub!.url, `{ products(first: 50) { totalCount edges { node { name listings { marketplace status } } } } }`);
    expect(anonymous.errors).toBeUndefined();
    expect((anonymous.data as { products: { totalCount: number } }).products.totalCount).toBe(PILOT_IDS.length);
    // voso's state file is there, written whole (no temporary file left beside it).
    expect(readdirSync(stateDir)).toContain('voso.json');
    expect(readdirSync(stateDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('after a restart of the sandboxes and the hub the listings are still there, published once, and nothing is created again', async () => {
    const before = (await vosoListings()).map((l) => [l.productId, l.externalId]).sort();
    await stopAll();
    await startAll();
    // The restarted sandbox holds what it held, read from its state file.
    const skus = (await hub!.subgraphs.commerce!.orm.em.fork().find(Product, { id: { $in: PILOT_IDS } })).map((p) => p.sellerSku);
    const counts = sandboxes!.VOSO.state.listingCountBySku();
    expect(skus.map((sku) => counts.get(sku))).toEqual(skus.map(() => 1));
    expect(sandboxes!.VOSO.state.duplicateSkus()).toEqual([]);
    // The seed finds its products and queues nothing: the worker has nothing to create.
    const listings = await vosoListings();
    expect(listings.map((l) => [l.productId, l.externalId]).sort()).toEqual(before);
    expect(listings.every((l) => l.status === 'PUBLISHED')).toBe(true);
    await worker!.idle();
    expect(sandboxes!.VOSO.state.requestsByRoute.get('POST /v1/products') ?? 0).toBe(0);
    // A product page of the restarted sandbox serves the listing.
    const page = await fetch(listings[0]!.externalUrl!.replace(/^http:\/\/127\.0\.0\.1:\d+/, sandboxes!.urls.VOSO));
    expect(page.status).toBe(200);
  });
});
