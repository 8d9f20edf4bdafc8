/**
 * Every fault the sandboxes inject, classified by each adapter as the sync engine needs it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MarketplaceConnector } from '../../connectors/marketplace/contract.js';
import { NO_FAULTS, type FaultInjector } from '../../connectors/marketplace/sandbox/faults.js';
import { PostmartConnector } from '../../connectors/postmart/adapter.js';
import { POSTMART_SANDBOX_CREDENTIALS } from '../../connectors/postmart/sandbox-credentials.js';
import { startPostmartSandbox } from '../../connectors/postmart/sandbox.js';
import { VosoConnector } from '../../connectors/voso/adapter.js';
import { VOSO_SANDBOX_CLIENT } from '../../connectors/voso/sandbox-credentials.js';
import { startVosoSandbox } from '../../connectors/voso/sandbox.js';
import { expectConnectorError, listingContent } from './fixtures.js';

interface Target {
  url: string;
  faults: FaultInjector;
  count(sku: string): number;
  close(): Promise<void>;
}

const marketplaces = [
  {
    name: 'VOSO',
    async start(): Promise<Target> {
      const s = await startVosoSandbox();
      return { url: s.url, faults: s.faults, count: (sku) => s.state.listingCountBySku().get(sku) ?? 0, close: s.close };
    },
    connector: (url: string, timeoutMs = 5_000): MarketplaceConnector => new VosoConnector({ baseUrl: url, ...VOSO_SANDBOX_CLIENT, timeoutMs }),
  },
  {
    name: 'POSTMART',
    async start(): Promise<Target> {
      const s = await startPostmartSandbox({ moderationDelayMs: 0 });
      return { url: s.url, faults: s.faults, count: (sku) => s.state.listingCountBySku().get(sku) ?? 0, close: s.close };
    },
    connector: (url: string, timeoutMs = 5_000): MarketplaceConnector =>
      new PostmartConnector({ baseUrl: url, ...POSTMART_SANDBOX_CREDENTIALS, timeoutMs }),
  },
] as const;


describe.each(marketplaces)('$name faults', ({ start, connector }) => {
  let target: Target;
  let client: MarketplaceConnector;

  beforeAll(async () => {
    target = await start();
    client = connector(target.url);
    await client.findListingBySku('warm-up'); // voso: token fetched before faults start
  });
  afterEach(() => {
    target.faults.set(NO_FAULTS);
    target.faults.stopBurst();
  });
  afterAll(async () => {
    await target.close();
  });

  it('a 429 burst is RATE_LIMITED with Retry-After in ms, and passes when it ends', async () => {
    target.faults.startBurst(1_500);
    const error = await expectConnectorError(client.createListing(listingContent()));
    expect(error).toMatchObject({ kind: 'RATE_LIMITED', details: { status: 429, retryAfterMs: 2_000 } });
    expect(error.retryable).toBe(true);
    target.faults.stopBurst();
    expect(await client.findListingBySku('after-burst')).toBeNull();
  });

  it('bursts started by burstRate answer 429 with Retry-After', async () => {
    target.faults.set({ burstRate: 1, burstMs: 400 });
    await expect(client.findListingBySku('x')).rejects.toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 1_000 } });
    expect(target.faults.counters.bursts).toBeGreaterThan(0);
  });

  it('the requests-per-second limit answers 429 above it', async () => {
    target.faults.set({ requestsPerSecond: 5 });
    const results = await Promise.allSettled(Array.from({ length: 15 }, (_, i) => client.findListingBySku(`rps-${i}`)));
    const limited = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeLessThanOrEqual(4);
    expect(limited.length).toBeGreaterThanOrEqual(11);
    for (const r of limited) expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 1_000 } });
  });

  it('a 5xx is TRANSIENT and wrote nothing', async () => {
    target.faults.set({ errorRate: 1 });
    const content = listingContent();
    const error = await expectConnectorError(client.createListing(content));
    expect(error.kind).toBe('TRANSIENT');
    expect([500, 503]).toContain(error.details.status);
    target.faults.set({ errorRate: 0 });
    expect(target.count(content.sellerSku)).toBe(0);
    expect(await client.findListingBySku(content.sellerSku)).toBeNull();
  });

  it('accept-then-drop on create is UNKNOWN_OUTCOME, and the listing is found by SKU afterwards', async () => {
    target.faults.set({ dropRate: 1 });
    const content = listingContent();
    const error = await expectConnectorError(client.createListing(content));
    expect(error.kind).toBe('UNKNOWN_OUTCOME');
    expect(error.retryable).toBe(true);
    // Reads are never dropped: the lookup that resolves the unknown outcome goes through.
    const found = await client.findListingBySku(content.sellerSku);
    expect(found).toMatchObject({ sellerSku: content.sellerSku, priceVnd: content.priceVnd });
    expect(target.count(content.sellerSku)).toBe(1);
    expect(target.faults.counters.dropped).toBeGreaterThanOrEqual(1);

    // An update dropped after acceptance was applied too.
    const dropped = await expectConnectorError(client.updatePriceAndStock(found!.externalId, { priceVnd: 21_000, stock: 7 }));
    expect(dropped.kind).toBe('UNKNOWN_OUTCOME');
    target.faults.set({ dropRate: 0 });
    expect(await client.getListing(found!.externalId)).toMatchObject({ priceVnd: 21_000, stock: 7 });
  });

  it('seller SKUs are not unique: a blind repeat of a dropped create makes a duplicate, and the sandbox counts it', async () => {
    target.faults.set({ dropRate: 1 });
    const content = listingContent();
    await expect(client.createListing(content)).rejects.toMatchObject({ kind: 'UNKNOWN_OUTCOME' });
    target.faults.set({ dropRate: 0 });
    const second = await client.createListing(content);
    expect(target.count(content.sellerSku)).toBe(2);
    // findListingBySku returns the oldest of them: the one whose answer was lost.
    const oldest = await client.findListingBySku(content.sellerSku);
    expect(oldest?.externalId).not.toBe(second.externalId);
  });

  it('a dropped write that the marketplace refused is answered normally (REJECTED)', async () => {
    target.faults.set({ dropRate: 1 });
    await expect(client.createListing(listingContent({ priceVnd: 1 }))).rejects.toMatchObject({ kind: 'REJECTED' });
  });

  it('a write timing out is UNKNOWN_OUTCOME (the marketplace applies it later); a read timing out is TRANSIENT', async () => {
    const slow = connector(target.url, 400);
    await slow.findListingBySku('token-before-latency');
    target.faults.set({ latencyMs: 1_200 });
    const content = listingContent();
    const error = await expectConnectorError(slow.createListing(content));
    expect(error.kind).toBe('UNKNOWN_OUTCOME');
    expect(error.message).toMatch(/timed out/);
    const read = await expectConnectorError(slow.findListingBySku(content.sellerSku));
    expect(read.kind).toBe('TRANSIENT');
    // The marketplace applies the timed-out write once its latency has passed: wait for that, not for a fixed time.
    await expect.poll(() => target.count(content.sellerSku), { timeout: 10_000, interval: 50 }).toBe(1);
    target.faults.set({ latencyMs: 0 });
    expect(await client.findListingBySku(content.sellerSku)).toMatchObject({ sellerSku: content.sellerSku });
    expect(target.count(content.sellerSku)).toBe(1);
  });

  it('a refused connection is TRANSIENT', async () => {
    const nowhere = await start();
    const url = nowhere.url;
    await nowhere.close();
    const error = await expectConnectorError(connector(url).createListing(listingContent()));
    expect(error.kind).toBe('TRANSIENT');
    expect(error.message).toMatch(/nothing was sent/);
  });

  it('an error rate is applied at about its fraction (seeded)', async () => {
    // 200 requests at once on a loaded machine can outlast the usual 5 s timeout, and a timeout is TRANSIENT
    // too: a client that waits long enough counts only the errors the sandbox injects.
    const patient = connector(target.url, 60_000);
    await patient.findListingBySku('warm-up');
    target.faults.set({ errorRate: 0.3, seed: 42 });
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => patient.findListingBySku(`rate-${i}`)));
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(35);
    expect(failed.length).toBeLessThan(85);
    for (const r of failed) expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: 'TRANSIENT' });
  });
});
