import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../connectors/marketplace/index.js';
import { VOSO_SANDBOX_CLIENT } from '../../connectors/voso/sandbox-credentials.js';
import { startVosoSandbox, type VosoSandbox } from '../../connectors/voso/sandbox.js';
import { VosoConnector } from '../../connectors/voso/adapter.js';
import { expectConnectorError, listingContent } from './fixtures.js';

let sandbox: VosoSandbox;

function connector(overrides: Partial<VosoConnector['settings']> = {}): VosoConnector {
  return new VosoConnector({ baseUrl: sandbox.url, ...VOSO_SANDBOX_CLIENT, timeoutMs: 5_000, ...overrides });
}

beforeAll(async () => {
  sandbox = await startVosoSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('voso adapter against the voso sandbox', () => {
  it('creates, finds by seller SKU, reads, updates and delists a listing', async () => {
    const voso = createConnectors({
      VOSO: { baseUrl: sandbox.url, ...VOSO_SANDBOX_CLIENT, timeoutMs: 5_000 },
      POSTMART: { baseUrl: 'http://127.0.0.1:1', partnerId: 'x', partnerKey: 'x', shopId: 'x', timeoutMs: 1 },
    }).VOSO;
    const content = listingContent({ unit: 'Quả', category: 'fruit', name: 'Bưởi đỏ Tân Lạc', netWeightGrams: 1200, priceVnd: 45_000 });
    const created = await voso.createListing(content);
    expect(created).toMatchObject({ sellerSku: content.sellerSku, status: 'PUBLISHED', priceVnd: 45_000, stock: 120, rejectionReason: null });
    expect(created.externalUrl).toBe(`${sandbox.url}/p/${created.externalId}`);
    const stored = sandbox.state.products.get(created.externalId);
    expect(stored).toMatchObject({ unit_code: 'QUA', category_id: 10201, net_weight_g: 1200 });

    expect(await voso.findListingBySku(content.sellerSku)).toEqual(created);
    expect(await voso.findListingBySku('NO-SUCH-SKU')).toBeNull();
    expect(await voso.getListing(created.externalId)).toEqual(created);
    expect(await voso.getListing('VS99999999')).toBeNull();

    expect(await voso.updatePriceAndStock(created.externalId, { priceVnd: 47_000, stock: 80 })).toMatchObject({ priceVnd: 47_000, stock: 80 });
    const renamed = await voso.updateContent(created.externalId, { ...content, name: 'Bưởi đỏ Tân Lạc loại 1', priceVnd: 48_000, stock: 70, version: 2 });
    expect(renamed).toMatchObject({ priceVnd: 48_000, stock: 70, status: 'PUBLISHED' });
    expect(sandbox.state.products.get(created.externalId)?.name).toBe('Bưởi đỏ Tân Lạc loại 1');

    expect((await voso.delist(created.externalId)).status).toBe('DELISTED');
    expect((await (voso as VosoConnector).relist(created.externalId)).status).toBe('PUBLISHED');
    // updateContent on a delisted listing lists it again (re-publishing after a delist).
    await voso.delist(created.externalId);
    expect((await voso.updateContent(created.externalId, { ...content, version: 3 })).status).toBe('PUBLISHED');
    await expect(voso.updatePriceAndStock('VS99999999', { priceVnd: 1_000, stock: 1 })).rejects.toMatchObject({ kind: 'NOT_FOUND', details: { status: 404 } });
    expect(sandbox.state.listingCountBySku().get(content.sellerSku)).toBe(1);
  });

  it('reports a banned product as REJECTED with voso’s reason', async () => {
    const voso = connector();
    const created = await voso.createListing(listingContent());
    sandbox.ban(created.externalId, 'Hình ảnh không đúng sản phẩm');
    expect(await voso.getListing(created.externalId)).toMatchObject({ status: 'REJECTED', rejectionReason: 'Hình ảnh không đúng sản phẩm' });
  });

  it('refuses invalid content as REJECTED with the fields, and unmapped categories or units without calling voso', async () => {
    const voso = connector();
    const error = await expectConnectorError(voso.createListing(listingContent({ priceVnd: 500, name: 'B' })));
    expect(error.kind).toBe('REJECTED');
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ status: 400, marketplaceCode: 'validation_failed' });
    expect(error.details.requestId).toBeTruthy();
    expect(error.message).toMatch(/price: must be between 1000/);
    expect(error.message).toMatch(/name: must be 3–120 characters/);

    const before = sandbox.state.requestsByRoute.get('POST /v1/products') ?? 0;
    const unmapped = await expectConnectorError(voso.createListing(listingContent({ category: 'handicrafts' })));
    expect(unmapped.kind).toBe('REJECTED');
    expect(unmapped.message).toMatch(/no voso mapping.*connectors\/voso\/mappings\.ts/);
    const badUnit = await expectConnectorError(voso.createListing(listingContent({ unit: 'thùng' })));
    expect(badUnit.kind).toBe('REJECTED');
    expect(sandbox.state.requestsByRoute.get('POST /v1/products') ?? 0).toBe(before);
  });
});

