import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The ledger side until commerce orders provide it: a payment the hub expects a provider to report
 * (an order's total). Filled by tests, the benchmark, or an integration; read through ledger.ts.
 */
@Entity({ tableName: 'expected_payment' })
@Index({ properties: ['provider', 'expectedAt'] })
@Index({ properties: ['provider', 'reference'] })
export class ExpectedPayment {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  /** Statement provider the buyer chose, e.g. "viettel-money". */
  @Property({ type: 'string', length: 32 })
  provider!: string;

  /** The payment reference the buyer was given (order or checkout code); orders of one checkout share it. */
  @Property({ type: 'string', length: 100 })
  reference!: string;

  @Property({ type: new BigIntType('number') })
  amountVnd!: number;

  /** When the payment was expected (the order was placed). */
  @Property({ type: 'datetime' })
  expectedAt!: Date;

  /** Payer account or phone when the ledger knows it. */
  @Property({ type: 'string', length: 100, nullable: true })
  payer?: string | null;

  /** The producer (seller) the payment is for. */
  @Property({ type: 'string', length: 64 })
  producerId!: string;
}
