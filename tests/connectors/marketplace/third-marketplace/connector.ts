import type { AxiosRequestConfig } from 'axios';
import type { ConnectorBaseSettings } from '../../../../connectors/marketplace/adapter.js';
import { ConnectorError, type ListingContent, type MarketplaceConnector, type OrderPage, type RemoteListing } from '../../../../connectors/marketplace/contract.js';
import { createHttpClient, failureFromResponse, isSuccess, malformedResponse, send, type CallContext, type HttpClient } from '../../../../connectors/marketplace/http.js';
import type { ChoItem } from './sandbox.js';

export interface ChoSettings extends ConnectorBaseSettings {
  apiKey: string;
}

function toListing(item: ChoItem | undefined): RemoteListing | null {
  if (!item || typeof item.id !== 'string') return null;
  return { externalId: item.id, externalUrl: null, sellerSku: item.sku, status: item.hidden ? 'DELISTED' : 'PUBLISHED', rejectionReason: null, priceVnd: item.price, stock: item.stock };
}

/** A minimal connector: API key header, one JSON shape, every failure classified by the shared http.ts. */
export class ChoConnector implements MarketplaceConnector {
  readonly marketplace = 'CHO' as const;
  private readonly http: HttpClient;

  constructor(private readonly settings: ChoSettings) {
    this.http = createHttpClient(settings);
  }

  private async item(operation: string, config: AxiosRequestConfig): Promise<RemoteListing> {
    const context: CallContext = { marketplace: 'CHO', operation, write: config.method !== 'GET' };
    const response = await send<{ item?: ChoItem }>(this.http, { ...config, headers: { 'x-api-key': this.settings.apiKey } }, context);
    if (!isSuccess(response)) throw failureFromResponse(response, context);
    const listing = toListing(response.data?.item);
    if (!listing) throw malformedResponse(context, 'no item', response);
    return listing;
  }

  createListing(content: ListingContent) {
    return this.item('createListing', { method: 'POST', url: '/items', data: { sku: content.sellerSku, name: content.name, price: content.priceVnd, stock: content.stock } });
  }

  async findListingBySku(sellerSku: string) {
    try {
      return await this.item('findListingBySku', { method: 'GET', url: '/items/by-sku', params: { sku: sellerSku } });
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async getListing(externalId: string) {
    try {
      return await this.item('getListing', { method: 'GET', url: `/items/${encodeURIComponent(externalId)}` });
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'NOT_FOUND') return null;
      throw error;
    }
  }

  updatePriceAndStock(externalId: string, change: { priceVnd: number; stock: number }) {
    return this.item('updatePriceAndStock', { method: 'PUT', url: `/items/${encodeURIComponent(externalId)}`, data: { price: change.priceVnd, stock: change.stock } });
  }

  updateContent(externalId: string, content: ListingContent) {
    return this.item('updateContent', { method: 'PUT', url: `/items/${encodeURIComponent(externalId)}`, data: { name: content.name, price: content.priceVnd, stock: content.stock, hidden: false } });
  }

  delist(externalId: string) {
    return this.item('delist', { method: 'PUT', url: `/items/${encodeURIComponent(externalId)}`, data: { hidden: true } });
  }

  async listOrdersSince(cursor: string | null): Promise<OrderPage> {
    return { orders: [], nextCursor: null, resumeCursor: cursor };
  }
}
