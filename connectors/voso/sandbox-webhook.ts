/**
 * The voso sandbox's event pushes (events.ts): signed POSTs to the partner's webhook URL after a
 * seller-centre edit or a ban. A push that fails is counted and not repeated (the hub's periodic
 * audit still finds the change), as a real marketplace's best-effort delivery may lose one.
 */
import { randomUUID } from 'node:crypto';
import { webhookSignature } from '../marketplace/webhook-signature.js';
import { VOSO_SIGNATURE_HEADER, VOSO_TIMESTAMP_HEADER, type VosoEvent, type VosoEventType } from './events.js';
import type { VosoProduct } from './wire.js';

export interface VosoWebhookTarget {
  url: string;
  secret: string;
}

export interface VosoPusher {
  push(type: VosoEventType, product: VosoProduct): void;
  /** `unrouted`: events while no webhook URL was known (none configured, or not registered yet). */
  readonly counts: { sent: number; failed: number; unrouted: number };
  /** Resolves when every push started so far has ended (tests). */
  settled(): Promise<void>;
  /**
   * Where pushes go from now on: a partner registering its webhook URL after the marketplace
   * started (`npm start` learns the commerce subgraph's port only once it listens, e.g. COMMERCE_PORT=0).
   */
  setTarget(target: VosoWebhookTarget): void;
}

export function createVosoPusher(initial: VosoWebhookTarget | undefined): VosoPusher {
  let target = initial;
  const counts = { sent: 0, failed: 0, unrouted: 0 };
  const inFlight = new Set<Promise<void>>();
  return {
    counts,
    settled: async () => {
      await Promise.allSettled([...inFlight]);
    },
    setTarget(next) {
      target = next;
    },
    push(type, product) {
      if (!target) {
        counts.unrouted += 1;
        return;
      }
      const event: VosoEvent = { event_id: randomUUID(), type, product_id: product.id, seller_sku: product.seller_sku, occurred_at: product.updated_at };
      const body = JSON.stringify({ events: [event] });
      const timestamp = Math.floor(Date.now() / 1000);
      const sending = fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [VOSO_TIMESTAMP_HEADER]: String(timestamp), [VOSO_SIGNATURE_HEADER]: `sha256=${webhookSignature(target.secret, timestamp, body)}` },
        body,
        signal: AbortSignal.timeout(10_000),
      })
        .then((res) => {
          if (res.ok) counts.sent += 1;
          else counts.failed += 1;
        })
        .catch(() => {
          counts.failed += 1;
        });
      inFlight.add(sending);
      void sending.finally(() => inFlight.delete(sending));
    },
  };
}
