import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateScalar, VndScalar } from '../../../core/graphql/scalars.js';
import { MatchRule, ReconciliationOutcome } from './outcomes.js';

registerEnumType(ReconciliationOutcome, {
  name: 'ReconciliationOutcome',
  description: 'What reconciliation concluded about an item.',
  valuesConfig: {
    MATCHED: { description: 'The statement paid exactly what the ledger expected (to the đồng).' },
    AMOUNT_MISMATCH: { description: 'Paired by reference, but the net amount paid differs from the amount expected.' },
    MISSING_IN_STATEMENT: { description: 'Expected in the period, but no payment for it in the statement.' },
    MISSING_IN_LEDGER: { description: 'Paid in the statement, but nothing in the ledger expected it.' },
    DUPLICATE: { description: 'A statement row repeated, or a payment made again for something already paid in full.' },
  },
});

registerEnumType(MatchRule, {
  name: 'ReconciliationRule',
  description: 'The matching rule that produced an item, in the order they apply (see the reconciliation README).',
  valuesConfig: {
    DUPLICATE_TRANSACTION: { description: 'A row with the provider transaction id of an earlier row.' },
    REVERSED: { description: 'A payment with the reversal(s) that cancel it (or reverse more than it).' },
    ORPHAN_REVERSAL: { description: 'A reversal whose original payment is not in this statement.' },
    REFERENCE: { description: 'One payment and one expected payment with the same reference.' },
    SPLIT_PAYMENTS: { description: 'Several payments under one reference.' },
    COMBINED_PAYMENT: { description: 'One payment for several expected payments sharing its reference (one checkout).' },
    DUPLICATE_PAYMENT: { description: 'A payment beyond what its reference had already received in full.' },
    AMOUNT_TIME: { description: 'No usable reference: same amount, time within the run\'s tolerance, same payer where both name one.' },
    UNPAIRED: { description: 'Nothing to pair with.' },
  },
});

@ObjectType('ReconciliationSummary', { description: 'Totals of a reconciliation run, in đồng and counts of items per outcome.' })
export class ReconciliationSummary {
  @Field(() => VndScalar, { description: 'Σ gross amount of the successful payment rows of the statement (reversals not deducted).' })
  statementGrossVnd!: number;

  @Field(() => VndScalar, { description: 'Σ amount of the reversal (refund) rows.' })
  reversedVnd!: number;

  @Field(() => VndScalar, { description: 'Σ provider fees of the successful rows.' })
  statementFeeVnd!: number;

  @Field(() => VndScalar, { description: 'What reached the merchant: statementGrossVnd − reversedVnd − statementFeeVnd (0 if that is negative).' })
  statementNetVnd!: number;

  @Field(() => VndScalar, { description: 'Σ amount of the expected payments taking part in the run (those of the period, and any matched just outside it).' })
  expectedVnd!: number;

  @Field(() => VndScalar, { description: 'Σ net amount paid (gross − reversals) of MATCHED items.' })
  matchedVnd!: number;

  @Field(() => Int, { description: 'Items with outcome MATCHED.' })
  matchedCount!: number;

  @Field(() => Int, { description: 'Items with outcome AMOUNT_MISMATCH.' })
  amountMismatchCount!: number;

  @Field(() => Int, { description: 'Items with outcome MISSING_IN_STATEMENT.' })
  missingInStatementCount!: number;

  @Field(() => Int, { description: 'Items with outcome MISSING_IN_LEDGER.' })
  missingInLedgerCount!: number;

  @Field(() => Int, { description: 'Items with outcome DUPLICATE.' })
  duplicateCount!: number;

  @Field(() => Int, { description: 'Items still needing a person: outcome other than MATCHED and no manual resolution.' })
  openCount!: number;
}

@ObjectType('ReconciliationRun', { description: 'One import of a provider\'s statement file for a period (đối soát), matched against the expected payments.' })
export class ReconciliationRunType {
  @Field(() => ID, { description: 'Run id.' })
  id!: string;

  @Field(() => String, { description: 'Statement provider code: viettel-money, vnpt-money or viviet.' })
  provider!: string;

  @Field(() => String, { description: 'The period as given on import: a day (yyyy-mm-dd) or a month (yyyy-mm).' })
  period!: string;

