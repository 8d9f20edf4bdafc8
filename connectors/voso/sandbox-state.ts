import type { FaultCounters } from '../marketplace/sandbox/faults.js';
import type { ListingTable } from '../marketplace/sandbox/listing-table.js';
import type { OrderBook } from '../marketplace/sandbox/order-book.js';
import type { VosoProduct } from './wire.js';

export interface VosoSandboxState {
  products: ListingTable<VosoProduct>;
  orders: OrderBook;
  /** Access tokens issued so far. */
  tokensIssued: number;
  /** Requests per "METHOD /route" that reached a handler. */
  requestsByRoute: Map<string, number>;
  faultCounters: FaultCounters;
  listingCountBySku(): Map<string, number>;
  duplicateSkus(): string[];
  /** SKUs with more than one listing buyers can order (not deactivated, unlisted, banned or rejected). */
  liveDuplicateSkus(): string[];
}
