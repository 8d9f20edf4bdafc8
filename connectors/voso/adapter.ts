/**
 * The voso.vn adapter: the connector contract over voso's assumed seller API (README.md). It does no
 * retries of its own except one after a token refresh on 401: retrying is the sync engine's job, and
 * every failure leaves here as a ConnectorError whose kind says what the engine may do.
 */
import type { AxiosRequestConfig } from 'axios';
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
import { VosoTokenSource, type VosoTokens } from './auth.js';
import { fromVosoOrder, fromVosoProduct, toVosoProductInput, type VosoOrderFeed } from './wire.js';

export interface VosoSettings {
  /** e.g. https://partner-api.voso.vn (assumed) or the sandbox's http://127.0.0.1:4101 */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The secret voso signs its event pushes with (VOSO_WEBHOOK_SECRET; events.ts). */
  webhookSecret?: string;
  /** Per-request timeout (ms). */
  timeoutMs: number;
  /** The longest voso takes to apply a create (ms); default three times timeoutMs. */
  slowestCreateMs?: number;
  /** Open sockets to voso. */
  maxSockets?: number;
}

/** What the connector is built with besides its settings. */
export interface VosoConnectorOptions {
  /**
   * A shop's own access tokens (shop-auth.ts); without them the connector acts for the client's own
   * sandbox shop by client credentials (the development fallback).
   */
  tokens?: VosoTokens;
  /** The clock (epoch ms) the client-credentials token's expiry is judged by; tests pass their own instead of waiting. */
  now?: () => number;
}

/** voso's assumed maximum page size for the order feed. */
export const VOSO_MAX_ORDER_PAGE = 100;

export class VosoConnector implements MarketplaceConnector {
  readonly marketplace = 'VOSO' as const;
  private readonly http: HttpClient;
  readonly tokens: VosoTokens & { fetches?: number };
  readonly slowestCreateMs: number;

  constructor(
    readonly settings: VosoSettings,
    options: VosoConnectorOptions = {},
  ) {
    this.slowestCreateMs = settings.slowestCreateMs ?? 3 * settings.timeoutMs;
    this.http = createHttpClient({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, maxSockets: settings.maxSockets });
    this.tokens = options.tokens ?? new VosoTokenSource(this.http, settings, options.now);
  }

  async createListing(content: ListingContent): Promise<RemoteListing> {
    const body = toVosoProductInput(content);
    return this.product('createListing', { method: 'POST', url: '/v1/products', data: body });
  }

  async findListingBySku(sellerSku: string): Promise<RemoteListing | null> {
    // voso lists matches oldest first; seller SKUs are not unique there, so the oldest is "the" listing.
    return (await this.findListingsBySku(sellerSku))[0] ?? null;
  }

  async findListingsBySku(sellerSku: string): Promise<RemoteListing[]> {
    const context: CallContext = { marketplace: 'VOSO', operation: 'findListingBySku', write: false };
    const { data, response } = await this.call<{ products?: unknown[] }>(context, {
      method: 'GET',
      url: '/v1/products',
      params: { seller_sku: sellerSku },
    });
    if (!Array.isArray(data?.products)) throw malformedResponse(context, 'no products array', response);
    const listings = data.products.map((p) => fromVosoProduct(p));
    if (listings.some((l) => l === null)) throw malformedResponse(context, 'unreadable product', response);
    return (listings as RemoteListing[]).filter((l) => l.sellerSku === sellerSku);
  }

  async getListing(externalId: string): Promise<RemoteListing | null> {
    try {
      return await this.product('getListing', { method: 'GET', url: `/v1/products/${encodeURIComponent(externalId)}` });
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async updatePriceAndStock(externalId: string, change: { priceVnd: number; stock: number }): Promise<RemoteListing> {
    return this.product('updatePriceAndStock', {
      method: 'PUT',
      url: `/v1/products/${encodeURIComponent(externalId)}/price-stock`,
      data: { price: change.priceVnd, stock: change.stock },
    });
  }

  async updateContent(externalId: string, content: ListingContent): Promise<RemoteListing> {
    const body = toVosoProductInput(content);
    const updated = await this.product('updateContent', { method: 'PUT', url: `/v1/products/${encodeURIComponent(externalId)}`, data: body });
    // The contract's updateContent leaves the listing listed (re-publishing after a delist).
    return updated.status === 'DELISTED' ? this.relist(externalId) : updated;
  }

  async delist(externalId: string): Promise<RemoteListing> {
    return this.product('delist', { method: 'POST', url: `/v1/products/${encodeURIComponent(externalId)}/deactivate` });
  }

  async relist(externalId: string): Promise<RemoteListing> {
    return this.product('relist', { method: 'POST', url: `/v1/products/${encodeURIComponent(externalId)}/activate` });
  }

  /** POST /v1/media/images: the image lands in the shop's media; listings reference its URL. */
  async uploadImage(image: ImageUpload): Promise<{ url: string }> {
    const context: CallContext = { marketplace: 'VOSO', operation: 'uploadImage', write: true };
    const { data, response } = await this.call<{ image?: { url?: unknown } }>(context, {
      method: 'POST',
      url: '/v1/media/images',
      data: { content_type: image.contentType, data: image.data.toString('base64') },
    });
    if (typeof data?.image?.url !== 'string') throw malformedResponse(context, 'no image url', response);
    return { url: data.image.url };
  }

  async listOrdersSince(cursor: string | null, limit: number): Promise<OrderPage> {
    const context: CallContext = { marketplace: 'VOSO', operation: 'listOrdersSince', write: false };
    const params: Record<string, string | number> = { limit: Math.max(1, Math.min(VOSO_MAX_ORDER_PAGE, Math.floor(limit))) };
    if (cursor) params.cursor = cursor;
    const { data, response } = await this.call<Partial<VosoOrderFeed>>(context, { method: 'GET', url: '/v1/orders', params });
    if (!Array.isArray(data?.orders)) throw malformedResponse(context, 'no orders array', response);
    const orders = data.orders.map((o) => fromVosoOrder(o));
    if (orders.some((o) => o === null)) throw malformedResponse(context, 'unreadable order', response);
    const resumeCursor = data.next_cursor ?? cursor;
    return { orders: orders as RemoteOrder[], nextCursor: data.has_more ? (data.next_cursor ?? null) : null, resumeCursor };
  }

  /** A call answered with `{ product }`. */
  private async product(operation: string, config: AxiosRequestConfig): Promise<RemoteListing> {
    const context: CallContext = { marketplace: 'VOSO', operation, write: config.method !== 'GET' };
    const { data, response } = await this.call<{ product?: unknown }>(context, config);
    const listing = fromVosoProduct(data?.product);
    if (!listing) throw malformedResponse(context, 'no readable product', response);
    return listing;
  }

  /** Sends with the cached token; on 401 refreshes it once and repeats (a 401 means nothing was done). */
  private async call<T>(context: CallContext, config: AxiosRequestConfig) {
    let token = await this.tokens.token();
    let response = await send<T>(this.http, withBearer(config, token), context);
    if (response.status === 401) {
      this.tokens.invalidate(token);
      token = await this.tokens.token();
      response = await send<T>(this.http, withBearer(config, token), context);
    }
    if (!isSuccess(response)) throw failureFromResponse(response, context);
    return { data: response.data as T | undefined, response };
  }
}

function withBearer(config: AxiosRequestConfig, token: string): AxiosRequestConfig {
  return { ...config, headers: { ...(config.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } };
}