  @Field(() => DateScalar, { description: 'First day of the period (Asia/Ho_Chi_Minh calendar).' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the period, inclusive.' })
  periodEnd!: string;

  @Field(() => String, { description: 'Name of the imported file.' })
  fileName!: string;

  @Field(() => String, { description: 'SHA-256 of the file (hex): the same file imported again is recognised by it.' })
  fileSha256!: string;

  @Field(() => Date, { description: 'When the file was imported.' })
  importedAt!: Date;

  @Field(() => String, { description: 'Who imported it.' })
  importedBy!: string;

  @Field(() => String, { description: 'What the statement was matched against (e.g. expected_payment).' })
  ledgerSource!: string;

  @Field(() => Int, { description: 'Time tolerance, in minutes, of the amount-and-time rule.' })
  toleranceMinutes!: number;

  @Field(() => Int, { description: 'Transaction rows in the file.' })
  statementRows!: number;

  @Field(() => Int, { description: 'Rows left out of matching: pending or failed transactions.' })
  ignoredRows!: number;
}

@ObjectType('ReconciliationResolution', { description: 'A manual decision on an item: what a person concluded, who and when. Kept forever.' })
export class ReconciliationResolutionType {
  @Field(() => String, { description: 'The note the person wrote.' })
  note!: string;

  @Field(() => String, { description: 'Who resolved it (token subject).' })
  resolvedBy!: string;

  @Field(() => Date, { description: 'When.' })
  resolvedAt!: Date;
}

@ObjectType('ReconciliationItem', {
  description: 'One conclusion of a run: statement rows and expected payments matched together, or left alone. Payment details: finance and the producer concerned only.',
})
export class ReconciliationItemType {
  @Field(() => ID, { description: 'Item id.' })
  id!: string;

  @Field(() => ReconciliationOutcome, { description: 'What matching concluded.' })
  outcome!: ReconciliationOutcome;

  @Field(() => MatchRule, { description: 'The rule that produced the item.' })
  rule!: MatchRule;

  @Field(() => [String], { description: 'References involved, from the statement and the ledger, sorted.' })
  references!: string[];

  @Field(() => [String], { description: 'Provider transaction ids of the statement rows, in file order.' })
  transactionIds!: string[];

  @Field(() => [Int], { description: 'Lines of the statement file those rows are on.' })
  statementLines!: number[];

  @Field(() => [String], { description: 'Ids of the expected payments (orders) of the item.' })
  expectedPaymentIds!: string[];

  @Field(() => String, { nullable: true, description: 'Payer account or phone as the provider shows it (often masked).' })
  payer!: string | null;

  @Field(() => VndScalar, { description: 'Σ gross amount of the payment rows, before reversals.' })
  paidVnd!: number;

  @Field(() => VndScalar, { description: 'Σ reversal (refund) rows.' })
  reversedVnd!: number;

  @Field(() => VndScalar, { description: 'Σ provider fees of the rows.' })
  feeVnd!: number;

  @Field(() => VndScalar, { description: 'Σ amount the ledger expected.' })
  expectedVnd!: number;

  @Field(() => VndScalar, { description: 'How much is missing: max(0, expectedVnd − (paidVnd − reversedVnd)).' })
  shortfallVnd!: number;

  @Field(() => VndScalar, { description: 'How much was paid beyond what was expected: max(0, (paidVnd − reversedVnd) − expectedVnd).' })
  excessVnd!: number;

  @Field(() => Date, { nullable: true, description: 'Time of the earliest statement row; null without one.' })
  paidAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Earliest expected time of its expected payments; null without one.' })
  expectedAt!: Date | null;

  @Field(() => Boolean, { description: 'True once a person has resolved the item by hand.' })
  resolved!: boolean;
}

export const { ConnectionType: ReconciliationRunConnection } = connectionTypes(ReconciliationRunType, 'ReconciliationRun', 'reconciliation run');
export const { ConnectionType: ReconciliationItemConnection } = connectionTypes(ReconciliationItemType, 'ReconciliationItem', 'reconciliation item');

@InputType('ResolveReconciliationItemInput', { description: 'A manual resolution of one item.' })
export class ResolveReconciliationItemInput {
  @Field(() => ID, { description: 'ReconciliationItem.id.' })
  itemId!: string;

  @Field(() => String, { description: 'What was found and done, e.g. "Buyer paid twice; refunded on 03/11, ticket 1182". 1 to 2000 characters.' })
  note!: string;
}

@ObjectType('ResolveReconciliationItemPayload', { description: 'The item after resolution.' })
export class ResolveReconciliationItemPayload {
  @Field(() => ReconciliationItemType, { description: 'The resolved item, with its resolution history.' })
  item!: ReconciliationItemType;
}
