import type { EntityManager } from '@mikro-orm/core';
import { ExpectedPayment } from './expected-payment.entity.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { expectedPaymentOfOrder, type PulledOrder } from './order-payment.rules.js';

/**
 * Called by the order puller in its transaction when it stores a new order: the order's expected
 * payment is written beside it, so orders and expectations never disagree after a crash.
 */
export async function expectOrderPayment(em: EntityManager, order: PulledOrder, provider: string | undefined): Promise<void> {
  if (!provider) return;
  const record = expectedPaymentOfOrder(order, provider);
  if (!record) return;
  if (await em.findOne(ExpectedPayment, { id: record.id })) return;
  em.persist(Object.assign(new ExpectedPayment(), record));
}

/**
 * A cancelled order will not be paid: its expectation goes, unless a run already used it (then it
 * stays, and the run's item shows what happened). A returned order keeps it: it was paid and the
 * refund is a reversal row of the statement.
 */
export async function forgetOrderPayment(em: EntityManager, orderId: string): Promise<void> {
  const id = `order-${orderId}`;
  const row = await em.findOne(ExpectedPayment, { id });
  if (!row) return;
  // Items hold their expectation ids as a JSON array of strings; the id (a uuid) needs no escaping.
  const used = await em.count(ReconciliationItem, { expectedPaymentIdsJson: { $like: `%"${id}"%` } });
  if (!used) em.remove(row);
}
