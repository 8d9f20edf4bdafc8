import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { LockMode } from '@mikro-orm/core';
import { ConnectorError, type MarketplaceConnector, type RemoteOrder } from '../../../connectors/marketplace/contract.js';
import type { Logger } from '../../../core/logger.js';
import { MARKETPLACES, type Marketplace } from '../catalogue/marketplace.js';
import { Product } from '../catalogue/product.entity.js';
import { queueProductChange } from '../listings/listing.command.js';
import type { RateLimiter } from '../sync/rate-limiter.js';
import type { ConnectorSet, SyncOptions } from '../sync/sync-options.js';
import { expectOrderPayment, forgetOrderPayment } from '../reconciliation/order-payment.command.js';
import { maskName, maskPhone } from './buyer-mask.rules.js';
import { OrderFeedCursor } from './order-feed-cursor.entity.js';
import { ShopConnection, ShopConnectionStatus } from '../shops/shop-connection.entity.js';
import type { ShopOrderFeed } from '../shops/shop-connector-pool.js';
import { MarketplaceOrderLine } from './order-line.entity.js';
import { MarketplaceOrder, OrderStatus } from './order.entity.js';

/** One order feed: a connected shop's (`shop`), or the marketplace-wide credential's (`shop` null). */
interface Feed {
  connector: MarketplaceConnector;
  shop: ShopOrderFeed | null;
}

const RELEASES_STOCK: ReadonlySet<OrderStatus> = new Set([OrderStatus.CANCELLED, OrderStatus.RETURNED]);

export interface PullResult {
  fetched: number;
  created: number;
  updated: number;
}

/**
 * Reads each marketplace's order feeds (one per connected shop, and the shared credential's where
 * it is used) from their stored cursors. The page is fetched first, then
 * applied in one transaction together with the new cursor, and only if the cursor has not moved
 * meanwhile (another worker pulled the same page): delivery is at least once, and orders are
 * deduplicated by (marketplace, externalOrderId). Stock follows: a new order takes its quantities,
 * a cancellation or return gives them back, and each stock change is synced to every marketplace.
 */
