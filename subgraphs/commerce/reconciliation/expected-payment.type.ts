import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { VndScalar } from '../../../core/graphql/scalars.js';

@InputType('RecordExpectedPaymentInput', { description: 'A one-off expected payment (e.g. a sale at the commune market paid by wallet), entered by finance.' })
export class RecordExpectedPaymentInput {
  @Field(() => ID, { nullable: true, description: 'Your stable key (1 to 64 letters, digits or . _ : / -); recording the same id and values again changes nothing. Default: a new "manual-<uuid>".' })
  id?: string | null;

  @Field(() => String, { description: 'Statement provider the payer uses: viettel-money, vnpt-money or viviet.' })
  provider!: string;

  @Field(() => String, { description: 'The reference the payer was told to quote (order or invoice code), 1 to 100 characters.' })
  reference!: string;

  @Field(() => VndScalar, { description: 'Gross amount expected, whole đồng, 1 to 10.000.000.000.' })
  amountVnd!: number;

  @Field(() => Date, { description: 'When the payment is expected (usually when the sale was made).' })
  expectedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Payer phone, account or name when known (matched in national phone form, names folded).' })
  payer?: string | null;

  @Field(() => String, { description: 'The producer (seller) the payment is for.' })
  producerId!: string;
}

@ObjectType('ExpectedPayment', { description: 'A payment the hub expects a wallet provider to report: the ledger side of reconciliation.' })
export class ExpectedPaymentType {
  @Field(() => ID, { description: 'Id: "order-<order id>" for a marketplace order, the imported id, or the recorded one.' })
  id!: string;

  @Field(() => String, { description: 'Statement provider code.' })
  provider!: string;

  @Field(() => String, { description: 'The reference the payer quotes.' })
  reference!: string;

  @Field(() => VndScalar, { description: 'Gross amount expected.' })
  amountVnd!: number;

  @Field(() => Date, { description: 'When the payment was expected.' })
  expectedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Payer as entered, when known.' })
  payer!: string | null;

  @Field(() => String, { description: 'The producer the payment is for.' })
  producerId!: string;
}

@ObjectType('RecordExpectedPaymentPayload', { description: 'The expected payment as stored.' })
export class RecordExpectedPaymentPayload {
  @Field(() => ExpectedPaymentType, { description: 'The stored expected payment.' })
  expectedPayment!: ExpectedPaymentType;

  @Field(() => Boolean, { description: 'False when the same id and values were already recorded (nothing changed).' })
  created!: boolean;
}
