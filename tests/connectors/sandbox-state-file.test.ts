import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createHash } from 'node:crypto';
import { createConnectors } from '../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes } from '../../connectors/marketplace/sandboxes.js';
import { postmartShops } from '../../connectors/postmart/shop-auth.js';
import { vosoShops } from '../../connectors/voso/shop-auth.js';
import { listingContent as content } from './fixtures.js';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const upload = { data: PNG, contentType: 'image/png', sha256: createHash('sha256').update(PNG).digest('hex') };

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

  it('keeps voso\'s grants, postmart\'s shop authorisations and both media services: shops stay connected, images served', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'sandbox-grants-'));
    onTestFinished(() => rmSync(stateDir, { recursive: true, force: true }));
    const first = await startMarketplaceSandboxes({ stateDir, moderationDelayMs: 0 });
    const redirectUri = 'http://127.0.0.1:9/shops/callback';
    const location = await first.VOSO.approve({ authorizeUrl: vosoShops.authorizeUrl(first.settings.VOSO, { state: 's1', redirectUri }), shopId: 'shop-kept' });
    const grant = await vosoShops.exchangeCode(first.settings.VOSO, { code: new URL(location).searchParams.get('code')!, redirectUri });
    const vosoShop = vosoShops.connect(first.settings.VOSO, { shopId: grant.shopId, accessToken: async () => grant.accessToken! });
    const vosoImage = await vosoShop.uploadImage!(upload);
    const vosoListing = await vosoShop.createListing(content({ sellerSku: 'KEPT-1', images: [vosoImage.url] }));
    first.POSTMART.authorizeShop('7001');
    const postmartShop = postmartShops.connect(first.settings.POSTMART, { shopId: '7001' });
    const postmartImage = await postmartShop.uploadImage!(upload);
    await postmartShop.createListing(content({ sellerSku: 'KEPT-1', images: [postmartImage.url] }));
    // Same ports after the restart (as `npm start` has), so the image URLs stay the same.
    const ports = { VOSO: { port: first.VOSO.port }, POSTMART: { port: first.POSTMART.port } };
    await first.close();
    // Images are files beside the state, not base64 inside it.
    expect(readdirSync(join(stateDir, 'voso-media'))).toHaveLength(1);
    expect(readFileSync(join(stateDir, 'voso.json'), 'utf8')).not.toContain(PNG.toString('base64'));

    const second = await startMarketplaceSandboxes({ stateDir, moderationDelayMs: 0, settings: ports });
    try {
      // The access token issued before the restart still works, and the refresh token still refreshes (once: rotated).
      expect(await vosoShops.connect(second.settings.VOSO, { shopId: grant.shopId, accessToken: async () => grant.accessToken! }).getListing(vosoListing.externalId)).toMatchObject({ sellerSku: 'KEPT-1' });
      const refreshed = await vosoShops.refresh(second.settings.VOSO, grant.refreshToken!);
      expect(refreshed.shopId).toBe('shop-kept');
      await expect(vosoShops.refresh(second.settings.VOSO, grant.refreshToken!)).rejects.toMatchObject({ kind: 'AUTH' });
      // The images are served, and still count as the shop's own uploads for its listings.
      for (const url of [vosoImage.url, postmartImage.url]) {
        const served = await fetch(url);
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe('image/png');
        expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
      }
      const again = vosoShops.connect(second.settings.VOSO, { shopId: 'shop-kept', accessToken: async () => refreshed.accessToken! });
      expect(await again.updateContent(vosoListing.externalId, content({ sellerSku: 'KEPT-1', images: [vosoImage.url], priceVnd: 31_000 }))).toMatchObject({ priceVnd: 31_000 });
      // postmart's shop 7001 is still authorised for the partner.
      await expect(postmartShops.verify(second.settings.POSTMART, '7001')).resolves.toBeUndefined();
      await expect(postmartShops.verify(second.settings.POSTMART, '7002')).rejects.toMatchObject({ kind: 'AUTH' });
    } finally {
      await second.close();
    }
  });

  it('lists only the token\'s own shop\'s products at voso (another shop\'s listings stay out of sight)', async () => {
    const sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 0 });
    try {
      const redirectUri = 'http://127.0.0.1/shops/callback';
      const shopToken = async (shopId: string) => {
        const location = await sandboxes.VOSO.approve({ authorizeUrl: vosoShops.authorizeUrl(sandboxes.settings.VOSO, { state: shopId, redirectUri }), shopId });
        return (await vosoShops.exchangeCode(sandboxes.settings.VOSO, { code: new URL(location).searchParams.get('code')!, redirectUri })).accessToken!;
      };
      const tokens = { a: await shopToken('shop-a'), b: await shopToken('shop-b') };
      await vosoShops.connect(sandboxes.settings.VOSO, { shopId: 'shop-a', accessToken: async () => tokens.a }).createListing(content({ sellerSku: 'A-1' }));
      await vosoShops.connect(sandboxes.settings.VOSO, { shopId: 'shop-b', accessToken: async () => tokens.b }).createListing(content({ sellerSku: 'B-1' }));
      const listed = async (token: string) => {
        const body = (await (await fetch(`${sandboxes.urls.VOSO}/v1/shop/products`, { headers: { authorization: `Bearer ${token}` } })).json()) as { products: { seller_sku: string }[]; total: number };
        return { skus: body.products.map((p) => p.seller_sku), total: body.total };
      };
      expect(await listed(tokens.a)).toEqual({ skus: ['A-1'], total: 1 });
      expect(await listed(tokens.b)).toEqual({ skus: ['B-1'], total: 1 });
    } finally {
      await sandboxes.close();
    }
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
