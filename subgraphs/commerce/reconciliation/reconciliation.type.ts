import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateScalar, VndScalar } from '../../../core/graphql/scalars.js';
import { MatchRule, ReconciliationOutcome } from './outcomes.js';
import { PeriodAction } from './reconciliation-period-event.entity.js';
import { ResolutionAction, ResolutionCategory, ResolutionStatus } from './resolution.rules.js';

registerEnumType(ResolutionCategory, {
  name: 'ReconciliationResolutionCategory',
  description: 'What kind of resolution a person recorded on an item.',
  valuesConfig: {
    PAID_OUTSIDE_STATEMENT: { description: 'The money arrived another way (cash, bank transfer, another file).' },
    REFUNDED: { description: 'The payer was refunded (a duplicate or an overpayment).' },
    PROVIDER_ERROR: { description: "The provider's file was wrong and the provider confirmed it." },
    LEDGER_CORRECTED: { description: 'The ledger was wrong (order amount, cancelled order) and was corrected.' },
    ACCEPTED: { description: 'Checked and accepted as it is.' },
    WRITE_OFF: { description: 'The open difference is written off; above COMMERCE_WRITE_OFF_APPROVAL_VND a second person must approve.' },
    OTHER: { description: 'Anything else: say what in the note.' },
  },
});
registerEnumType(ResolutionAction, {
  name: 'ReconciliationResolutionAction',
  description: 'Whether an entry of the history resolved the item or reopened it.',
  valuesConfig: { RESOLVE: { description: 'Resolved the item.' }, REOPEN: { description: 'Reopened it: it needs a person again.' } },
});
registerEnumType(ResolutionStatus, {
  name: 'ReconciliationResolutionStatus',
  description: 'Whether a resolution is in force.',
  valuesConfig: {
    EFFECTIVE: { description: 'In force.' },
    PENDING_APPROVAL: { description: 'A write-off above the approval amount waiting for a second finance person; the item stays open.' },
    WITHDRAWN: { description: 'A pending write-off overtaken by a later resolution or reopen; never took effect.' },
  },
});
registerEnumType(PeriodAction, {
  name: 'ReconciliationPeriodAction',
  description: 'An entry of a period\'s audit trail.',
  valuesConfig: { CLOSE: { description: 'The period was closed.' }, REOPEN: { description: 'The period was reopened.' } },
});

@ObjectType('ReconciliationOutcomeTotal', { description: 'Count and đồng of one outcome of a run.' })
export class ReconciliationOutcomeTotal {
  @Field(() => ReconciliationOutcome, { description: 'The outcome.' })
  outcome!: ReconciliationOutcome;

  @Field(() => Int, { description: 'Items with this outcome.' })
  count!: number;

  @Field(() => VndScalar, { description: 'Σ (paidVnd − reversedVnd) of those items: what the statement paid, net of refunds.' })
  paidVnd!: number;

  @Field(() => VndScalar, { description: 'Σ expectedVnd of those items.' })
  expectedVnd!: number;
}

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

  @Field(() => [ReconciliationOutcomeTotal], { description: 'Count and VND per outcome, in the order MATCHED, AMOUNT_MISMATCH, MISSING_IN_STATEMENT, MISSING_IN_LEDGER, DUPLICATE.' })
  byOutcome!: ReconciliationOutcomeTotal[];
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

  @Field(() => Int, { description: 'Version of the statement for this provider and period: 1, then one more for each corrected file.' })
  version!: number;

  @Field(() => Boolean, { description: 'True for the version in force; false once a corrected file superseded it (it stays readable).' })
  current!: boolean;

  @Field(() => ID, { nullable: true, description: 'The version this run superseded; null for version 1.' })
  supersedesRunId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The version that superseded this run; null while it is current.' })
  supersededByRunId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was superseded.' })
  supersededAt!: Date | null;
}

@ObjectType('ReconciliationResolution', { description: 'A manual decision on an item: what a person concluded, who and when. Kept forever.' })
export class ReconciliationResolutionType {
  @Field(() => ID, { description: 'Resolution id (approveReconciliationWriteOff takes it).' })
  id!: string;

