import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { ExpectedPaymentType, RecordExpectedPaymentInput, RecordExpectedPaymentPayload } from './expected-payment.type.js';
import { recordExpectedPayment } from './record-expected-payment.command.js';

@Resolver(() => ExpectedPaymentType)
export class ExpectedPaymentResolver {
  @Mutation(() => RecordExpectedPaymentPayload, {
    description: 'Records a one-off expected payment for reconciliation (marketplace orders become expected payments by themselves; files go through `hub import payments`). Finance only; idempotent by id.',
  })
  async recordExpectedPayment(
    @Arg('input', () => RecordExpectedPaymentInput, { description: 'The expected payment.' }) input: RecordExpectedPaymentInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RecordExpectedPaymentPayload> {
    const { record, created } = await recordExpectedPayment(context.em, context.viewer, input);
    const expectedPayment = Object.assign(new ExpectedPaymentType(), { ...record, payer: record.payer ?? null });
    return Object.assign(new RecordExpectedPaymentPayload(), { expectedPayment, created });
  }
}
