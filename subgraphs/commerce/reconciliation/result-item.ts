import type { MatchRule, ReconciliationOutcome } from './outcomes.js';

/** One item of a result, as stored and shown: a group of statement rows and expected payments. */
export interface ResultItem {
  seq: number;
  outcome: ReconciliationOutcome;
  rule: MatchRule;
  references: string[];
  transactionIds: string[];
  lines: number[];
  expectedPaymentIds: string[];
  producerIds: string[];
  payer: string | null;
  paidVnd: number;
  reversedVnd: number;
  feeVnd: number;
  expectedVnd: number;
  paidAt: Date | null;
  expectedAt: Date | null;
  /** The open item of an earlier run this item settles (carry-over), set by the run. */
  carriedFromItemId?: number | null;
}
