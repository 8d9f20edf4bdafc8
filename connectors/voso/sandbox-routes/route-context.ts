import type { Request, Response } from 'express';
import type { ListingTable } from '../../marketplace/sandbox/listing-table.js';
import type { OrderBook, SandboxOrder } from '../../marketplace/sandbox/order-book.js';
import type { VosoSandboxState } from '../sandbox-state.js';
import type { VosoOrder, VosoProduct, VosoProductInput } from '../wire.js';

/** What the voso sandbox's route modules share: its state and the checks every route makes. */
export interface VosoRouteContext {
  clients: readonly { clientId: string; clientSecret: string }[];
  ttlSeconds: number;
  /** Access token → expiry (epoch ms). */
  tokens: Map<string, number>;
  products: ListingTable<VosoProduct>;
  orders: OrderBook;
  state: VosoSandboxState;
  /** Counts a request that reached a handler, by "METHOD /route". */
  count(route: string): void;
  /** Answers 401 and returns false unless the bearer token is live. */
  authenticated(req: Request, res: Response): boolean;
  /** Answers 400 listing every problem and returns false unless the body is a valid product. */
  validProduct(body: unknown, res: Response): body is VosoProductInput;
  pickInput(body: VosoProductInput): VosoProductInput;
  /** The product named by :id, or a 404 answered. */
  findProduct(req: Request, res: Response): VosoProduct | undefined;
  renderOrder(order: SandboxOrder): VosoOrder;
  nextProductId(): string;
  productUrl(id: string): string;
}

/** Local time with the +07:00 offset, as voso sends times. */
export function vietnamTime(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}
