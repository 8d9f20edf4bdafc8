import { MAX_VND } from '../../../core/money.js';
import { OUTCOME_CODES, RULE_CODES, type MatchResult } from './matcher.rules.js';
import { MatchRule, ReconciliationOutcome } from './outcomes.js';
import { PlainRow } from './plain-row.js';
import type { ResultItem } from './result-item.js';
import type { LedgerTable, PaymentTable } from './tables.js';

/**
 * The rows of each group in row order. Nearly every group has one payment and one expectation, so
 * a group keeps only its first row (one Int32 per group) and the few groups with more rows list
 * them in a map: at a million items 8 MB less than a list of every group's rows, at the point
 * where the import peaks in memory.
 */
class GroupRows {
  private readonly first: Int32Array;
  private readonly several = new Map<number, number[]>();

  constructor(groupOf: Int32Array, groupCount: number) {
    this.first = new Int32Array(groupCount).fill(-1);
    for (let i = 0; i < groupOf.length; i++) {
      const g = groupOf[i];
      if (g < 0) continue;
      const first = this.first[g];
      if (first < 0) this.first[g] = i;
      else {
        const rows = this.several.get(g);
        if (rows) rows.push(i);
        else this.several.set(g, [first, i]);
      }
    }
  }

  count(g: number): number {
    return this.several.get(g)?.length ?? (this.first[g] < 0 ? 0 : 1);
  }

  /** Row k (0-based, row order) of group g. */
  row(g: number, k: number): number {
    return k === 0 ? this.first[g] : this.several.get(g)![k];
  }
}

/** The items of a result in result order, built one at a time (a million never sit in memory together). */
export function* resultItems(payments: PaymentTable, ledger: LedgerTable, result: MatchResult): Generator<ResultItem> {
  const p = new GroupRows(result.paymentGroup, result.groupCount);
  const e = new GroupRows(result.expectationGroup, result.groupCount);
  for (let seq = 0; seq < result.order.length; seq++) yield groupItem(payments, ledger, result, p, e, seq);
}

const MATCHED = OUTCOME_CODES.indexOf(ReconciliationOutcome.MATCHED);
const REFERENCE = RULE_CODES.indexOf(MatchRule.REFERENCE);

/**
 * As resultItems, but a plain item (a group of one statement row and one expectation matched by
 * reference, paid exactly: plain-row.ts) comes as a PlainRow, which storing packs straight from
 * the tables; PlainRow.item() is the ResultItem resultItems gives for it.
 */
export function* resultEntries(payments: PaymentTable, ledger: LedgerTable, result: MatchResult): Generator<ResultItem | PlainRow> {
  const p = new GroupRows(result.paymentGroup, result.groupCount);
  const e = new GroupRows(result.expectationGroup, result.groupCount);
  for (let seq = 0; seq < result.order.length; seq++) {
    const g = result.order[seq];
    if (result.groupOutcome[g] === MATCHED && result.groupRule[g] === REFERENCE && p.count(g) === 1 && e.count(g) === 1) {
      const row = PlainRow.of(seq, payments, ledger, p.row(g, 0), e.row(g, 0));
      if (row) {
        yield row;
        continue;
      }
    }
    yield groupItem(payments, ledger, result, p, e, seq);
  }
}

