import type { Request, Response } from 'express';
import type { ListingTable } from '../../marketplace/sandbox/listing-table.js';
import type { OrderBook, SandboxOrder } from '../../marketplace/sandbox/order-book.js';
import type { VosoGrantStore } from '../sandbox-grants.js';
import type { VosoSandboxState } from '../sandbox-state.js';
import type { VosoOrder, VosoProduct, VosoProductInput } from '../wire.js';

/** What the voso sandbox's route modules share: its state and the checks every route makes. */
export interface VosoRouteContext {
  clients: readonly { clientId: string; clientSecret: string }[];
  /** Codes, access and refresh tokens per shop (../sandbox-grants.ts). */
  grants: VosoGrantStore;
  /** The shop client-credentials tokens act for: the client's own sandbox shop. */
  clientShop: string;
  products: ListingTable<VosoProduct>;
  orders: OrderBook;
  state: VosoSandboxState;
  /** Counts a request that reached a handler, by "METHOD /route". */
  count(route: string): void;
  /** The shop the bearer token acts for; answers 401 and returns null unless the token is live. */
  authenticated(req: Request, res: Response): string | null;
  /** Answers 400 listing every problem and returns false unless the body is a valid product. */
  validProduct(body: unknown, res: Response, shopId: string): body is VosoProductInput;
  pickInput(body: VosoProductInput): VosoProductInput;
  /** The shop's product named by :id, or a 404 answered (another shop's product is not found). */
  findProduct(shopId: string, req: Request, res: Response): VosoProduct | undefined;
  renderOrder(order: SandboxOrder): VosoOrder;
  nextProductId(): string;
  productUrl(id: string): string;
}

/** Local time with the +07:00 offset, as voso sends times. */
export function vietnamTime(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}
