import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { conflict, invalidInput } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { insertExpectedPayments, planExpectedPayments } from './expected-payment.command.js';
import { checkExpectedPayment } from './expected-payment.rules.js';
import { ExpectedPaymentType, RecordExpectedPaymentInput, RecordExpectedPaymentPayload } from './expected-payment.type.js';
import { requireFinance } from './reconciliation-access.rules.js';

@Resolver(() => ExpectedPaymentType)
export class ExpectedPaymentResolver {
  @Mutation(() => RecordExpectedPaymentPayload, {
    description: 'Records a one-off expected payment for reconciliation (marketplace orders become expected payments by themselves; files go through `hub import payments`). Finance only; idempotent by id.',
  })
  async recordExpectedPayment(
    @Arg('input', () => RecordExpectedPaymentInput, { description: 'The expected payment.' }) input: RecordExpectedPaymentInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RecordExpectedPaymentPayload> {
    requireFinance(context.viewer, 'record expected payments');
    const { record, problems } = checkExpectedPayment({ ...input, id: input.id ?? `manual-${randomUUID()}` });
    if (!record) throw invalidInput(problems.map((p) => p.message).join('; '), `input.${problems[0].field}`);
    const created = await context.em.transactional(async (tx) => {
      const plan = await planExpectedPayments(tx, [record]);
      if (plan.conflicts.length) {
        throw conflict(`Expected payment ${record.id} is already recorded with other values: use another id, or leave the id out for a new one.`, { id: record.id });
      }
      await insertExpectedPayments(tx, [record], plan.created);
      return plan.created.length === 1;
    });
    const expectedPayment = Object.assign(new ExpectedPaymentType(), { ...record, payer: record.payer ?? null });
    return Object.assign(new RecordExpectedPaymentPayload(), { expectedPayment, created });
  }
}
