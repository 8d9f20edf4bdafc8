/**
 * voso's event pushes (README.md, "Event pushes"): when a seller edits or deactivates a product in the
 * seller centre, or voso's staff ban one, voso POSTs `{ events: [{ event_id, type, product_id,
 * seller_sku, occurred_at }] }` to the partner's webhook URL, signed as marketplace/webhook-signature.ts
 * says with the headers below. The hub re-reads the products named; it never takes values from a push.
 */
import type { MarketplaceEvents } from '../marketplace/adapter.js';
import type { VosoSettings } from './adapter.js';

/** The secret the sandbox signs with, and the hub's default (VOSO_WEBHOOK_SECRET). */
export const VOSO_SANDBOX_WEBHOOK_SECRET = 'voso-sandbox-webhook-secret';

export const VOSO_TIMESTAMP_HEADER = 'x-voso-timestamp';
export const VOSO_SIGNATURE_HEADER = 'x-voso-signature';

export type VosoEventType = 'product.updated' | 'product.deactivated' | 'product.activated' | 'product.banned' | 'product.created';

export interface VosoEvent {
  event_id: string;
  type: VosoEventType;
  product_id: string;
  seller_sku: string;
  occurred_at: string;
}

const MAX_EVENTS = 100;

export const vosoEvents: MarketplaceEvents<VosoSettings> = {
  webhookSecret: (settings) => settings.webhookSecret ?? VOSO_SANDBOX_WEBHOOK_SECRET,
  timestampHeader: VOSO_TIMESTAMP_HEADER,
  signatureHeader: VOSO_SIGNATURE_HEADER,
  parse(body) {
    const events = (body as { events?: unknown } | null)?.events;
    if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS) return null;
    const named: { externalId: string; sellerSku: string | null }[] = [];
    for (const event of events as Partial<VosoEvent>[]) {
      if (!event || typeof event.product_id !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(event.product_id)) return null;
      named.push({ externalId: event.product_id, sellerSku: typeof event.seller_sku === 'string' ? event.seller_sku : null });
    }
    return named;
  },
};
