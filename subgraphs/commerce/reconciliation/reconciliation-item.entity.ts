import { BigIntType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Int64IdType } from '../../../core/db/int64-id-type.js';
import { MatchRule, ReconciliationOutcome } from './outcomes.js';

export const EXCEPTIONS_INDEX = 'reconciliation_item_exceptions_index';

/** Double quotes name identifiers on both dialects; the table comes with its schema on PostgreSQL. */
function exceptionsIndexSql(table: { name: string; schema?: string }, _columns: unknown, name: string): string {
  const qualified = table.schema ? `"${table.schema}"."${table.name}"` : `"${table.name}"`;
  return `create index "${name}" on ${qualified} ("run_id", "outcome", "seq") where "outcome" <> '${ReconciliationOutcome.MATCHED}'`;
}

/**
 * One conclusion of a run: a group of statement rows and expected payments matched together (or
 * left alone). Lists are stored as JSON text so that a million items insert in plain batches.
 */
@Entity({ tableName: 'reconciliation_item' })
@Unique({ properties: ['runId', 'seq'] })
/**
 * The exceptions of a run by outcome, in result order. MATCHED items (~99 %) are left out: a MATCHED
 * filter or none walks (run_id, seq) instead, and a million-item import writes one index less.
 * A planner uses it only when the query says `outcome <> 'MATCHED'` itself (SQLite does not infer it
 * from `outcome = 'DUPLICATE'`): every exception read carries that term. MikroORM compares an index
 * with an expression by name only, so its WHERE is checked by exception-reads-plan.test.ts.
 */
@Index({ name: EXCEPTIONS_INDEX, properties: ['runId', 'outcome', 'seq'], expression: exceptionsIndexSql })
export class ReconciliationItem {
  /**
   * bigint on PostgreSQL (int8 and its sequence): a run takes one id per item, packed or not
   * (item-ids.store.ts), so a million-row statement a day would pass int4's 2.1 billion in about
   * six years. SQLite's integer key is 64-bit already. Read as a number: exact up to 2^53.
   */
  @PrimaryKey({ type: Int64IdType, autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 36 })
  runId!: string;

  /** Position in the run's deterministic result order; the keyset for pagination. */
  @Property({ type: 'integer' })
  seq!: number;

  @Enum({ items: () => ReconciliationOutcome, type: 'string' })
  outcome!: ReconciliationOutcome;

  @Enum({ items: () => MatchRule, type: 'string' })
  rule!: MatchRule;

  /** JSON array of the references involved (statement and ledger), sorted. */
  @Property({ type: 'text' })
  referencesJson!: string;

  /** JSON array of provider transaction ids, in statement order. */
  @Property({ type: 'text' })
  transactionIdsJson!: string;

  /** JSON array of the statement lines of those transactions. */
  @Property({ type: 'text' })
  linesJson!: string;

  /** JSON array of the expected-payment ids (ledger side). */
  @Property({ type: 'text' })
  expectedPaymentIdsJson!: string;

  /** "|p1|p2|": the producers concerned, for access filtering; "" when none is known. */
  @Property({ type: 'string', length: 500 })
  producerKey!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  payer?: string | null;

  /** Σ gross amount of the item's payment rows, before reversals. */
  @Property({ type: new BigIntType('number') })
  paidVnd!: number;

  /** Σ amount of the item's reversal (refund) rows. paidVnd − reversedVnd is what was compared. */
  @Property({ type: new BigIntType('number') })
  reversedVnd!: number;

  @Property({ type: new BigIntType('number') })
  feeVnd!: number;

  /** Σ amount the ledger expected. */
  @Property({ type: new BigIntType('number') })
  expectedVnd!: number;

  /** Time of the first statement row of the item. */
  @Property({ type: 'datetime', nullable: true })
  paidAt?: Date | null;

  /** Earliest expected time of its expected payments. */
  @Property({ type: 'datetime', nullable: true })
  expectedAt?: Date | null;

  /** Latest manual resolution (the full history is in reconciliation_resolution). */
  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  @Property({ type: 'string', length: 200, nullable: true })
  resolvedBy?: string | null;

  /** Category of the latest effective resolution (ResolutionCategory); null while open. */
  @Property({ type: 'string', length: 32, nullable: true })
  resolutionCategory?: string | null;

  /** An open item of an earlier run that this item settles (a late payment matched here). */
  @Property({ type: Int64IdType, nullable: true })
  carriedFromItemId?: number | null;

  /** The item of a later run that settled this open item, and its run. */
  @Property({ type: Int64IdType, nullable: true })
  settledByItemId?: number | null;

  @Property({ type: 'string', length: 36, nullable: true })
  settledByRunId?: string | null;
}
