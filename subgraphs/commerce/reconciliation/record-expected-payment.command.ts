import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { conflict, invalidInput } from '../../../core/domain-errors.js';
import type { Viewer } from '../../shared/roles.js';
import { insertExpectedPayments, planExpectedPayments } from './expected-payment.command.js';
import { checkExpectedPayment, type ExpectedPaymentInput, type ValidExpectedPayment } from './expected-payment.rules.js';
import { requireFinance } from './reconciliation-access.rules.js';

/**
 * Records one expected payment (finance only), idempotent by id: the same values again create
 * nothing; other values under a stored id are a conflict. Without an id it gets a new one.
 */
export async function recordExpectedPayment(em: EntityManager, viewer: Viewer | null, input: ExpectedPaymentInput): Promise<{ record: ValidExpectedPayment; created: boolean }> {
  requireFinance(viewer, 'record expected payments');
  const { record, problems } = checkExpectedPayment({ ...input, id: input.id ?? `manual-${randomUUID()}` });
  if (!record) throw invalidInput(problems.map((p) => p.message).join('; '), `input.${problems[0].field}`);
  const created = await em.transactional(async (tx) => {
    const plan = await planExpectedPayments(tx, [record]);
    if (plan.conflicts.length) {
      throw conflict(`Expected payment ${record.id} is already recorded with other values: use another id, or leave the id out for a new one.`, { id: record.id });
    }
    await insertExpectedPayments(tx, [record], plan.created);
    return plan.created.length === 1;
  });
  return { record, created };
}