export class OrderPuller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly connectorSet: ConnectorSet,
    private readonly options: Pick<SyncOptions, 'orderPageSize' | 'orderPaymentProviders'>,
    private readonly logger: Logger,
    private readonly postgres: boolean,
    /** The sync engine's per-marketplace pacer: order reads share the marketplace's rate limit. */
    private readonly limiter?: (marketplace: Marketplace) => RateLimiter,
  ) {}

  start(everyMs: number): void {
    const tick = () => {
      this.running = this.pullAll()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'order pull failed; next pull retries'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, everyMs);
        });
    };
    this.timer = setTimeout(tick, everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Pulls every configured marketplace until its feed is exhausted for now. */
  async pullAll(): Promise<Record<string, PullResult>> {
    const results: Record<string, PullResult> = {};
    for (const marketplace of MARKETPLACES) {
      if (this.connectorSet.connectors[marketplace]) results[marketplace] = await this.pull(marketplace);
    }
    return results;
  }

  /**
   * Reads every feed of the marketplace: each connected shop's with its own credentials (the orders
   * are its producer's), and the marketplace-wide credential's where it is used (no per-shop
   * authorisation, or COMMERCE_SHOP_FALLBACK=shared). A shop whose authorisation is refused is
   * marked on its connection (REVOKED or EXPIRED, with the marketplace's words) and skipped from then
   * on; the other feeds are read. A failure of the shared feed is raised after the shops were read.
   */
  async pull(marketplace: Marketplace): Promise<PullResult> {
    const total: PullResult = { fetched: 0, created: 0, updated: 0 };
    const shops = this.connectorSet.shops;
    const shared = this.connectorSet.connectors[marketplace];
    const feeds: Feed[] = [];
    if (shared && (!shops?.readsSharedFeed || shops.readsSharedFeed(marketplace))) feeds.push({ connector: shared, shop: null });
    for (const feed of (await shops?.orderFeeds?.(marketplace)) ?? []) feeds.push({ connector: feed.connector, shop: feed });
    let sharedFailure: unknown = null;
    for (const feed of feeds) {
      try {
        const result = await this.pullFeed(marketplace, feed);
        total.fetched += result.fetched;
        total.created += result.created;
        total.updated += result.updated;
      } catch (error) {
        if (!feed.shop) {
          sharedFailure = error;
          continue;
        }
        const auth = error instanceof ConnectorError && error.kind === 'AUTH';
        this.logger[auth ? 'info' : 'warn']({ marketplace, connectionId: feed.shop.connectionId, producerId: feed.shop.producerId, err: error instanceof Error ? error.message : String(error) }, auth ? 'shop order feed refused: the connection shows why' : 'shop order feed not read; next pull retries');
      }
    }
    if (sharedFailure) throw sharedFailure;
    return total;
  }

  private async pullFeed(marketplace: Marketplace, feed: Feed): Promise<PullResult> {
    const total: PullResult = { fetched: 0, created: 0, updated: 0 };
    for (let page = 0; page < 1000; page++) {
      const cursor = await this.readCursor(marketplace, feed);
      if (cursor === undefined) break;
      await this.limiter?.(marketplace).acquire();
      const result = await feed.connector.listOrdersSince(cursor, this.options.orderPageSize);
      total.fetched += result.orders.length;
      const applied = await this.apply(marketplace, feed, cursor, result.orders, result.resumeCursor ?? result.nextCursor);
      if (!applied) break;
      total.created += applied.created;
      total.updated += applied.updated;
      if (!result.nextCursor || result.nextCursor === cursor || !result.orders.length) break;
    }
    return total;
  }

  /** The feed's stored cursor (null: from the beginning); undefined when a shop's connection is no longer usable. */
  private async readCursor(marketplace: Marketplace, feed: Feed): Promise<string | null | undefined> {
    const em = this.orm.em.fork();
    if (!feed.shop) return (await em.findOne(OrderFeedCursor, { marketplace }))?.cursor ?? null;
    const row = await em.findOne(ShopConnection, { id: feed.shop.connectionId, shopId: feed.shop.shopId, status: ShopConnectionStatus.CONNECTED });
    return row ? (row.orderCursor ?? null) : undefined;
  }

  private async apply(marketplace: Marketplace, feed: Feed, expected: string | null, orders: RemoteOrder[], nextCursor: string | null) {
    return this.orm.em.fork().transactional(async (em) => {
      const lock = this.postgres ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
      let store: (cursor: string) => void;
      if (feed.shop) {
        // The shop's cursor lives on its connection; a connection moved to another shop meanwhile is not written.
        const row = await em.findOne(ShopConnection, { id: feed.shop.connectionId, shopId: feed.shop.shopId }, lock);
        if (!row || (row.orderCursor ?? null) !== expected) return null;
        store = (cursor) => (row.orderCursor = cursor);
      } else {
        let row = await em.findOne(OrderFeedCursor, { marketplace }, lock);
        if ((row?.cursor ?? null) !== expected) return null;
        if (!row) {
          row = em.create(OrderFeedCursor, { marketplace, cursor: null, updatedAt: new Date() });
          em.persist(row);
        }
        const cursorRow = row;
        store = (cursor) => {
          cursorRow.cursor = cursor;
          cursorRow.updatedAt = new Date();
        };
      }
      const counts = { created: 0, updated: 0 };
      for (const remote of orders) {
        const outcome = await this.applyOrder(em, marketplace, remote, feed.shop?.producerId ?? null);
        if (outcome) counts[outcome] += 1;
      }
      if (nextCursor) store(nextCursor);
      return counts;
    });
  }

  /** `producerId`: the producer whose shop sold it (its lines are matched to that producer's products only); null for the shared feed. */
  private async applyOrder(em: EntityManager, marketplace: Marketplace, remote: RemoteOrder, producerId: string | null): Promise<'created' | 'updated' | null> {
    const status = remote.status as OrderStatus;
    const existing = await em.findOne(MarketplaceOrder, { marketplace, externalOrderId: remote.externalOrderId });
    if (existing) {
      if (existing.status === status) return null;
      existing.status = status;
      existing.remoteUpdatedAt = new Date(remote.updatedAt);
      if (status === OrderStatus.CANCELLED) await forgetOrderPayment(em, existing);
      if (existing.stockTaken && RELEASES_STOCK.has(status)) {
        const lines = await em.find(MarketplaceOrderLine, { orderId: existing.id });
        await this.moveStock(em, lines, +1);
        existing.stockTaken = false;
      }
      return 'updated';
    }
    const order = em.create(MarketplaceOrder, {
      id: randomUUID(),
      marketplace,
      externalOrderId: remote.externalOrderId,
      status,
      totalVnd: remote.totalVnd,
      shippingFeeVnd: remote.shippingFeeVnd,
      buyerNameMasked: maskName(remote.buyerName),
      buyerPhoneMasked: maskPhone(remote.buyerPhone),
      placedAt: new Date(remote.placedAt),
      remoteUpdatedAt: new Date(remote.updatedAt),
      stockTaken: !RELEASES_STOCK.has(status),
      pulledAt: new Date(),
    });
    // A shop's order takes only its own producer's stock, whatever seller SKU its lines carry.
    const products = await em.find(Product, { sellerSku: { $in: remote.lines.map((l) => l.sellerSku) }, ...(producerId ? { producerId } : {}) });
    const bySku = new Map(products.map((p) => [p.sellerSku, p]));
    const lines = remote.lines.map((line, i) =>
      em.create(MarketplaceOrderLine, {
        orderId: order.id,
        lineNo: i + 1,
        sellerSku: line.sellerSku,
        productId: bySku.get(line.sellerSku)?.id ?? null,
        quantity: line.quantity,
        unitPriceVnd: line.unitPriceVnd,
      }),
    );
    em.persist([order, ...lines]);
    if (order.stockTaken) await this.moveStock(em, lines, -1);
    if (status !== OrderStatus.CANCELLED) {
      const valueByProducer = new Map<string, number>();
      for (const line of remote.lines) {
        const producerId = bySku.get(line.sellerSku)?.producerId;
        if (producerId) valueByProducer.set(producerId, (valueByProducer.get(producerId) ?? 0) + line.quantity * line.unitPriceVnd);
      }
      await expectOrderPayment(em, { ...order, buyerPhone: remote.buyerPhone, valueByProducer }, this.options.orderPaymentProviders?.[marketplace]);
    }
    return 'created';
  }

  /** Stock never goes below zero (an oversold order shows in the order list, not as negative stock). */
  private async moveStock(em: EntityManager, lines: MarketplaceOrderLine[], sign: 1 | -1): Promise<void> {
    const ids = [...new Set(lines.map((l) => l.productId).filter((id): id is string => !!id))];
    if (!ids.length) return;
    const products = await em.find(Product, { id: { $in: ids } }, this.postgres ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    for (const product of products) {
      const quantity = lines.filter((l) => l.productId === product.id).reduce((sum, l) => sum + l.quantity, 0);
      product.stock = Math.max(0, product.stock + sign * quantity);
      product.version += 1;
      product.updatedAt = new Date();
      await queueProductChange(em, product, 'ORDER');
    }
  }
}
