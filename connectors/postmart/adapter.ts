/**
 * The postmart.vn adapter: the connector contract over postmart's assumed partner API (README.md).
 * Every request is signed (signing.ts). New listings come back PENDING_REVIEW; postmart approves or
 * rejects them later, which `getListing` reports. No retries here: every failure leaves as a
 * ConnectorError whose kind says what the sync engine may do.
 */
import {
  ConnectorError,
  type ImageUpload,
  type ListingContent,
  type MarketplaceConnector,
  type OrderPage,
  type RemoteListing,
  type RemoteOrder,
} from '../marketplace/contract.js';
import { createHttpClient, failureFromResponse, isSuccess, malformedResponse, send, type CallContext, type HttpClient } from '../marketplace/http.js';
import { sign } from './signing.js';
import { fromPostmartItem, fromPostmartOrder, toPostmartItemInput, type PostmartEnvelope, type PostmartOrderList } from './wire.js';

export interface PostmartSettings {
  /** e.g. https://partner.postmart.vn (assumed) or the sandbox's http://127.0.0.1:4102 */
  baseUrl: string;
  partnerId: string;
  partnerKey: string;
  shopId: string;
  /** Per-request timeout (ms). */
  timeoutMs: number;
  /** The longest postmart takes to apply a create (ms); default three times timeoutMs. */
  slowestCreateMs?: number;
  /** Open sockets to postmart. */
  maxSockets?: number;
}

/** postmart's assumed maximum page size for the order list. */
export const POSTMART_MAX_ORDER_PAGE = 50;

const API = '/api/v2';

export class PostmartConnector implements MarketplaceConnector {
  readonly marketplace = 'POSTMART' as const;
  private readonly http: HttpClient;
  readonly slowestCreateMs: number;

  constructor(
    readonly settings: PostmartSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.slowestCreateMs = settings.slowestCreateMs ?? 3 * settings.timeoutMs;
    this.http = createHttpClient({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, maxSockets: settings.maxSockets });
  }

  async createListing(content: ListingContent): Promise<RemoteListing> {
    return this.item('createListing', 'POST', `${API}/product/add_item`, { body: toPostmartItemInput(content) });
  }

  async findListingBySku(sellerSku: string): Promise<RemoteListing | null> {
    // Oldest first; postmart does not keep item_sku unique, so the oldest is "the" listing.
    return (await this.findListingsBySku(sellerSku))[0] ?? null;
  }

  async findListingsBySku(sellerSku: string): Promise<RemoteListing[]> {
    const context = this.context('findListingBySku', 'GET');
    const { data, response } = await this.call<{ items?: unknown[] }>(context, 'GET', `${API}/product/search_item`, { query: { item_sku: sellerSku } });
    if (!Array.isArray(data?.items)) throw malformedResponse(context, 'no items array', response);
    const listings = data.items.map((i) => fromPostmartItem(i));
    if (listings.some((l) => l === null)) throw malformedResponse(context, 'unreadable item', response);
    return (listings as RemoteListing[]).filter((l) => l.sellerSku === sellerSku);
  }

