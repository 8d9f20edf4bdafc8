import { BigIntType, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One import of one provider's statement file for one period, with the totals of what matching
 * found. The file's SHA-256 is unique per provider, so importing the same file again finds this run
 * instead of doubling anything.
 */
@Entity({ tableName: 'reconciliation_run' })
@Unique({ properties: ['provider', 'fileSha256'] })
@Index({ properties: ['provider', 'periodStart'] })
@Unique({ properties: ['provider', 'contentSha256'] })
@Unique({ properties: ['currentKey'] })
export class ReconciliationRun {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  /** Statement provider code, e.g. "viettel-money" (connectors/statements/registry.ts). */
  @Property({ type: 'string', length: 32 })
  provider!: string;

  /** First day of the period (Asia/Ho_Chi_Minh calendar). */
  @Property({ type: 'date' })
  periodStart!: string;

  /** Last day of the period, inclusive. */
  @Property({ type: 'date' })
  periodEnd!: string;

  /** The period as given: "2026-11-01" (a day) or "2026-11" (a month). */
  @Property({ type: 'string', length: 10 })
  periodLabel!: string;

  @Property({ type: 'string', length: 300 })
  fileName!: string;

  @Property({ type: 'string', length: 64 })
  fileSha256!: string;

  /**
   * SHA-256 of the file's content (content-hash.ts: no BOM, LF line ends, NFC): a re-saved copy of
   * an imported file has other bytes but this same hash. Null on runs imported before it existed.
   */
  @Property({ type: 'string', length: 64, nullable: true })
  contentSha256?: string | null;

  @Property({ type: 'datetime' })
  importedAt!: Date;

  /** 1 for the first file of a provider and period; each corrected file supersedes with the next number. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  /**
   * "provider|period" on the current version, null once superseded: unique, so two corrected files
   * imported at once cannot both become current (NULLs never collide in SQLite or PostgreSQL).
   */
  @Property({ type: 'string', length: 48, nullable: true })
  currentKey?: string | null;

  /** The version this one replaced. */
  @Property({ type: 'string', length: 36, nullable: true })
  supersedesRunId?: string | null;

  /** The version that replaced this one; the run stays readable. */
  @Property({ type: 'string', length: 36, nullable: true })
  supersededByRunId?: string | null;

  @Property({ type: 'datetime', nullable: true })
  supersededAt?: Date | null;

  /** Subject of the token, or the OS user for the CLI. */
  @Property({ type: 'string', length: 200 })
  importedBy!: string;

  /** Where the expected payments came from (see ledger.ts). */
  @Property({ type: 'string', length: 64 })
  ledgerSource!: string;

  @Property({ type: 'integer' })
  toleranceMinutes!: number;

  /** Data rows of the statement (header excluded). */
  @Property({ type: 'integer' })
  statementRows!: number;

  /** Rows not taking part in matching: failed or pending transactions. */
  @Property({ type: 'integer' })
  ignoredRows!: number;

  /** Σ gross amount of successful payment rows (before reversals). */
  @Property({ type: new BigIntType('number') })
  statementGrossVnd!: number;

  /** Σ amount of reversal rows. */
  @Property({ type: new BigIntType('number') })
  reversedVnd!: number;

  /** Σ provider fees of successful rows. */
  @Property({ type: new BigIntType('number') })
  statementFeeVnd!: number;

  /** Σ amount of expected payments of the period. */
  @Property({ type: new BigIntType('number') })
  expectedVnd!: number;

  /** Σ paid amount of MATCHED items. */
  @Property({ type: new BigIntType('number') })
  matchedVnd!: number;

  @Property({ type: 'integer' })
  matchedCount!: number;

  @Property({ type: 'integer' })
  amountMismatchCount!: number;

  @Property({ type: 'integer' })
  missingInStatementCount!: number;

  @Property({ type: 'integer' })
  missingInLedgerCount!: number;

  @Property({ type: 'integer' })
  duplicateCount!: number;

  /**
   * Id of the run's item of seq 0: an item of seq n has the id firstItemId + n, whether it is a row
   * or packed (reconciliation-item-pack.entity.ts), so a packed item has its id before it is ever a
   * row. Null for runs stored before packing (their items are all rows, with ids of their own).
   */
  @Property({ type: new BigIntType('number'), nullable: true, index: true })
  firstItemId?: number | null;
}
