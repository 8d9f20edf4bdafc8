import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../connectors/marketplace/index.js';
import { sandboxSettings } from '../../connectors/marketplace/sandbox/sandbox-settings.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../connectors/marketplace/sandboxes.js';
import { listingContent } from './fixtures.js';

let sandboxes: MarketplaceSandboxes;

beforeAll(async () => {
  sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 100 });
});
afterAll(async () => {
  await sandboxes.close();
});

describe('startMarketplaceSandboxes', () => {
  it('serves both marketplaces on 127.0.0.1 with settings for createConnector', async () => {
    expect(sandboxes.urls.VOSO).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandboxes.urls.POSTMART).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const connectors = createConnectors(sandboxes.settings);
    const content = listingContent({ netWeightGrams: 2_500, unit: 'quả' });
    const [voso, postmart] = await Promise.all([connectors.VOSO.createListing(content), connectors.POSTMART.createListing(content)]);
    expect(voso.status).toBe('PUBLISHED');
    expect(postmart.status).toBe('PENDING_REVIEW');
    // PostMart's review finishes in the background: poll for it rather than sleep a fixed time.
    await expect.poll(async () => (await connectors.POSTMART.getListing(postmart.externalId))?.status, { timeout: 10_000, interval: 25 }).toBe('PUBLISHED');
    expect(sandboxes.VOSO.state.listingCountBySku().get(content.sellerSku)).toBe(1);
    expect(sandboxes.POSTMART.state.listingCountBySku().get(content.sellerSku)).toBe(1);
    expect(sandboxes.VOSO.state.duplicateSkus()).toEqual([]);
    // A listing's URL opens a product page.
    const page = await axios.get(voso.externalUrl as string);
    expect(page.headers['content-type']).toMatch(/html/);
    expect(page.data).toContain('Bí xanh Nam Thượng');
    const published = await connectors.POSTMART.getListing(postmart.externalId);
    expect((await axios.get(published?.externalUrl as string)).data).toContain('Bí xanh Nam Thượng');
  });

  it('has /_sandbox control routes: state, faults, orders', async () => {
    const connectors = createConnectors(sandboxes.settings);
    const content = listingContent({ priceVnd: 30_000 });
    await connectors.VOSO.createListing(content);

    const placed = await axios.post(`${sandboxes.urls.VOSO}/_sandbox/orders`, { lines: [{ sellerSku: content.sellerSku, quantity: 3 }] });
    expect(placed.status).toBe(201);
    expect(placed.data).toMatchObject({ status: 'new', items: [{ seller_sku: content.sellerSku, quantity: 3, unit_price: 30_000 }] });
    const shipped = await axios.post(`${sandboxes.urls.VOSO}/_sandbox/orders/${placed.data.order_id}/status`, { status: 'SHIPPED' });
    expect(shipped.data.status).toBe('shipping');
    const refused = await axios.post(`${sandboxes.urls.VOSO}/_sandbox/orders`, { lines: [{ sellerSku: 'NOPE', quantity: 1 }] }, { validateStatus: () => true });
    expect(refused.status).toBe(409);

    const faults = await axios.post(`${sandboxes.urls.POSTMART}/_sandbox/faults`, { errorRate: 0.2, dropRate: 0.1 });
    expect(faults.data).toMatchObject({ errorRate: 0.2, dropRate: 0.1 });
    const bad = await axios.post(`${sandboxes.urls.POSTMART}/_sandbox/faults`, { errorRate: 3 }, { validateStatus: () => true });
    expect(bad.status).toBe(400);
    await axios.post(`${sandboxes.urls.POSTMART}/_sandbox/faults`, { errorRate: 0, dropRate: 0 });

    const state = await axios.get(`${sandboxes.urls.VOSO}/_sandbox/state`);
    expect(state.data).toMatchObject({ marketplace: 'VOSO', orders: 1, duplicateSkus: [] });
    expect(state.data.products).toBeGreaterThanOrEqual(2);
    const postmartState = await axios.get(`${sandboxes.urls.POSTMART}/_sandbox/state`);
    expect(postmartState.data).toMatchObject({ marketplace: 'POSTMART', moderationDelayMs: 100 });
  });

  it('reads faults from env (the sandbox settings section)', async () => {
    const settings = sandboxSettings.parse({ SANDBOX_ERROR_RATE: '0.2', POSTMART_SANDBOX_DROP_RATE: '0.1', SANDBOX_BURST_RATE: '0.01', POSTMART_SANDBOX_MODERATION_MS: '50' });
    expect(settings.POSTMART).toMatchObject({ port: 4102, options: { moderationDelayMs: 50 } });
    const faulty = await startMarketplaceSandboxes({ settings: { VOSO: { ...settings.VOSO, port: 0 }, POSTMART: { ...settings.POSTMART, port: 0 } } });
    try {
      expect(faulty.POSTMART.state.moderationDelayMs).toBe(50);
      expect(faulty.VOSO.faults.current).toMatchObject({ errorRate: 0.2, dropRate: 0, burstRate: 0.01 });
      expect(faulty.POSTMART.faults.current).toMatchObject({ errorRate: 0.2, dropRate: 0.1 });
    } finally {
      await faulty.close();
    }
  });
});
