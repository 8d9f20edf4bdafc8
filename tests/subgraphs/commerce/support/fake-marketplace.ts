import {
  ConnectorError,
  type ListingContent,
  type MarketplaceConnector,
  type OrderPage,
  type RemoteListing,
  type RemoteOrder,
} from '../../../../connectors/marketplace/contract.js';
import type { MarketplaceCode } from '../../../../connectors/marketplace/registry.js';

export interface FakeFaults {
  /** Share of calls failing with a 5xx before taking effect. */
  errorRate: number;
  /** Share of writes that take effect and then lose their response (accept-then-drop). */
  dropRate: number;
  /** Share of calls starting a burst of 429s lasting `burstMs`. */
  burstRate: number;
  burstMs: number;
  /** Every call fails with this kind (for FAILED / REJECTED tests). */
  always?: 'TRANSIENT' | 'REJECTED' | 'AUTH' | null;
}

interface Held extends RemoteListing {
  version: number;
  contentName: string;
  reviewUntil: number | null;
}

/**
 * An in-memory marketplace implementing the connector contract, for unit tests of the sync engine
 * (acceptance tests use the real adapters against the sandboxes). It deliberately allows duplicate
 * SKUs, so a test can see a duplicate the engine created.
 */
export class FakeMarketplace implements MarketplaceConnector {
  readonly listings = new Map<string, Held>();
  readonly orders: RemoteOrder[] = [];
  readonly calls: Record<string, number> = {};
  /** Price writes per externalId with the version sent, in arrival order. */
  readonly writes: { externalId: string; version: number | null; priceVnd: number }[] = [];
  /** The next n calls are refused with 429 and this Retry-After. */
  rateLimitNext = { count: 0, retryAfterMs: 0 };
  /** When each call arrived (ms since epoch), by method. */
  readonly callTimes: { method: string; at: number }[] = [];
  /** The next n creates take effect and then lose their response. */
  dropCreates = 0;
  faults: FakeFaults = { errorRate: 0, dropRate: 0, burstRate: 0, burstMs: 0, always: null };
  private burstUntil = 0;
  private seq = 0;
  /** While set, every call waits for it after being counted (`holdCalls`). */
  private gate: Promise<void> | null = null;
  private rng: () => number;