  @Field(() => ResolutionAction, { description: 'Resolved, or reopened.' })
  action!: ResolutionAction;

  @Field(() => ResolutionCategory, { nullable: true, description: 'Kind of resolution; null on a reopen.' })
  category!: ResolutionCategory | null;

  @Field(() => ResolutionStatus, { description: 'Whether it is in force.' })
  status!: ResolutionStatus;

  @Field(() => VndScalar, { nullable: true, description: 'For a write-off: the amount written off (the item\'s open difference).' })
  amountVnd!: number | null;

  @Field(() => String, { nullable: true, description: 'Who approved a write-off above the approval amount (a second person).' })
  approvedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved.' })
  approvedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'Set when carried over from the same, unchanged item of that superseded version.' })
  carriedFromRunId!: string | null;
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

  @Field(() => Boolean, { description: 'True once a person has resolved the item by hand (and nobody reopened it since).' })
  resolved!: boolean;

  @Field(() => ResolutionCategory, { nullable: true, description: 'Category of the resolution in force; null while open.' })
  resolutionCategory!: ResolutionCategory | null;

  @Field(() => VndScalar, { description: 'What is open: |(paidVnd − reversedVnd) − expectedVnd|; 0 for MATCHED.' })
  openVnd!: number;

  @Field(() => ID, { description: 'The run the item belongs to.' })
  runId!: string;

  @Field(() => ID, { nullable: true, description: 'The open item of an earlier run this item settles (a late payment matched here).' })
  carriedFromItemId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The item of a later run that settled this open item; null while open.' })
  settledByItemId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The run of settledByItemId.' })
  settledByRunId!: string | null;
}

@ObjectType('ReconciliationOpenItem', { description: 'An open item in the aged list, with its age.' })
export class ReconciliationOpenItemType {
  @Field(() => ReconciliationItemType, { description: 'The item.' })
  item!: ReconciliationItemType;

  @Field(() => Int, { description: 'Whole days (Vietnam calendar) from when the money was due (expected time, else paid time) to asOf.' })
  ageDays!: number;

  @Field(() => String, { description: 'Its age bucket: 0-7, 8-30, 31-90 or >90.' })
  bucket!: string;
}

@ObjectType('ReconciliationAgingBucket', { description: 'Open items of one age bucket.' })
export class ReconciliationAgingBucketType {
  @Field(() => String, { description: 'Bucket label: 0-7, 8-30, 31-90 or >90 (days).' })
  label!: string;

  @Field(() => Int, { description: 'Smallest age in days in the bucket.' })
  fromDays!: number;

  @Field(() => Int, { nullable: true, description: 'Largest age in days; null for the last bucket.' })
  toDays!: number | null;

  @Field(() => Int, { description: 'Open items in the bucket.' })
  count!: number;

  @Field(() => VndScalar, { description: 'Σ openVnd of those items.' })
  openVnd!: number;
}

@ObjectType('ReconciliationAging', { description: 'Open items (current runs, not MATCHED, not resolved, not settled by a later run) by age.' })
export class ReconciliationAgingType {
  @Field(() => DateScalar, { description: 'The day the ages are counted to.' })
  asOf!: string;

  @Field(() => [ReconciliationAgingBucketType], { description: 'The buckets, youngest first.' })
  buckets!: ReconciliationAgingBucketType[];

  @Field(() => Int, { description: 'Σ count of the buckets.' })
  totalCount!: number;

  @Field(() => VndScalar, { description: 'Σ openVnd of the buckets.' })
  openVnd!: number;
}

@ObjectType('ReconciliationPeriodEvent', { description: 'A close or reopen of a period: who, when, why.' })
export class ReconciliationPeriodEventType {
  @Field(() => PeriodAction, { description: 'Closed or reopened.' })
  action!: PeriodAction;

  @Field(() => String, { description: 'Who (token subject, or the CLI --as name).' })
  actor!: string;

  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => String, { description: 'Why (required on reopen; may be empty on close).' })
  reason!: string;
}