/** The item of seq: its group's rows and expectations. */
function groupItem(payments: PaymentTable, ledger: LedgerTable, result: MatchResult, p: GroupRows, e: GroupRows, seq: number): ResultItem {
  const g = result.order[seq];
  // Small arrays, not Sets: nearly every item has one payment and one expectation, and a million
  // Sets (and their sorts) cost more than the whole matching.
  const references: string[] = [];
  const producerIds: string[] = [];
  const transactionIds: string[] = [];
  const lines: number[] = [];
  const expectedPaymentIds: string[] = [];
  let paidVnd = 0;
  let reversedVnd = 0;
  let feeVnd = 0;
  let expectedVnd = 0;
  let paidAt: number | null = null;
  let expectedAt: number | null = null;
  let payer: string | null = null;
  const paid = p.count(g);
  for (let k = 0; k < paid; k++) {
    const i = p.row(g, k);
    transactionIds.push(payments.transactionId(i));
    lines.push(payments.line[i]);
    const ref = payments.reference(i);
    if (ref !== null && !references.includes(ref)) references.push(ref);
    if (payments.reversal[i]) reversedVnd += payments.amount[i];
    else paidVnd += payments.amount[i];
    feeVnd += payments.fee[i];
    if (paidAt === null || payments.time[i] < paidAt) paidAt = payments.time[i];
    payer ??= payments.payer(i);
  }
  const expected = e.count(g);
  // Expected payments by id, so the item does not depend on the order the ledger gave them in.
  let sorted: number[] | null = null;
  if (expected > 1) {
    const ids = Array.from({ length: expected }, (_, k) => ({ x: e.row(g, k), id: ledger.id(e.row(g, k)) }));
    ids.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    sorted = ids.map((y) => y.x);
  }
  for (let k = 0; k < expected; k++) {
    const x = sorted ? sorted[k] : e.row(g, k);
    expectedPaymentIds.push(ledger.id(x));
    const ref = ledger.reference(x);
    if (!references.includes(ref)) references.push(ref);
    const producer = ledger.producerId(x);
    if (!producerIds.includes(producer)) producerIds.push(producer);
    expectedVnd += ledger.amount[x];
    if (expectedAt === null || ledger.time[x] < expectedAt) expectedAt = ledger.time[x];
    payer ??= ledger.payer(x);
  }
  if (references.length > 1) references.sort();
  if (producerIds.length > 1) producerIds.sort();
  return {
    seq,
    outcome: OUTCOME_CODES[result.groupOutcome[g]],
    rule: RULE_CODES[result.groupRule[g]],
    references,
    transactionIds,
    lines,
    expectedPaymentIds,
    producerIds,
    payer,
    paidVnd,
    reversedVnd,
    feeVnd,
    expectedVnd,
    paidAt: paidAt === null ? null : new Date(paidAt),
    expectedAt: expectedAt === null ? null : new Date(expectedAt),
  };
}

export interface RunTotals {
  statementGrossVnd: number;
  reversedVnd: number;
  statementFeeVnd: number;
  expectedVnd: number;
  matchedVnd: number;
  counts: Record<ReconciliationOutcome, number>;
}

/** Totals of a result, from the arrays (no items built). */
export function summarize(payments: PaymentTable, ledger: LedgerTable, result: MatchResult): RunTotals {
  const counts = Object.fromEntries(OUTCOME_CODES.map((o) => [o, 0])) as Record<ReconciliationOutcome, number>;
  for (let g = 0; g < result.groupCount; g++) counts[OUTCOME_CODES[result.groupOutcome[g]]]++;
  const matched = OUTCOME_CODES.indexOf(ReconciliationOutcome.MATCHED);
  const repeatedRow = RULE_CODES.indexOf(MatchRule.DUPLICATE_TRANSACTION);
  // Row amounts are at most MAX_ROW_VND (10^10), so these sums stay exact in doubles up to and past
  // MAX_VND (10^15 < 2^53); checkRunTotals refuses a run whose totals go beyond it.
  let statementGrossVnd = 0;
  let reversedVnd = 0;
  let statementFeeVnd = 0;
  let matchedVnd = 0;
  for (let i = 0; i < payments.length; i++) {
    // A payment carried over from an earlier run belongs to that run's statement totals; matched
    // here, it counts in what this run matched.
    if (payments.isCarried(i)) {
      if (result.paymentGroup[i] >= 0 && result.groupOutcome[result.paymentGroup[i]] === matched) matchedVnd += payments.amount[i];
      continue;
    }
    // A row repeating an earlier row's transaction id is the same money listed twice: shown as a
    // DUPLICATE item, never added to the totals again.
    if (result.groupRule[result.paymentGroup[i]] === repeatedRow) continue;
    if (payments.reversal[i]) reversedVnd += payments.amount[i];
    else statementGrossVnd += payments.amount[i];
    statementFeeVnd += payments.fee[i];
    if (result.groupOutcome[result.paymentGroup[i]] === matched) matchedVnd += payments.reversal[i] ? -payments.amount[i] : payments.amount[i];
  }
  let expectedVnd = 0;
  for (let x = 0; x < ledger.length; x++) if (result.expectationGroup[x] >= 0) expectedVnd += ledger.amount[x];
  return { statementGrossVnd, reversedVnd, statementFeeVnd, expectedVnd, matchedVnd, counts };
}

/** The first total above MAX_VND (10^15 đồng, the hub's bound on an amount), or null when all fit. */
export function totalAboveLimit(totals: RunTotals): string | null {
  for (const key of ['statementGrossVnd', 'reversedVnd', 'statementFeeVnd', 'expectedVnd'] as const) {
    if (totals[key] > MAX_VND) return key;
  }
  return null;
}