  constructor(
    readonly marketplace: MarketplaceCode,
    private readonly options: { reviewMs?: number; latencyMs?: number; seed?: number } = {},
  ) {
    let state = options.seed ?? 42;
    this.rng = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  /**
   * Holds every call from now on, once counted in `calls`, until the returned function is called: a call is then
   * provably in flight for as long as a test needs, instead of for a latency it hopes is long enough.
   */
  holdCalls(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  private async enter(name: string, write: boolean): Promise<'ok' | 'drop'> {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    this.callTimes.push({ method: name, at: Date.now() });
    if (this.rateLimitNext.count > 0) {
      this.rateLimitNext.count -= 1;
      throw new ConnectorError('RATE_LIMITED', '429 Too Many Requests', { status: 429, retryAfterMs: this.rateLimitNext.retryAfterMs });
    }
    if (this.gate) await this.gate;
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    const f = this.faults;
    if (f.always === 'TRANSIENT') throw new ConnectorError('TRANSIENT', 'HTTP 503 from the fake marketplace', { status: 503 });
    if (f.always === 'AUTH') throw new ConnectorError('AUTH', 'credentials refused', { status: 401 });
    if (f.always === 'REJECTED' && write) throw new ConnectorError('REJECTED', 'Tên sản phẩm không hợp lệ', { status: 400 });
    const now = Date.now();
    if (now < this.burstUntil) throw new ConnectorError('RATE_LIMITED', '429', { status: 429, retryAfterMs: this.burstUntil - now });
    if (this.rng() < f.burstRate) {
      this.burstUntil = now + f.burstMs;
      throw new ConnectorError('RATE_LIMITED', '429', { status: 429, retryAfterMs: f.burstMs });
    }
    if (this.rng() < f.errorRate) throw new ConnectorError('TRANSIENT', 'HTTP 500 from the fake marketplace', { status: 500 });
    return write && this.rng() < f.dropRate ? 'drop' : 'ok';
  }

  private finish<T>(mode: 'ok' | 'drop', value: T): T {
    if (mode === 'drop') throw new ConnectorError('UNKNOWN_OUTCOME', 'socket hang up after the request was sent');
    return value;
  }

  private view(h: Held): RemoteListing {
    if (h.reviewUntil !== null && Date.now() >= h.reviewUntil) {
      h.status = 'PUBLISHED';
      h.reviewUntil = null;
    }
    return { externalId: h.externalId, externalUrl: h.externalUrl, sellerSku: h.sellerSku, status: h.status, rejectionReason: h.rejectionReason, priceVnd: h.priceVnd, stock: h.stock };
  }

  private find(externalId: string): Held {
    const held = this.listings.get(externalId);
    if (!held) throw new ConnectorError('NOT_FOUND', `no listing ${externalId}`, { status: 404 });
    return held;
  }

  async createListing(content: ListingContent): Promise<RemoteListing> {
    let mode = await this.enter('createListing', true);
    if (this.dropCreates > 0) {
      this.dropCreates -= 1;
      mode = 'drop';
    }
    const externalId = `${this.marketplace.toLowerCase()}-${++this.seq}`;
    const review = this.options.reviewMs;
    const held: Held = {
      externalId,
      externalUrl: `https://${this.marketplace.toLowerCase()}.example/p/${externalId}`,
      sellerSku: content.sellerSku,
      status: review ? 'PENDING_REVIEW' : 'PUBLISHED',
      rejectionReason: null,
      priceVnd: content.priceVnd,
      stock: content.stock,
      version: content.version,
      contentName: content.name,
      reviewUntil: review ? Date.now() + review : null,
    };
    this.listings.set(externalId, held);
    this.writes.push({ externalId, version: content.version, priceVnd: content.priceVnd });
    return this.finish(mode, this.view(held));
  }

  async findListingBySku(sellerSku: string): Promise<RemoteListing | null> {
    await this.enter('findListingBySku', false);
    const held = [...this.listings.values()].find((h) => h.sellerSku === sellerSku);
    return held ? this.view(held) : null;
  }

  async getListing(externalId: string): Promise<RemoteListing | null> {
    await this.enter('getListing', false);
    const held = this.listings.get(externalId);
    return held ? this.view(held) : null;
  }

  async updatePriceAndStock(externalId: string, change: { priceVnd: number; stock: number }): Promise<RemoteListing> {
    const mode = await this.enter('updatePriceAndStock', true);
    const held = this.find(externalId);
    held.priceVnd = change.priceVnd;
    held.stock = change.stock;
    this.writes.push({ externalId, version: null, priceVnd: change.priceVnd });
    return this.finish(mode, this.view(held));
  }

  async updateContent(externalId: string, content: ListingContent): Promise<RemoteListing> {
    const mode = await this.enter('updateContent', true);
    const held = this.find(externalId);
    Object.assign(held, { priceVnd: content.priceVnd, stock: content.stock, version: content.version, contentName: content.name });
    if (held.status === 'DELISTED') held.status = 'PUBLISHED';
    this.writes.push({ externalId, version: content.version, priceVnd: content.priceVnd });
    return this.finish(mode, this.view(held));
  }

  async delist(externalId: string): Promise<RemoteListing> {
    const mode = await this.enter('delist', true);
    const held = this.find(externalId);
    held.status = 'DELISTED';
    return this.finish(mode, this.view(held));
  }

  async listOrdersSince(cursor: string | null, limit: number): Promise<OrderPage> {
    await this.enter('listOrdersSince', false);
    const start = cursor ? Number(cursor) : 0;
    const orders = this.orders.slice(start, start + limit);
    return { orders, nextCursor: orders.length ? String(start + orders.length) : cursor };
  }

  /** Listings per seller SKU (a correct engine leaves exactly one each). */
  countBySku(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const h of this.listings.values()) counts.set(h.sellerSku, (counts.get(h.sellerSku) ?? 0) + 1);
    return counts;
  }

  bySku(sellerSku: string): RemoteListing | undefined {
    const held = [...this.listings.values()].find((h) => h.sellerSku === sellerSku);
    return held ? this.view(held) : undefined;
  }
}