@ObjectType('ReconciliationPeriod', { description: 'A provider\'s period finance closed: while closed, no run can be imported or superseded for it and its items cannot be changed.' })
export class ReconciliationPeriodType {
  @Field(() => String, { description: 'Statement provider code.' })
  provider!: string;

  @Field(() => String, { description: 'The period: yyyy-mm or yyyy-mm-dd.' })
  period!: string;

  @Field(() => DateScalar, { description: 'First day.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day, inclusive.' })
  periodEnd!: string;

  @Field(() => Boolean, { description: 'True while closed.' })
  closed!: boolean;

  @Field(() => [ReconciliationPeriodEventType], { description: 'Every close and reopen, oldest first.' })
  events!: ReconciliationPeriodEventType[];
}

export const { ConnectionType: ReconciliationRunConnection } = connectionTypes(ReconciliationRunType, 'ReconciliationRun', 'reconciliation run');
export const { ConnectionType: ReconciliationItemConnection } = connectionTypes(ReconciliationItemType, 'ReconciliationItem', 'reconciliation item');
export const { ConnectionType: ReconciliationOpenItemConnection } = connectionTypes(ReconciliationOpenItemType, 'ReconciliationOpenItem', 'open reconciliation item');

@InputType('ResolveReconciliationItemInput', { description: 'A manual resolution of one item.' })
export class ResolveReconciliationItemInput {
  @Field(() => ID, { description: 'ReconciliationItem.id.' })
  itemId!: string;

  @Field(() => ResolutionCategory, { description: 'What kind of resolution. WRITE_OFF above COMMERCE_WRITE_OFF_APPROVAL_VND waits for a second person.' })
  category!: ResolutionCategory;

  @Field(() => String, { description: 'What was found and done, e.g. "Buyer paid twice; refunded on 03/11, ticket 1182". 1 to 2000 characters.' })
  note!: string;
}

@ObjectType('ResolveReconciliationItemPayload', { description: 'The item after resolution.' })
export class ResolveReconciliationItemPayload {
  @Field(() => ReconciliationItemType, { description: 'The item, with its resolution history (still open if the write-off waits for approval).' })
  item!: ReconciliationItemType;

  @Field(() => ReconciliationResolutionType, { description: 'The resolution recorded; status PENDING_APPROVAL for a write-off that needs a second person.' })
  resolution!: ReconciliationResolutionType;
}

@InputType('ReopenReconciliationItemInput', { description: 'Reopening a resolved item.' })
export class ReopenReconciliationItemInput {
  @Field(() => ID, { description: 'ReconciliationItem.id.' })
  itemId!: string;

  @Field(() => String, { description: 'Why it needs a person again. 1 to 2000 characters.' })
  note!: string;
}

@InputType('ApproveReconciliationWriteOffInput', { description: 'A second person\'s approval of a write-off.' })
export class ApproveReconciliationWriteOffInput {
  @Field(() => ID, { description: 'ReconciliationResolution.id of the write-off with status PENDING_APPROVAL.' })
  resolutionId!: string;
}

@ObjectType('ReconciliationItemPayload', { description: 'The item after the change.' })
export class ReconciliationItemPayload {
  @Field(() => ReconciliationItemType, { description: 'The item, with its resolution history.' })
  item!: ReconciliationItemType;
}

@InputType('ReconciliationPeriodInput', { description: 'A provider\'s period to close or reopen.' })
export class ReconciliationPeriodInput {
  @Field(() => String, { description: 'Statement provider code: viettel-money, vnpt-money or viviet.' })
  provider!: string;

  @Field(() => String, { description: 'A month (yyyy-mm) or a day (yyyy-mm-dd).' })
  period!: string;

  @Field(() => String, { nullable: true, description: 'Why: required to reopen, optional to close. Up to 2000 characters.' })
  reason?: string | null;
}

@ObjectType('ReconciliationPeriodPayload', { description: 'The period after the change.' })
export class ReconciliationPeriodPayload {
  @Field(() => ReconciliationPeriodType, { description: 'The period, with its audit trail.' })
  period!: ReconciliationPeriodType;
}
