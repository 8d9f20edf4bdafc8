import { LockMode, type MikroORM } from '@mikro-orm/core';
import type { AnyMarketplaceAdapter } from '../../../connectors/marketplace/adapter.js';
import { ConnectorError, type MarketplaceConnector } from '../../../connectors/marketplace/contract.js';
import { MARKETPLACE_ADAPTERS } from '../../../connectors/marketplace/registry.js';
import type { ShopAccess, ShopGrant } from '../../../connectors/marketplace/shop-auth.js';
import type { SecretBox } from '../../../core/crypto/secret-box.js';
import { isPostgres } from '../../../core/db/raw-sql.js';
import type { Logger } from '../../../core/logger.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import { connectionProblem, effectiveStatus, refreshDueAt } from './shop-connection.rules.js';
import { ShopConnection, ShopConnectionStatus } from './shop-connection.entity.js';
import type { ShopSettings } from './shop-settings.js';
import { guardShopConnector } from './shop-connector-guard.js';

/** The sync engine's way to a producer's own shop (sync-options.ts `ConnectorSet.shops`). */
export interface ShopConnectors {
  /**
   * The connector acting for the producer's shop on the marketplace; null when the producer has no
   * connection and the marketplace-wide fallback is allowed. A connection that cannot be used
   * (revoked, expired, none without fallback) is a ConnectorError AUTH saying what to do.
   */
  connectorFor(producerId: string, marketplace: Marketplace): Promise<MarketplaceConnector | null>;
  /** The shops whose order feeds are read on the marketplace: each usable connection, with the connector acting for it. */
  orderFeeds?(marketplace: Marketplace): Promise<ShopOrderFeed[]>;
  /** Whether the marketplace-wide credential's own feed is read too: a marketplace without per-shop authorisation, or COMMERCE_SHOP_FALLBACK=shared. */
  readsSharedFeed?(marketplace: Marketplace): boolean;
  /** Keeping unused connections alive (the sync worker runs it in the background: shops/idle-refresh.ts). */
  readonly idleRefresh?: IdleRefresh;
}

/** Connections nobody uses still need their refresh token renewed before it runs out (voso: 30 days). */
export interface IdleRefresh {
  /** How often to look (0: never). */
  readonly everyMs: number;
  /** CONNECTED connections whose refresh token runs out within the window. */
  due(now: number): Promise<{ connectionId: string; marketplace: Marketplace }[]>;
  /** Refreshes one unless another worker already did (AUTH when the marketplace refuses: the connection then shows it). */
  refresh(connectionId: string): Promise<void>;
}

/** One connected shop's order feed: its orders are the producer's. */
export interface ShopOrderFeed {
  connectionId: string;
  producerId: string;
  shopId: string;
  connector: MarketplaceConnector;
}

/** Seals what a marketplace granted into a connection row (the commands and the pool share it). */
export function storeGrant(row: ShopConnection, grant: ShopGrant, box: SecretBox, now: Date): void {
  // Another shop's feed starts from its beginning; the same shop (re-authorised) resumes where it was.
  if (row.shopId !== grant.shopId) row.orderCursor = null;
  row.shopId = grant.shopId;
  row.accessTokenSealed = grant.accessToken ? box.seal(grant.accessToken) : null;
  row.refreshTokenSealed = grant.refreshToken ? box.seal(grant.refreshToken) : null;
  row.accessExpiresAt = grant.accessExpiresAt;
  row.refreshExpiresAt = grant.refreshExpiresAt;
  row.generation += 1;
  row.status = ShopConnectionStatus.CONNECTED;
  row.lastError = null;
  row.lastRefreshedAt = now;
  row.updatedAt = now;
}

interface CachedToken {
  value: string;
  refreshAt: number;
  generation: number;
}

type Settled = { token: string } | { error: ConnectorError };

/**
 * Connectors per shop connection, with the shop's access token refreshed before it expires. A
 * refresh happens under a row lock (PostgreSQL) so two workers never spend the same rotating
 * refresh token; one that finds the row refreshed meanwhile takes the new token. A refresh the
 * marketplace refuses marks the connection REVOKED (EXPIRED once its refresh token ran out), which
 * the producer and its listings show.
 */
