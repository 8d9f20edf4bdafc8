import { PROVIDERS } from '../../../connectors/statements/registry.js';
import { maskPhone } from '../orders/buyer-mask.rules.js';
import type { ValidExpectedPayment } from './expected-payment.rules.js';
import { payerKey } from './payer-key.rules.js';

/**
 * `COMMERCE_ORDER_PAYMENT_PROVIDERS`: which wallet each marketplace's buyers pay the cooperative
 * through, "VOSO=viettel-money,POSTMART=vnpt-money". A marketplace not named settles by its own
 * payout, so its orders are not wallet payments to reconcile. Throws on a bad entry (start-up).
 */
export function parseOrderPaymentProviders(value: string, marketplaces: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [marketplace, provider, extra] = entry.split('=').map((p) => p.trim());
    if (extra !== undefined || !marketplace || !provider) throw new Error(`"${entry}" is not MARKETPLACE=provider`);
    if (!marketplaces.includes(marketplace)) throw new Error(`"${marketplace}" is not a marketplace: use one of ${marketplaces.join(', ')}`);
    if (!PROVIDERS.includes(provider)) throw new Error(`"${provider}" is not a statement provider: use one of ${PROVIDERS.join(', ')}`);
    map[marketplace] = provider;
  }
  return map;
}

export interface PulledOrder {
  id: string;
  externalOrderId: string;
  totalVnd: number;
  placedAt: Date;
  /** The buyer's phone as the marketplace sent it (not stored: only its masked national form is). */
  buyerPhone: string;
  /** Value of the order per producer of its lines (lines of unknown products are left out). */
  valueByProducer: ReadonlyMap<string, number>;
}

/**
 * The payment a pulled order makes the hub expect: the order code as reference (what the buyer
 * quotes), the order total, placed-at as expected time, the buyer's phone as payer (national
 * form first, so "+84 868 123 123" and a statement's "84868***123" agree, then masked like the
 * stored order: "*******123"), and
 * the producer with the largest share of the order (ties: smallest id), since one payment has one
 * seller to show it to. Null when the order has no known product (no producer to attribute it to).
 */
export function expectedPaymentOfOrder(order: PulledOrder, provider: string): ValidExpectedPayment | null {
  let producerId: string | null = null;
  let best = -1;
  for (const [producer, value] of [...order.valueByProducer].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (value > best) {
      best = value;
      producerId = producer;
    }
  }
  if (producerId === null || order.totalVnd <= 0) return null;
  return {
    id: `order-${order.id}`,
    provider,
    reference: order.externalOrderId.slice(0, 100),
    amountVnd: order.totalVnd,
    expectedAt: order.placedAt,
    payer: maskPhone(payerKey(order.buyerPhone) ?? '') || null,
    producerId,
  };
}