  async getListing(externalId: string): Promise<RemoteListing | null> {
    try {
      return await this.item('getListing', 'GET', `${API}/product/get_item_base_info`, { query: { item_id: itemId(externalId) } });
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async updatePriceAndStock(externalId: string, change: { priceVnd: number; stock: number }): Promise<RemoteListing> {
    return this.item('updatePriceAndStock', 'POST', `${API}/product/update_price_stock`, {
      body: { item_id: itemId(externalId), original_price: change.priceVnd, stock: change.stock },
    });
  }

  async updateContent(externalId: string, content: ListingContent): Promise<RemoteListing> {
    const updated = await this.item('updateContent', 'POST', `${API}/product/update_item`, { body: { item_id: itemId(externalId), ...toPostmartItemInput(content) } });
    // The contract's updateContent leaves the listing listed (re-publishing after a delist).
    return updated.status === 'DELISTED' ? this.relist(externalId) : updated;
  }

  async delist(externalId: string): Promise<RemoteListing> {
    return this.item('delist', 'POST', `${API}/product/unlist_item`, { body: { item_id: itemId(externalId), unlist: true } });
  }

  async relist(externalId: string): Promise<RemoteListing> {
    return this.item('relist', 'POST', `${API}/product/unlist_item`, { body: { item_id: itemId(externalId), unlist: false } });
  }

  /** POST /api/v2/media/upload_image: the image lands in the shop's media; items reference its URL. */
  async uploadImage(image: ImageUpload): Promise<{ url: string }> {
    const context = this.context('uploadImage', 'POST');
    const { data, response } = await this.call<{ image_info?: { image_url?: unknown } }>(context, 'POST', `${API}/media/upload_image`, { body: { image: image.data.toString('base64') } });
    if (typeof data?.image_info?.image_url !== 'string') throw malformedResponse(context, 'no image_info.image_url', response);
    return { url: data.image_info.image_url };
  }

  async listOrdersSince(cursor: string | null, limit: number): Promise<OrderPage> {
    const context = this.context('listOrdersSince', 'GET');
    const query: Record<string, string | number> = { page_size: Math.max(1, Math.min(POSTMART_MAX_ORDER_PAGE, Math.floor(limit))) };
    if (cursor) query.cursor = cursor;
    const { data, response } = await this.call<Partial<PostmartOrderList>>(context, 'GET', `${API}/order/get_order_list`, { query });
    if (!Array.isArray(data?.order_list)) throw malformedResponse(context, 'no order_list', response);
    const orders = data.order_list.map((o) => fromPostmartOrder(o));
    if (orders.some((o) => o === null)) throw malformedResponse(context, 'unreadable order', response);
    const resumeCursor = data.next_cursor || cursor;
    return { orders: orders as RemoteOrder[], nextCursor: data.more ? data.next_cursor || null : null, resumeCursor };
  }

  private context(operation: string, method: 'GET' | 'POST'): CallContext {
    return { marketplace: 'POSTMART', operation, write: method !== 'GET' };
  }

  /** A call answered with `{ item }`. */
  private async item(operation: string, method: 'GET' | 'POST', path: string, request: { query?: Record<string, string | number>; body?: unknown }) {
    const context = this.context(operation, method);
    const { data, response } = await this.call<{ item?: unknown }>(context, method, path, request);
    const listing = fromPostmartItem(data?.item);
    if (!listing) throw malformedResponse(context, 'no readable item', response);
    return listing;
  }

  /** Signs and sends one request; returns the envelope's `response`. */
  private async call<T>(
    context: CallContext,
    method: 'GET' | 'POST',
    path: string,
    request: { query?: Record<string, string | number>; body?: unknown },
  ) {
    const { partnerId, partnerKey, shopId } = this.settings;
    const body = request.body === undefined ? '' : JSON.stringify(request.body);
    const timestamp = Math.floor(this.now() / 1000);
    const signature = sign(partnerKey, { partnerId, path, timestamp, shopId, body });
    const response = await send<PostmartEnvelope<T>>(
      this.http,
      {
        method,
        url: path,
        params: { ...request.query, partner_id: partnerId, shop_id: shopId, timestamp, sign: signature },
        data: method === 'GET' ? undefined : body,
        headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
        // The body is signed as these exact bytes: axios must not re-serialise it.
        transformRequest: [(data: unknown) => data],
      },
      context,
    );
    if (!isSuccess(response)) throw failureFromResponse(response, context);
    const envelope = response.data;
    if (envelope && typeof envelope === 'object' && envelope.error) {
      // The contract sends errors with 4xx/5xx; a 2xx carrying one is treated as a refusal.
      throw new ConnectorError('REJECTED', `POSTMART ${context.operation}: ${envelope.error}: ${envelope.message} (request ${envelope.request_id})`, {
        status: response.status,
        marketplaceCode: envelope.error,
        requestId: envelope.request_id,
      });
    }
    return { data: envelope?.response, response };
  }
}

/** postmart item ids are integers; anything else cannot exist there. */
function itemId(externalId: string): number {
  if (!/^\d{1,15}$/.test(externalId)) throw new ConnectorError('NOT_FOUND', `POSTMART: "${externalId}" is not a postmart item id`);
  return Number(externalId);
}
