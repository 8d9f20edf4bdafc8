import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes } from '../../connectors/marketplace/sandboxes.js';
import { listingContent as content } from './fixtures.js';

describe('sandbox state across restarts (a JSON file per sandbox in the data directory)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps listings, seller-centre edits, orders and the order feed position of both sandboxes', async () => {
    const first = await startMarketplaceSandboxes({ stateDir: dir, moderationDelayMs: 0 });
    const connectors = createConnectors(first.settings);
    const voso = await connectors.VOSO.createListing(content({ sellerSku: 'STATE-1' }));
    const postmart = await connectors.POSTMART.createListing(content({ sellerSku: 'STATE-1' }));
    const edited = await fetch(`${first.urls.VOSO}/_sandbox/seller/listings/${voso.externalId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ priceVnd: 12_345 }) });
    expect(edited.status).toBe(200);
    first.VOSO.placeOrder({ lines: [{ sellerSku: 'STATE-1', quantity: 2 }] });
    const page = await connectors.VOSO.listOrdersSince(null, 10);
    await first.close();
    expect(readdirSync(dir).sort()).toEqual(['postmart.json', 'voso.json']);

    const second = await startMarketplaceSandboxes({ stateDir: dir, moderationDelayMs: 0 });
    try {
      const again = createConnectors(second.settings);
      expect(await again.VOSO.getListing(voso.externalId)).toMatchObject({ priceVnd: 12_345, status: 'PUBLISHED' });
      expect(await again.POSTMART.getListing(postmart.externalId)).toMatchObject({ sellerSku: 'STATE-1', status: 'PUBLISHED' });
      // New ids follow the old ones; the feed resumes where it was (the order is not read twice).
      const next = await again.VOSO.createListing(content({ sellerSku: 'STATE-2' }));
      expect(next.externalId).not.toBe(voso.externalId);
      expect((await again.VOSO.listOrdersSince(page.resumeCursor ?? null, 10)).orders).toEqual([]);
      expect(second.VOSO.state.listingCountBySku().get('STATE-1')).toBe(1);
    } finally {
      await second.close();
    }
    expect(JSON.parse(readFileSync(join(dir, 'voso.json'), 'utf8')).products).toHaveLength(2);
  });

  it('refuses to start on a broken state file, naming it (never silently empty)', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'sandbox-broken-'));
    writeFileSync(join(broken, 'voso.json'), '{"products": [');
    await expect(startMarketplaceSandboxes({ stateDir: broken })).rejects.toThrow(/voso\.json is not valid JSON/);
    rmSync(broken, { recursive: true, force: true });
  });

  it('lists a shop\'s listings through the API and the seller centre', async () => {
    const sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 0 });
    try {
      const connectors = createConnectors(sandboxes.settings);
      await connectors.VOSO.createListing(content({ sellerSku: 'SHOP-1' }));
      await connectors.VOSO.createListing(content({ sellerSku: 'SHOP-2' }));
      const centre = (await (await fetch(`${sandboxes.urls.VOSO}/_sandbox/seller/listings`)).json()) as { products: { seller_sku: string }[] };
      expect(centre.products.map((p) => p.seller_sku)).toEqual(['SHOP-1', 'SHOP-2']);
      const unauthenticated = await fetch(`${sandboxes.urls.VOSO}/v1/shop/products`);
      expect(unauthenticated.status).toBe(401);
      const refused = await fetch(`${sandboxes.urls.VOSO}/_sandbox/seller/listings/nope`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"priceVnd": 5}' });
      expect(refused.status).toBe(404);
      const list = (await connectors.VOSO.findListingsBySku!('SHOP-1'))[0]!;
      const bad = await fetch(`${sandboxes.urls.VOSO}/_sandbox/seller/listings/${list.externalId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"priceVnd": 5}' });
      expect(bad.status).toBe(400);
    } finally {
      await sandboxes.close();
    }
  });
});
