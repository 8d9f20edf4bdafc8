import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostmartConnector, type PostmartSettings } from '../../connectors/postmart/adapter.js';
import { POSTMART_SANDBOX_CREDENTIALS } from '../../connectors/postmart/sandbox-credentials.js';
import { startPostmartSandbox, type PostmartSandbox } from '../../connectors/postmart/sandbox.js';
import { bodyHash, sign, signatureBase } from '../../connectors/postmart/signing.js';
import { expectConnectorError, listingContent } from './fixtures.js';

// Moderation only ends when a test says so (moderateNow): a timed review raced the calls made
// while the item is in review on a loaded machine.
const MODERATION_MS = 10 * 60_000;
let sandbox: PostmartSandbox;

function connector(overrides: Partial<PostmartSettings> = {}, now?: () => number): PostmartConnector {
  return new PostmartConnector({ baseUrl: sandbox.url, ...POSTMART_SANDBOX_CREDENTIALS, timeoutMs: 5_000, ...overrides }, now);
}

beforeAll(async () => {
  sandbox = await startPostmartSandbox({ moderationDelayMs: MODERATION_MS });
});
afterAll(async () => {
  await sandbox.close();
});

describe('postmart signing', () => {
  it('signs partner_id + path + timestamp + shop_id + sha256(body) with HMAC-SHA256 (documented example)', () => {
    const input = { partnerId: '2001', path: '/api/v2/product/add_item', timestamp: 1_764_200_000, shopId: '5001', body: '{"item_sku":"A"}' };
    expect(signatureBase(input)).toBe(`2001/api/v2/product/add_item17642000005001${bodyHash('{"item_sku":"A"}')}`);
    expect(bodyHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(bodyHash(input.body)).toBe('1c4da21cabec97d21ad9165336d2336bc51c341f6d025a9103d36e89de2c4e66');
    expect(sign('postmart-sandbox-partner-key', input)).toBe('c9b76c625e2f094b8edd6d57027f31b99a3eb70e61db1bc77b9413bf2e127e9d');
  });

  it('a wrong partner key is refused (AUTH) and nothing is created', async () => {
    const before = sandbox.state.signatureFailures;
    const content = listingContent();
    const error = await expectConnectorError(connector({ partnerKey: 'not-the-key' }).createListing(content));
    expect(error).toMatchObject({ kind: 'AUTH', details: { status: 401, marketplaceCode: 'error_sign' } });
    expect(sandbox.state.signatureFailures).toBe(before + 1);
    expect(sandbox.state.listingCountBySku().get(content.sellerSku)).toBeUndefined();
  });

  it('a body changed after signing is refused', async () => {
    const { partnerId, partnerKey, shopId } = POSTMART_SANDBOX_CREDENTIALS;
    const path = '/api/v2/product/update_price_stock';
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = JSON.stringify({ item_id: 1, original_price: 10_000, stock: 1 });
    const sent = JSON.stringify({ item_id: 1, original_price: 1_000, stock: 1 });
    const response = await axios.post(`${sandbox.url}${path}`, sent, {
      params: { partner_id: partnerId, shop_id: shopId, timestamp, sign: sign(partnerKey, { partnerId, path, timestamp, shopId, body: signed }) },
      headers: { 'content-type': 'application/json' },
      validateStatus: () => true,
    });
    expect(response.status).toBe(401);
    expect(response.data).toMatchObject({ error: 'error_sign' });
    expect(response.data.request_id).toBeTruthy();
  });

  it('a clock more than 5 minutes off, an unknown partner or a foreign shop are AUTH', async () => {
    const skewed = await expectConnectorError(connector({}, () => Date.now() - 10 * 60_000).findListingBySku('X'));
    expect(skewed).toMatchObject({ kind: 'AUTH', details: { marketplaceCode: 'error_timestamp' } });
    const partner = await expectConnectorError(connector({ partnerId: '9999' }).findListingBySku('X'));
    expect(partner).toMatchObject({ kind: 'AUTH', details: { status: 401, marketplaceCode: 'error_auth' } });
    const shop = await expectConnectorError(connector({ shopId: '7777' }).findListingBySku('X'));
    expect(shop).toMatchObject({ kind: 'AUTH', details: { status: 403, marketplaceCode: 'error_permission' } });
  });
});

describe('postmart moderation', () => {
  it('a new listing is PENDING_REVIEW without URL, then PUBLISHED after review', async () => {
    const postmart = connector();
    const content = listingContent({ unit: 'chục', category: 'eggs', name: 'Trứng vịt Liên Sơn', netWeightGrams: 700, priceVnd: 35_000 });
    const created = await postmart.createListing(content);
    expect(created).toMatchObject({ status: 'PENDING_REVIEW', externalUrl: null, sellerSku: content.sellerSku, priceVnd: 35_000, rejectionReason: null });
    expect(sandbox.item(created.externalId)).toMatchObject({ sales_unit: 'PACK_10', category_id: 300140, weight: 0.7 });
    // Price and stock can change while the item is in review.
    expect(await postmart.updatePriceAndStock(created.externalId, { priceVnd: 36_000, stock: 50 })).toMatchObject({ status: 'PENDING_REVIEW', priceVnd: 36_000, stock: 50 });
    sandbox.moderateNow();
    const published = await postmart.getListing(created.externalId);
    expect(published).toMatchObject({ status: 'PUBLISHED', externalUrl: `${sandbox.url}/product/${created.externalId}`, priceVnd: 36_000 });
    expect(await postmart.findListingBySku(content.sellerSku)).toEqual(published);
    expect((await postmart.delist(created.externalId)).status).toBe('DELISTED');
    expect((await postmart.relist(created.externalId)).status).toBe('PUBLISHED');
    await postmart.delist(created.externalId);
    expect((await postmart.updateContent(created.externalId, { ...content, version: 2 })).status).toBe('PUBLISHED');
  });

  it('content with a health claim is REJECTED with postmart’s reason; an edit resubmits it for review', async () => {
    const postmart = connector();
    const content = listingContent({ category: 'tea', name: 'Chè shan tuyết', description: 'Chè chữa bệnh tiểu đường', unit: 'gói', netWeightGrams: 200 });
    const created = await postmart.createListing(content);
    expect(created.status).toBe('PENDING_REVIEW');
    sandbox.moderateNow();
    const rejected = await postmart.getListing(created.externalId);
    expect(rejected?.status).toBe('REJECTED');
    expect(rejected?.rejectionReason).toMatch(/chữa bệnh/);
    const edited = await postmart.updateContent(created.externalId, { ...content, description: 'Chè shan tuyết cổ thụ, sao tay.', version: 2 });
    expect(edited.status).toBe('PENDING_REVIEW');
    sandbox.moderateNow();
    expect((await postmart.getListing(created.externalId))?.status).toBe('PUBLISHED');
  });
});

describe('postmart validation and mappings', () => {
  it('invalid content is REJECTED with the fields', async () => {
    const error = await expectConnectorError(connector().createListing(listingContent({ priceVnd: 12_000.5, stock: -1 })));
    expect(error).toMatchObject({ kind: 'REJECTED', details: { status: 400, marketplaceCode: 'error_param' } });
    expect(error.message).toMatch(/original_price: required whole number/);
    expect(error.message).toMatch(/stock: must be between 0/);
  });

  it('converts grams to kilograms, and refuses a unit without weight locally', async () => {
    const postmart = connector();
    const byKg = await postmart.createListing(listingContent({ unit: 'kg', netWeightGrams: null }));
    expect(sandbox.item(byKg.externalId)?.weight).toBe(1);
    const error = await expectConnectorError(postmart.createListing(listingContent({ unit: 'quả', netWeightGrams: null })));
    expect(error.kind).toBe('REJECTED');
    expect(error.message).toMatch(/netWeightGrams/);
    const unmapped = await expectConnectorError(postmart.createListing(listingContent({ unit: 'g', netWeightGrams: 1 })));
    expect(unmapped.message).toMatch(/no postmart mapping/);
  });

  it('unknown item ids are null on read and NOT_FOUND on write', async () => {
    const postmart = connector();
    expect(await postmart.getListing('123')).toBeNull();
    expect(await postmart.getListing('not-a-number')).toBeNull();
    await expect(postmart.delist('123')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });
});

describe('postmart order list', () => {
  it('pages with a cursor and converts Unix seconds to ISO instants', async () => {
    const feed = await startPostmartSandbox({ moderationDelayMs: 0 });
    try {
      const postmart = new PostmartConnector({ baseUrl: feed.url, ...POSTMART_SANDBOX_CREDENTIALS, timeoutMs: 5_000 });
      const content = listingContent({ priceVnd: 25_000, stock: 50 });
      await postmart.createListing(content);
      // postmart sends Unix seconds: the second the orders were placed in, and not before it, bounds them from below.
      const placing = Math.floor(Date.now() / 1000) * 1000;
      const placed = Array.from({ length: 7 }, () => feed.placeOrder({ lines: [{ sellerSku: content.sellerSku, quantity: 2 }], shippingFeeVnd: 15_000 }));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await postmart.listOrdersSince(cursor, 3);
        seen.push(...page.orders.map((o) => o.externalOrderId));
        cursor = page.nextCursor;
        pages += 1;
        if (!cursor) expect(page.resumeCursor).toBeTruthy();
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(placed.map((o) => o.order_sn));
      const [first] = (await postmart.listOrdersSince(null, 1)).orders;
      expect(first).toMatchObject({ status: 'PLACED', totalVnd: 2 * 25_000 + 15_000, lines: [{ sellerSku: content.sellerSku, quantity: 2, unitPriceVnd: 25_000 }] });
      expect(Date.parse(first!.placedAt)).toBeGreaterThanOrEqual(placing);
      expect(Date.parse(first!.placedAt)).toBeLessThanOrEqual(Date.now());
      expect((await postmart.findListingBySku(content.sellerSku))?.stock).toBe(50 - 14);
    } finally {
      await feed.close();
    }
  });
});
