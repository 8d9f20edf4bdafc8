import type { Request, Response } from 'express';
import type { ListingTable } from '../../marketplace/sandbox/listing-table.js';
import type { OrderBook, SandboxOrder } from '../../marketplace/sandbox/order-book.js';
import type { PostmartRecord, PostmartSandboxState } from '../sandbox-state.js';
import type { PostmartItem, PostmartItemInput, PostmartOrder } from '../wire.js';

/** The partner API's path prefix. */
export const API = '/api/v2';

/** What the postmart sandbox's route modules share: its state, moderation and the checks every route makes. */
export interface PostmartRouteContext {
  items: ListingTable<PostmartRecord>;
  orders: OrderBook;
  state: PostmartSandboxState;
  count(route: string): void;
  /** Checks partner, shop, timestamp and signature; answers and returns null when any is wrong. */
  verified(req: Request, res: Response): { shopId: string } | null;
  validItem(body: Record<string, unknown>, res: Response, shopId: string): boolean;
  pickInput(body: Record<string, unknown>): PostmartItemInput;
  /** The shop's item named by item_id, or a 404 answered. */
  findItem(shopId: string, value: unknown, res: Response): PostmartRecord | undefined;
  /** Moderation is decided lazily: whoever looks after the due time sees the decision. */
  settle(record: PostmartRecord, now?: number): PostmartRecord;
  submitForReview(record: PostmartRecord, now: number): void;
  render(record: PostmartRecord): PostmartItem;
  renderOrder(order: SandboxOrder): PostmartOrder;
  /** The success envelope `{ request_id, error: '', message: '', response }`. */
  ok(res: Response, response: unknown, status?: number): void;
  bodyOf(req: Request): Record<string, unknown>;
  nextItemId(): number;
}
