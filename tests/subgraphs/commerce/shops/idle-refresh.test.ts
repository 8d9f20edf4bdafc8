import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { marketplaceSettings } from '../../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../../connectors/marketplace/sandboxes.js';
import { createLogger } from '../../../../core/logger.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { IdleShopRefresher } from '../../../../subgraphs/commerce/shops/idle-refresh.js';
import { ShopConnection } from '../../../../subgraphs/commerce/shops/shop-connection.entity.js';
import { ShopConnectorPool } from '../../../../subgraphs/commerce/shops/shop-connector-pool.js';
import { shopSecretBox, shopSettings } from '../../../../subgraphs/commerce/shops/shop-settings.js';
import { RateLimiter } from '../../../../subgraphs/commerce/sync/rate-limiter.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { startCommerce } from '../support/commerce-harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The background refresh of idle shop connections, on a fake clock the voso sandbox (same process) shares. */
describe('idle shop connections are refreshed in the background before their refresh token runs out', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;
  let pool: ShopConnectorPool;
  let refresher: IdleShopRefresher | undefined;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    env = await createTestEnvironment();
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 0, timeoutMs: 15_000 });
    const config = env.config.with(marketplaceSettings, sandboxes.settings);
    subgraph = await startCommerce(env, { config });
    pool = new ShopConnectorPool(subgraph.orm, sandboxes.settings, shopSecretBox(config), { ...config.get(shopSettings), idleRefreshMs: HOUR, idleRefreshWindowMs: 7 * DAY }, createLogger('test-pool', 'silent'));
    const admin = bearer(await signHubToken(env.config, { subject: 'admin', roles: [Role.ADMIN] }));
    for (const producerId of ['pilot-voso-01', 'pilot-voso-02', 'pilot-voso-03']) {
      const started = await postGraphQL(subgraph.url, `mutation($p: ID!) { startShopAuthorization(input: { producerId: $p, marketplace: VOSO }) { authorizeUrl } }`, { p: producerId }, admin);
      const location = new URL(await sandboxes.VOSO.approve({ authorizeUrl: (started.data as any).startShopAuthorization.authorizeUrl, shopId: `idle-${producerId}` })); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect((await fetch(`${new URL(subgraph.url).origin}${location.pathname}${location.search}`)).status).toBe(200);
      ids[producerId] = (await subgraph.orm.em.fork().findOneOrFail(ShopConnection, { producerId, marketplace: 'VOSO' })).id;
    }
  });
  afterEach(async () => {
    await refresher?.stop();
    vi.useRealTimers();
  });
  afterAll(async () => {
    await subgraph?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  const row = (producerId: string) => subgraph.orm.em.fork().findOneOrFail(ShopConnection, ids[producerId]!);

  it('refreshes, at the jittered interval and through the rate limiter, only connections whose refresh token runs out within the window', async () => {
    const authorisedAt = Date.now();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: authorisedAt });
    // pilot-voso-03 was used recently: its refresh token is fresh (a refresh 20 days later, simulated), outside the window.
    await subgraph.orm.em.fork().nativeUpdate(ShopConnection, { id: ids['pilot-voso-03']! }, { refreshExpiresAt: new Date(authorisedAt + 50 * DAY) });
    const limiter = new RateLimiter(1);
    const acquire = vi.spyOn(limiter, 'acquire');
    // random() = 1: the longest wait, the interval + 20%.
    refresher = new IdleShopRefresher(pool.idleRefresh, () => limiter, createLogger('test-idle', 'silent'), undefined, () => 1).start();
    const before = sandboxes.VOSO.grants.refreshes;
    const generations = [(await row('pilot-voso-01')).generation, (await row('pilot-voso-02')).generation];

    // 24 days later: two connections' refresh tokens run out in 6 days (inside the 7-day window).
    vi.setSystemTime(authorisedAt + 24 * DAY);
    await vi.advanceTimersByTimeAsync(1.2 * HOUR - 1);
    expect(refresher.lastRun()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    const pass = refresher.lastRun()!;
    // One request per second: the second refresh waits for the limiter.
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pass).toEqual({ refreshed: 2, refused: 0, failed: 0 });
    expect(acquire).toHaveBeenCalledTimes(2);
    expect(sandboxes.VOSO.grants.refreshes).toBe(before + 2);
    const [one, two, three] = [await row('pilot-voso-01'), await row('pilot-voso-02'), await row('pilot-voso-03')];
    expect([one.generation, two.generation]).toEqual([generations[0]! + 1, generations[1]! + 1]);
    // The new refresh tokens last 30 days from the (fake) now: day 24 plus the jittered interval and the limiter's second.
    expect(one.refreshExpiresAt!.getTime() - (authorisedAt + 24 * DAY + 30 * DAY)).toBeGreaterThanOrEqual(1.2 * HOUR);
    expect(one.refreshExpiresAt!.getTime() - (authorisedAt + 24 * DAY + 30 * DAY)).toBeLessThanOrEqual(1.2 * HOUR + 1000);
    expect(three.refreshExpiresAt!.getTime()).toBe(authorisedAt + 50 * DAY);

    // Day 31: past the first refresh tokens' 30 days, the connections still work (the refreshed tokens are the sandbox's live ones).
    vi.setSystemTime(authorisedAt + 31 * DAY);
    const connector = await pool.connectorFor('pilot-voso-01', 'VOSO');
    expect(await connector!.findListingsBySku!('NOTHING-HERE')).toEqual([]);
    expect((await row('pilot-voso-01')).status).toBe('CONNECTED');
  });

  it('a shop the seller revoked is marked REVOKED at its idle refresh, with the marketplace\'s words', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.now() });
    sandboxes.VOSO.revokeShop('idle-pilot-voso-03');
    await subgraph.orm.em.fork().nativeUpdate(ShopConnection, { id: ids['pilot-voso-03']! }, { refreshExpiresAt: new Date(Date.now() + 2 * DAY) });
    refresher = new IdleShopRefresher(pool.idleRefresh, () => new RateLimiter(100, 2), createLogger('test-idle', 'silent'), undefined, () => 0).start();
    await vi.advanceTimersByTimeAsync(0.8 * HOUR);
    expect(await refresher.lastRun()).toMatchObject({ refused: 1 });
    expect(await row('pilot-voso-03')).toMatchObject({ status: 'REVOKED', lastError: expect.stringMatching(/invalid_grant/) });
  });
});