export class ShopConnectorPool implements ShopConnectors {
  private readonly connectors = new Map<string, MarketplaceConnector>();
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<string>>();
  /** Refreshes made (tests and logs). */
  refreshes = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly settingsByCode: Readonly<Record<string, unknown>>,
    private readonly box: SecretBox,
    private readonly shop: ShopSettings,
    private readonly logger: Logger,
    private readonly adapters: readonly AnyMarketplaceAdapter[] = MARKETPLACE_ADAPTERS,
  ) {}

  async connectorFor(producerId: string, marketplace: Marketplace): Promise<MarketplaceConnector | null> {
    // A marketplace without per-shop authorisation has one shop for the whole hub.
    if (!this.adapter(marketplace).shops) return null;
    const row = await this.orm.em.fork().findOne(ShopConnection, { producerId, marketplace });
    if (!row?.shopId) {
      if (this.shop.fallback === 'shared') return null;
      throw new ConnectorError('AUTH', `Producer ${producerId} has not connected a ${marketplace} shop: authorise it (startShopAuthorization or connectShop), then retry the listing.`);
    }
    const status = effectiveStatus(row, Date.now());
    if (status !== ShopConnectionStatus.CONNECTED) {
      if (status !== row.status) await this.mark(row.id, status, `the refresh token ran out at ${row.refreshExpiresAt?.toISOString()}`);
      throw new ConnectorError('AUTH', connectionProblem(marketplace, producerId, status, row.lastError));
    }
    const key = `${row.id}:${row.shopId}`;
    let connector = this.connectors.get(key);
    if (!connector) {
      const shops = this.adapter(marketplace).shops!;
      const access: ShopAccess =
        shops.kind === 'AUTHORIZATION_CODE'
          ? { shopId: row.shopId, accessToken: () => this.accessToken(row.id), tokenRefused: (token) => this.tokenRefused(row.id, token) }
          : { shopId: row.shopId };
      connector = guardShopConnector(shops.connect(this.settingsByCode[marketplace], access), (error) => this.refused(row.id, producerId, marketplace, error));
      this.connectors.set(key, connector);
    }
    return connector;
  }

  readonly idleRefresh: IdleRefresh = {
    everyMs: this.shop.idleRefreshMs,
    due: async (now) => {
      const rows = await this.orm.em.fork().find(
        ShopConnection,
        { status: ShopConnectionStatus.CONNECTED, refreshTokenSealed: { $ne: null }, refreshExpiresAt: { $gt: new Date(now), $lte: new Date(now + this.shop.idleRefreshWindowMs) } },
        { fields: ['id', 'marketplace'], orderBy: { refreshExpiresAt: 'asc' } },
      );
      return rows.map((row) => ({ connectionId: row.id, marketplace: row.marketplace }));
    },
    refresh: async (connectionId) => {
      // A refresh under way in this process (a job's) renews it anyway.
      const flight = this.inFlight.get(connectionId);
      if (flight) {
        await flight.catch(() => undefined);
        return;
      }
      const run = this.loadOrRefresh(connectionId, this.shop.idleRefreshWindowMs).finally(() => this.inFlight.delete(connectionId));
      this.inFlight.set(connectionId, run);
      await run;
    },
  };

  async orderFeeds(marketplace: Marketplace): Promise<ShopOrderFeed[]> {
    if (!this.adapter(marketplace).shops) return [];
    const rows = await this.orm.em.fork().find(ShopConnection, { marketplace, status: ShopConnectionStatus.CONNECTED, shopId: { $ne: null } }, { orderBy: { id: 'asc' } });
    const feeds: ShopOrderFeed[] = [];
    for (const row of rows) {
      try {
        const connector = await this.connectorFor(row.producerId, marketplace);
        if (connector) feeds.push({ connectionId: row.id, producerId: row.producerId, shopId: row.shopId as string, connector });
      } catch (error) {
        // A connection whose refresh token ran out is marked EXPIRED by connectorFor and shows it; the others are read.
        if (!(error instanceof ConnectorError && error.kind === 'AUTH')) throw error;
      }
    }
    return feeds;
  }

  readsSharedFeed(marketplace: Marketplace): boolean {
    return !this.adapter(marketplace).shops || this.shop.fallback === 'shared';
  }

  private adapter(marketplace: string): AnyMarketplaceAdapter {
    const adapter = this.adapters.find((a) => a.code === marketplace);
    if (!adapter) throw new ConnectorError('AUTH', `No adapter is registered for ${marketplace}.`);
    return adapter;
  }

  /** A live access token of the connection: the cached one until its refresh time, else the row's, refreshed when due. */
  private accessToken(connectionId: string): Promise<string> {
    const cached = this.tokens.get(connectionId);
    if (cached && Date.now() < cached.refreshAt) return Promise.resolve(cached.value);
    return this.singleFlight(connectionId);
  }

  private tokenRefused(connectionId: string, token: string): void {
    const cached = this.tokens.get(connectionId);
    // Only the token in use is forced out; the next call refreshes unless another worker already did.
    if (cached?.value === token) this.tokens.set(connectionId, { ...cached, refreshAt: 0, value: `refused:${cached.generation}` });
  }

  private singleFlight(connectionId: string): Promise<string> {
    let flight = this.inFlight.get(connectionId);
    if (!flight) {
      flight = this.loadOrRefresh(connectionId).finally(() => this.inFlight.delete(connectionId));
      this.inFlight.set(connectionId, flight);
    }
    return flight;
  }

  /** `idleWindowMs`: also refresh when the refresh token runs out within it (the background refresh; rechecked under the lock, so a connection another worker renewed is left alone). */
  private async loadOrRefresh(connectionId: string, idleWindowMs?: number): Promise<string> {
    const known = this.tokens.get(connectionId);
    const forced = known?.value.startsWith('refused:') ? known.generation : null;
    const em = this.orm.em.fork();
    const settled: Settled = await em.transactional(async (tx) => {
      const row = await tx.findOne(ShopConnection, connectionId, isPostgres(this.orm) ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
      if (!row?.shopId || row.status !== ShopConnectionStatus.CONNECTED) {
        return { error: new ConnectorError('AUTH', connectionProblem(row?.marketplace ?? '?', row?.producerId ?? '?', row?.status ?? ShopConnectionStatus.PENDING, row?.lastError)) };
      }
      const now = Date.now();
      const dueAt = refreshDueAt(row, this.shop.refreshMarginMs) ?? Number.POSITIVE_INFINITY;
      // The refused token was the row's current one only if nobody refreshed since.
      const refusedCurrent = forced !== null && forced === row.generation;
      const idle = idleWindowMs !== undefined && !!row.refreshExpiresAt && row.refreshExpiresAt.getTime() - now <= idleWindowMs;
      if (now < dueAt && !refusedCurrent && !idle && row.accessTokenSealed) {
        const value = this.box.open(row.accessTokenSealed);
        this.tokens.set(connectionId, { value, refreshAt: dueAt, generation: row.generation });
        return { token: value };
      }
      if (!row.refreshTokenSealed || (row.refreshExpiresAt && row.refreshExpiresAt.getTime() <= now)) {
        row.status = ShopConnectionStatus.EXPIRED;
        row.lastError = `the refresh token ran out at ${row.refreshExpiresAt?.toISOString() ?? '(none held)'}`;
        row.updatedAt = new Date(now);
        return { error: new ConnectorError('AUTH', connectionProblem(row.marketplace, row.producerId, row.status, row.lastError)) };
      }
      const shops = this.adapter(row.marketplace).shops;
      if (shops?.kind !== 'AUTHORIZATION_CODE') return { error: new ConnectorError('AUTH', `${row.marketplace} shops have no tokens to refresh.`) };
      let grant: ShopGrant;
      try {
        grant = await shops.refresh(this.settingsByCode[row.marketplace], this.box.open(row.refreshTokenSealed));
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'AUTH')) throw error;
        row.status = ShopConnectionStatus.REVOKED;
        row.lastError = error.message.slice(0, 1000);
        row.updatedAt = new Date();
        this.logger.warn({ connectionId, producerId: row.producerId, marketplace: row.marketplace }, 'shop authorisation refused at refresh: marked REVOKED');
        return { error: new ConnectorError('AUTH', connectionProblem(row.marketplace, row.producerId, row.status, row.lastError)) };
      }
      storeGrant(row, grant, this.box, new Date());
      this.refreshes += 1;
      this.logger.info({ connectionId, producerId: row.producerId, marketplace: row.marketplace, accessExpiresAt: row.accessExpiresAt }, 'shop access token refreshed');
      const value = grant.accessToken as string;
      this.tokens.set(connectionId, { value, refreshAt: refreshDueAt(row, this.shop.refreshMarginMs) ?? Number.POSITIVE_INFINITY, generation: row.generation });
      return { token: value };
    });
    if ('error' in settled) {
      this.tokens.delete(connectionId);
      throw settled.error;
    }
    return settled.token;
  }

  /** A shop connector's call was refused (AUTH): the connection is REVOKED with the marketplace's words, and the error says what to do. */
  private async refused(connectionId: string, producerId: string, marketplace: string, error: ConnectorError): Promise<ConnectorError> {
    const row = await this.orm.em.fork().findOne(ShopConnection, connectionId);
    // A refresh already marked it (with its own reason): keep that.
    if (row?.status === ShopConnectionStatus.CONNECTED) await this.mark(connectionId, ShopConnectionStatus.REVOKED, error.message);
    const status = row && row.status !== ShopConnectionStatus.CONNECTED ? row.status : ShopConnectionStatus.REVOKED;
    return new ConnectorError('AUTH', connectionProblem(marketplace, producerId, status, row && row.status !== ShopConnectionStatus.CONNECTED ? row.lastError : error.message), error.details);
  }

  private async mark(connectionId: string, status: ShopConnectionStatus, reason: string): Promise<void> {
    this.tokens.delete(connectionId);
    await this.orm.em.fork().nativeUpdate(ShopConnection, { id: connectionId }, { status, lastError: reason.slice(0, 1000), updatedAt: new Date() });
  }
}
