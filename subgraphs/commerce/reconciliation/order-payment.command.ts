import type { EntityManager } from '@mikro-orm/core';
import { ExpectedPayment } from './expected-payment.entity.js';
import { packExpects } from './item-pack.js';
import { ReconciliationItemPack } from './reconciliation-item-pack.entity.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
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
 * How far a run's import time may be behind an order's pull time and still have read the order's
 * expectation: the two times come from different processes (the commerce server, `hub reconcile`),
 * possibly on different hosts.
 */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * A cancelled order will not be paid: its expectation goes, unless a run already used it (then it
 * stays, and the run's item shows what happened). A returned order keeps it: it was paid and the
 * refund is a reversal row of the statement.
 *
 * Only runs of the expectation's provider imported after the order was pulled can have used it (a
 * run reads the ledger before it is stored), so only their items are searched: a LIKE over every
 * item of every run took 0.4–0.9 s per cancelled order for each million items (a busy provider's
 * day), inside the order pull's transaction, and grew with the history.
 */
export async function forgetOrderPayment(em: EntityManager, order: { id: string; pulledAt: Date }): Promise<void> {
  const id = `order-${order.id}`;
  const row = await em.findOne(ExpectedPayment, { id });
  if (!row) return;
  const since = new Date(order.pulledAt.getTime() - CLOCK_SKEW_MS);
  const runs = await em.find(ReconciliationRun, { provider: row.provider, importedAt: { $gte: since } }, { fields: ['id'], disableIdentityMap: true });
  if (!(await usedByRuns(em, runs.map((r) => r.id), id))) em.remove(row);
}

/**
 * Whether an item of these runs expected the payment. Rows hold their expectation ids as a JSON
 * array of strings, packs their items' (item-pack.ts); the id (order- and a uuid) needs no escaping.
 * In a pack the text may also be another field of an item, so the pack's items are checked.
 */
async function usedByRuns(em: EntityManager, runIds: string[], id: string): Promise<boolean> {
  if (!runIds.length) return false;
  if ((await em.count(ReconciliationItem, { runId: { $in: runIds }, expectedPaymentIdsJson: { $like: `%"${id}"%` } })) > 0) return true;
  const packs = await em.find(ReconciliationItemPack, { runId: { $in: runIds }, itemsJson: { $like: `%"${id}"%` } }, { fields: ['itemsJson'], disableIdentityMap: true });
  return packs.some((pack) => packExpects(pack, id));
}
