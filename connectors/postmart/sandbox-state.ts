import type { FaultCounters } from '../marketplace/sandbox/faults.js';
import type { ListingTable } from '../marketplace/sandbox/listing-table.js';
import type { OrderBook } from '../marketplace/sandbox/order-book.js';
import type { PostmartItemInput } from './wire.js';

/** What the sandbox keeps per item; the API renders it as a PostmartItem. */
export interface PostmartRecord {
  shopId: string;
  itemId: number;
  input: PostmartItemInput;
  review: 'pending' | 'approved' | 'rejected';
  reviewDueAt: number;
  rejectReason: string | null;
  unlisted: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface PostmartSandboxState {
  items: ListingTable<PostmartRecord>;
  orders: OrderBook;
  requestsByRoute: Map<string, number>;
  faultCounters: FaultCounters;
  /** Requests refused for a wrong or missing signature. */
  signatureFailures: number;
  moderationDelayMs: number;
  listingCountBySku(): Map<string, number>;
  duplicateSkus(): string[];
  /** SKUs with more than one listing buyers can order (not deactivated, unlisted, banned or rejected). */
  liveDuplicateSkus(): string[];
}
