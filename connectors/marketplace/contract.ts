/**
 * The contract every marketplace adapter implements (connectors/voso, connectors/postmart). The sync
 * engine (subgraphs/commerce) speaks only this interface, so adding a marketplace means adding one
 * adapter folder and its line in ./registry.ts. Amounts are whole VND; times are ISO 8601 strings.
 */

/** What the hub sends to a marketplace about one product. `sellerSku` is the hub's id for it. */
export interface ListingContent {
  /** The hub's seller SKU: unique per producer and product, used to find a listing whose create response was lost. */
  sellerSku: string;
  name: string;
  description: string;
  /** Hub category (e.g. "vegetables", "fruit", "eggs", "tea"); each adapter maps it to its marketplace's category. */
  category: string;
  /** Selling unit as the hub holds it ("kg", "quả", "hộp", "chục"); each adapter maps it. */
  unit: string;
  /** Net weight of one selling unit in grams, when known. */
  netWeightGrams: number | null;
  priceVnd: number;
  stock: number;
  images: string[];
  /** Monotonic version of the product in the hub; lets the engine ignore stale writes. */
  version: number;
}

export type RemoteListingStatus = 'PENDING_REVIEW' | 'PUBLISHED' | 'REJECTED' | 'DELISTED';

/** A listing as the marketplace holds it. */
export interface RemoteListing {
  externalId: string;
  externalUrl: string | null;
  sellerSku: string;
  status: RemoteListingStatus;
  /** The marketplace's reason when REJECTED. */
  rejectionReason: string | null;
  priceVnd: number;
  stock: number;
  /** Added (optional): the listing's name as the marketplace holds it (the drift audit compares it with the hub's). */
  name?: string;
}

export interface RemoteOrderLine {
  sellerSku: string;
  quantity: number;
  unitPriceVnd: number;
}

export interface RemoteOrder {
  externalOrderId: string;
  status: 'PLACED' | 'CONFIRMED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'RETURNED';
  lines: RemoteOrderLine[];
  totalVnd: number;
  shippingFeeVnd: number;
  /** Buyer name and phone as the marketplace gives them; the hub masks before storing. */
  buyerName: string;
  buyerPhone: string;
  placedAt: string;
  updatedAt: string;
}

export interface OrderPage {
  orders: RemoteOrder[];
  /** Pass back to get the next page; null when the feed is exhausted for now. */
  nextCursor: string | null;
  /**
   * Added (backward compatible): where the next poll resumes: the position after the last order of
   * this page, or the cursor passed in when the page is empty. Unlike `nextCursor` it is set on the
   * last page too, so storing it after processing a page never re-reads that page. The adapters in
   * connectors/ always set it; null only when the feed is empty and no cursor was passed.
   */
  resumeCursor?: string | null;
}

/**
 * How a call failed. The engine decides retries from the kind, never from message text.
 * - RATE_LIMITED: 429; wait `retryAfterMs` if given.
 * - TRANSIENT: 5xx or a refused connection: the request did not take effect; retry.
 * - UNKNOWN_OUTCOME: timeout or connection dropped after sending: the call may have taken effect
 *   (for a create: look the listing up by seller SKU before creating again).
 * - REJECTED: the marketplace refused the content (validation); retrying the same content is useless.
 * - AUTH: credentials refused even after a token refresh; configuration must change.
 * - NOT_FOUND: the listing does not exist at the marketplace.
 */
export type ConnectorErrorKind = 'RATE_LIMITED' | 'TRANSIENT' | 'UNKNOWN_OUTCOME' | 'REJECTED' | 'AUTH' | 'NOT_FOUND';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; marketplaceCode?: string; requestId?: string } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }

  get retryable(): boolean {
    return this.kind === 'RATE_LIMITED' || this.kind === 'TRANSIENT' || this.kind === 'UNKNOWN_OUTCOME';
  }
}

export interface MarketplaceConnector {
  /** The adapter's code in ./registry.ts, e.g. "VOSO". */
  readonly marketplace: string;
  /** Creates a listing. May return PENDING_REVIEW (moderated marketplaces). */
  createListing(content: ListingContent): Promise<RemoteListing>;
  /** Looks a listing up by the hub's seller SKU; null when none exists. */
  findListingBySku(sellerSku: string): Promise<RemoteListing | null>;
  /**
   * Added (optional): every listing holding the seller SKU, oldest first. The engine keeps one and
   * delists the others (a create that landed after it was given up for lost).
   */
  findListingsBySku?(sellerSku: string): Promise<RemoteListing[]>;
  /**
   * Added (optional): the longest the marketplace may take to apply a create (ms), answer or not. A
   * create whose answer was lost is looked up by seller SKU until this long after it was sent, and
   * only then sent again, so a slow create cannot land beside a second one.
   */
  readonly slowestCreateMs?: number;
  getListing(externalId: string): Promise<RemoteListing | null>;
  updatePriceAndStock(externalId: string, change: { priceVnd: number; stock: number }): Promise<RemoteListing>;
  /**
   * Replaces the listing's content (price and stock included). Refined: it also leaves the listing
   * listed: a DELISTED listing is listed again, so re-publishing after a delist is one call. A
   * REJECTED listing's new content goes back to review where the marketplace moderates.
   */
  updateContent(externalId: string, content: ListingContent): Promise<RemoteListing>;
  delist(externalId: string): Promise<RemoteListing>;
  /**
   * Orders created or changed after `cursor` (null: from the beginning), oldest first. Store
   * `resumeCursor ?? nextCursor` after processing a page: `nextCursor` is null on the last page.
   */
  listOrdersSince(cursor: string | null, limit: number): Promise<OrderPage>;
  /** Added (optional): lists a DELISTED listing again without changing its content. */
  relist?(externalId: string): Promise<RemoteListing>;
}