describe('voso OAuth2 client credentials', () => {
  it('fetches one token and reuses it across calls', async () => {
    const voso = connector();
    const issued = sandbox.state.tokensIssued;
    await Promise.all([voso.findListingBySku('A'), voso.findListingBySku('B'), voso.findListingBySku('C')]);
    await voso.findListingBySku('D');
    expect(sandbox.state.tokensIssued - issued).toBe(1);
    expect(voso.tokens.fetches).toBe(1);
  });

  it('on 401 refreshes the token once, shared by concurrent calls, and repeats the call', async () => {
    const voso = connector();
    await voso.findListingBySku('warm-up');
    const issued = sandbox.state.tokensIssued;
    sandbox.expireTokens();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => voso.findListingBySku(`SKU-${i}`)));
    expect(results).toEqual(Array(8).fill(null));
    expect(sandbox.state.tokensIssued - issued).toBe(1);
  });

  it('refreshes a minute before expiry, or at 90% of a short lifetime, by the connector\'s clock', async () => {
    // The connector's clock is injected and moved by hand; the sandbox's tokens live far longer than the test runs,
    // so a refusal (401) could only come from a late refresh, and would show as a fourth GET.
    for (const [ttlSeconds, refreshAfterMs] of [
      [3600, 3_600_000 - 60_000],
      [300, 270_000],
    ] as const) {
      const sandboxWithTtl = await startVosoSandbox({ tokenTtlSeconds: ttlSeconds });
      try {
        let now = Date.UTC(2026, 0, 1);
        const voso = new VosoConnector({ baseUrl: sandboxWithTtl.url, ...VOSO_SANDBOX_CLIENT, timeoutMs: 5_000 }, { now: () => now });
        await voso.findListingBySku('x');
        now += refreshAfterMs - 1;
        await voso.findListingBySku('y');
        expect(sandboxWithTtl.state.tokensIssued).toBe(1);
        now += 1;
        await voso.findListingBySku('z');
        expect(sandboxWithTtl.state.tokensIssued).toBe(2);
        expect(sandboxWithTtl.state.requestsByRoute.get('GET /v1/products')).toBe(3);
      } finally {
        await sandboxWithTtl.close();
      }
    }
  });

  it('wrong client credentials are AUTH, not retryable', async () => {
    const voso = connector({ clientSecret: 'wrong' });
    const error = await expectConnectorError(voso.createListing(listingContent()));
    expect(error.kind).toBe('AUTH');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/invalid_client/);
  });
});

describe('voso order feed', () => {
  it('pages through orders with a cursor, oldest first, and returns changed orders again', async () => {
    const feedSandbox = await startVosoSandbox();
    try {
      const voso = new VosoConnector({ baseUrl: feedSandbox.url, ...VOSO_SANDBOX_CLIENT, timeoutMs: 5_000 });
      const empty = await voso.listOrdersSince(null, 10);
      expect(empty.orders).toEqual([]);
      expect(empty.nextCursor).toBeNull();

      const content = listingContent({ priceVnd: 20_000, stock: 100 });
      await voso.createListing(content);
      const placed = Array.from({ length: 5 }, (_, i) =>
        feedSandbox.placeOrder({ lines: [{ sellerSku: content.sellerSku, quantity: i + 1 }], buyerName: `Khách ${i}`, buyerPhone: '0987654321' }),
      );
      const first = await voso.listOrdersSince(null, 2);
      expect(first.orders.map((o) => o.externalOrderId)).toEqual(placed.slice(0, 2).map((o) => o.order_id));
      expect(first.orders[0]).toMatchObject({
        status: 'PLACED',
        lines: [{ sellerSku: content.sellerSku, quantity: 1, unitPriceVnd: 20_000 }],
        totalVnd: 20_000 + 30_000,
        shippingFeeVnd: 30_000,
        buyerName: 'Khách 0',
        buyerPhone: '0987654321',
      });
      expect(first.orders[0]?.placedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(first.nextCursor).toBeTruthy();
      const second = await voso.listOrdersSince(first.nextCursor, 2);
      const third = await voso.listOrdersSince(second.nextCursor, 2);
      expect([...second.orders, ...third.orders].map((o) => o.externalOrderId)).toEqual(placed.slice(2).map((o) => o.order_id));
      expect(third.nextCursor).toBeNull();
      expect(third.resumeCursor).toBeTruthy();
      // Stock followed the orders at voso.
      expect((await voso.findListingBySku(content.sellerSku))?.stock).toBe(100 - 15);

      const idle = await voso.listOrdersSince(third.resumeCursor ?? null, 2);
      expect(idle.orders).toEqual([]);
      expect(idle.resumeCursor).toBe(third.resumeCursor);

      feedSandbox.setOrderStatus(placed[1]!.order_id, 'DELIVERED');
      const changed = await voso.listOrdersSince(third.resumeCursor ?? null, 10);
      expect(changed.orders).toHaveLength(1);
      expect(changed.orders[0]).toMatchObject({ externalOrderId: placed[1]!.order_id, status: 'DELIVERED' });
    } finally {
      await feedSandbox.close();
    }
  });

  it('a cursor the feed did not issue is REJECTED', async () => {
    const error = await expectConnectorError(connector().listOrdersSince('bogus', 10));
    expect(error.kind).toBe('REJECTED');
    expect(error.details.marketplaceCode).toBe('invalid_cursor');
  });
});

describe('voso token endpoint failures', () => {
  it('are classified like any call: 5xx TRANSIENT, 429 RATE_LIMITED', async () => {
    const faulty = await startVosoSandbox({ faults: { errorRate: 1 } });
    try {
      const voso = new VosoConnector({ baseUrl: faulty.url, ...VOSO_SANDBOX_CLIENT, timeoutMs: 5_000 });
      await expect(voso.createListing(listingContent())).rejects.toMatchObject({ kind: 'TRANSIENT', message: expect.stringMatching(/VOSO token/) });
      faulty.faults.set({ errorRate: 0 });
      faulty.faults.startBurst(500);
      await expect(voso.createListing(listingContent())).rejects.toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 1_000 } });
      faulty.faults.stopBurst();
      expect((await voso.createListing(listingContent())).status).toBe('PUBLISHED');
      expect(faulty.state.tokensIssued).toBe(1);
    } finally {
      await faulty.close();
    }
  });
});
