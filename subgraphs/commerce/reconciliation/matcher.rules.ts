import { payerKeysCompatible } from './payer-key.rules.js';
import { MatchRule, ReconciliationOutcome } from './outcomes.js';
import { StringIndex } from './string-index.js';
import type { LedgerTable, PaymentTable } from './tables.js';

/**
 * Matching: pure and deterministic (same statement and ledger, same result, whatever order the
 * ledger came in). Linear in the rows plus hash maps; no pairwise comparison of all rows.
 *
 * The order, each step working only on what earlier steps left:
 *  1. Duplicate rows: a row whose provider transaction id appeared earlier in the file is DUPLICATE.
 *  2. Reversals: a reversal (refund) row is netted against the payment it names. A payment reversed
 *     in full forms an item with its reversal(s) (MATCHED, rule REVERSED: money in and out, nothing
 *     owed either way; if the ledger still expects it, that expectation ends MISSING_IN_STATEMENT).
 *     Reversing more than was paid is AMOUNT_MISMATCH. A reversal whose payment is not in the file
 *     is MISSING_IN_LEDGER (ORPHAN_REVERSAL). A partial refund stays with its payment, whose net
 *     amount goes on to be matched.
 *  3. Exact reference: payments and expected payments with the same reference form one item;
 *     Σ net paid (gross − reversals) against Σ expected, to the đồng. One payment for several
 *     expectations (one checkout, several orders) is COMBINED_PAYMENT; several payments for one
 *     reference SPLIT_PAYMENTS. When several payments overshoot, the earliest ones (by time, then
 *     file order) that add up exactly to the expected total are MATCHED and each later payment of
 *     the same amount as one of those, or of the whole total, is a DUPLICATE (paid twice); any other
 *     difference makes the whole item AMOUNT_MISMATCH.
 *  4. Amount and time: a payment left over (no reference, or one the ledger does not know) takes
 *     the expected payment left over with the same net amount, expected within the tolerance, and
 *     the same payer when both sides name one (masked digits "0987***321" match any digit); the
 *     closest in time wins, ties by smaller id. Payments are taken in file order.
 *  5. Leftovers: payments are MISSING_IN_LEDGER; expected payments of the period are
 *     MISSING_IN_STATEMENT. Expected payments loaded only because they lie within the tolerance
 *     around the period are not reported unless something matched them, nor are payments carried
 *     over from earlier runs (PaymentTable.isCarried: they stay open where they were).
 *
 * Fees are never compared: readers give the gross amount (what the payer paid) and the fee apart,
 * and the ledger expects the gross amount. Fees are carried into items and totals.
 * An amount difference without a shared reference is not evidence of a pair: such rows end as
 * MISSING_IN_LEDGER and MISSING_IN_STATEMENT, each reported.
 */
/** Default time tolerance of the amount-and-time rule: payments usually follow the order within minutes. */
export const DEFAULT_TOLERANCE_MINUTES = 120;

export interface MatchOptions {
  toleranceMs: number;
  /** [periodStart, periodEnd) as epoch ms: expectations outside it are only matched, never reported missing. */
  periodStart: number;
  periodEnd: number;
}

export const OUTCOME_CODES: readonly ReconciliationOutcome[] = [
  ReconciliationOutcome.MATCHED,
  ReconciliationOutcome.AMOUNT_MISMATCH,
  ReconciliationOutcome.MISSING_IN_STATEMENT,
  ReconciliationOutcome.MISSING_IN_LEDGER,
  ReconciliationOutcome.DUPLICATE,
];
export const RULE_CODES: readonly MatchRule[] = Object.values(MatchRule);
const O = Object.fromEntries(OUTCOME_CODES.map((o, i) => [o, i])) as Record<ReconciliationOutcome, number>;
const R = Object.fromEntries(RULE_CODES.map((r, i) => [r, i])) as Record<MatchRule, number>;

export interface MatchResult {
  groupCount: number;
  /** Index into OUTCOME_CODES / RULE_CODES, per group. */
  groupOutcome: Uint8Array;
  groupRule: Uint8Array;
  /** Group of each payment row (every row has one). */
  paymentGroup: Int32Array;
  /** Group of each expectation, or -1 when it is outside the run (tolerance margin, unmatched). */
  expectationGroup: Int32Array;
  /** Groups in result order: by first statement row, then expectation-only groups by (time, id). */
  order: Int32Array;
}

export function matchPayments(payments: PaymentTable, ledger: LedgerTable, options: MatchOptions): MatchResult {
  const nP = payments.length;
  const nE = ledger.length;
  const paymentGroup = new Int32Array(nP).fill(-1);
  const expectationGroup = new Int32Array(nE).fill(-1);
  let outcomes = new Uint8Array(Math.max(16, nP + 16));
  let rules = new Uint8Array(outcomes.length);
  let groupCount = 0;
  const newGroup = (outcome: ReconciliationOutcome, rule: MatchRule): number => {
    if (groupCount === outcomes.length) {
      const grownO = new Uint8Array(outcomes.length * 2);
      grownO.set(outcomes);
      outcomes = grownO;
      const grownR = new Uint8Array(rules.length * 2);
      grownR.set(rules);
      rules = grownR;
    }
    outcomes[groupCount] = O[outcome];
    rules[groupCount] = R[rule];
    return groupCount++;
  };

  const { amount, reversal, time } = payments;
  // Reversals are few: their links and the payments they reduce are kept in maps, not in arrays
  // of a slot per row (12 MB at a million rows, alive until the next full collection).
  /** Net amount of a payment some reversal reduced: gross minus reversals. */
  const reduced = new Map<number, number>();
  /** Net amount still to match: gross minus reversals; 0 for reversal rows. */
  const net = (i: number): number => (reversal[i] ? 0 : reduced.size ? (reduced.get(i) ?? amount[i]) : amount[i]);
  /** For a reversal row: the payment row it nets against. */
  const reversalOf = new Map<number, number>();

  // 1. Duplicate rows.
  let firstByTxn: StringIndex | null = new StringIndex(payments.transactionIdKeys, nP);
  for (let i = 0; i < nP; i++) {
    if (firstByTxn.addRowIfAbsent(i) >= 0) paymentGroup[i] = newGroup(ReconciliationOutcome.DUPLICATE, MatchRule.DUPLICATE_TRANSACTION);
  }

  // 2. Reversals.
  let anyReversal = false;
  for (let i = 0; i < nP; i++) {
    if (!reversal[i] || paymentGroup[i] >= 0) continue;
    const original = payments.originalTransactionId(i);
    const o = original === null ? -1 : firstByTxn!.get(original);
    if (o < 0 || reversal[o]) {
      paymentGroup[i] = newGroup(ReconciliationOutcome.MISSING_IN_LEDGER, MatchRule.ORPHAN_REVERSAL);
      continue;
    }
    reversalOf.set(i, o);
    reduced.set(o, net(o) - amount[i]);
    anyReversal = true;
  }
  if (anyReversal) {
    for (const o of reversalOf.values()) {
      const left = net(o);
      if (left > 0) continue;
      if (paymentGroup[o] < 0) {
        paymentGroup[o] = newGroup(left === 0 ? ReconciliationOutcome.MATCHED : ReconciliationOutcome.AMOUNT_MISMATCH, MatchRule.REVERSED);
      }
    }
  }
  // Not needed past the reversals: unreferenced, its 8 MB (a million rows) can go before the arrays below are made.
  firstByTxn = null;
  /** A payment row still to match. */
  const active = (i: number) => paymentGroup[i] < 0 && !reversal[i];

  // 3. Exact reference. Linked lists (the head is the reference's first expectation, known to the
  // ledger; next in an Int32Array) keep each reference's rows in index order: built backwards,
  // each row goes in right after its head, so no tail array is needed.
  const expNext = new Int32Array(nE).fill(-1);
  for (let e = nE - 1; e >= 0; e--) {
    const e0 = ledger.firstWithSameReference(e);
    if (e0 === e) continue;
    expNext[e] = expNext[e0];
    expNext[e0] = e;
  }
  // Payments of a reference hang off the reference's first expectation (no second Map).
  const payHead = new Int32Array(nE).fill(-1);
  const payNext = new Int32Array(nP).fill(-1);
  for (let i = nP - 1; i >= 0; i--) {
    if (!active(i)) continue;
    const e0 = payments.ledgerRow(i, ledger);
    if (e0 < 0) continue;
    payNext[i] = payHead[e0];
    payHead[e0] = i;
  }
  const ps: number[] = [];
  const es: number[] = [];
  for (let e0 = 0; e0 < nE; e0++) {
    const head = payHead[e0];
    if (head < 0) continue;
    ps.length = 0;
    es.length = 0;
    let paid = 0;
    for (let i = head; i >= 0; i = payNext[i]) {
      ps.push(i);
      paid += net(i);
    }
    let expected = 0;
    for (let e = e0; e >= 0; e = expNext[e]) {
      es.push(e);
      expected += ledger.amount[e];
    }
    const shapeRule = ps.length > 1 ? MatchRule.SPLIT_PAYMENTS : es.length > 1 ? MatchRule.COMBINED_PAYMENT : MatchRule.REFERENCE;
    if (paid === expected) {
      const g = newGroup(ReconciliationOutcome.MATCHED, shapeRule);
      for (const i of ps) paymentGroup[i] = g;
      for (const e of es) expectationGroup[e] = g;
      continue;
    }
    if (ps.length > 1 && paid > expected) {
      ps.sort((a, b) => time[a] - time[b] || a - b);
      let sum = 0;
      let k = 0;
      while (k < ps.length && sum < expected) sum += net(ps[k++]);
      if (sum === expected) {
        const matchedAmounts = new Set(ps.slice(0, k).map(net));
        const rest = ps.slice(k);
        if (rest.every((i) => matchedAmounts.has(net(i)) || net(i) === expected)) {
          const rule = k > 1 ? MatchRule.SPLIT_PAYMENTS : es.length > 1 ? MatchRule.COMBINED_PAYMENT : MatchRule.REFERENCE;
          const g = newGroup(ReconciliationOutcome.MATCHED, rule);
          for (let j = 0; j < k; j++) paymentGroup[ps[j]] = g;
          for (const e of es) expectationGroup[e] = g;
          for (const i of rest) paymentGroup[i] = newGroup(ReconciliationOutcome.DUPLICATE, MatchRule.DUPLICATE_PAYMENT);
          continue;
        }
      }
    }
    const g = newGroup(ReconciliationOutcome.AMOUNT_MISMATCH, shapeRule);
    for (const i of ps) paymentGroup[i] = g;
    for (const e of es) expectationGroup[e] = g;
  }

  // 4. Amount and time, among what is left. Buckets by amount, each sorted by (time, id).
  const buckets = new Map<number, number[]>();
  for (let e = 0; e < nE; e++) {
    if (expectationGroup[e] >= 0) continue;
    const bucket = buckets.get(ledger.amount[e]);
    if (bucket) bucket.push(e);
    else buckets.set(ledger.amount[e], [e]);
  }
  const byTimeThenId = (a: number, b: number) => ledger.time[a] - ledger.time[b] || (ledger.id(a) < ledger.id(b) ? -1 : ledger.id(a) > ledger.id(b) ? 1 : 0);
  for (const bucket of buckets.values()) if (bucket.length > 1) bucket.sort(byTimeThenId);
  const tolerance = options.toleranceMs;
  if (buckets.size) {
    for (let i = 0; i < nP; i++) {
      if (!active(i)) continue;
      const bucket = buckets.get(net(i));
      if (!bucket) continue;
      const t = time[i];
      let lo = 0;
      let hi = bucket.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ledger.time[bucket[mid]] < t - tolerance) lo = mid + 1;
        else hi = mid;
      }
      let best = -1;
      let bestDelta = Infinity;
      for (let j = lo; j < bucket.length; j++) {
        const e = bucket[j];
        const delta = ledger.time[e] - t;
        if (delta > tolerance) break;
        if (expectationGroup[e] >= 0 || !payerKeysCompatible(payments.payerKey(i), ledger.payerKey(e))) continue;
        const d = Math.abs(delta);
        if (d < bestDelta || (d === bestDelta && ledger.id(e) < ledger.id(best))) {
          best = e;
          bestDelta = d;
        }
      }
      if (best >= 0) {
        const g = newGroup(ReconciliationOutcome.MATCHED, MatchRule.AMOUNT_TIME);
        paymentGroup[i] = g;
        expectationGroup[best] = g;
      }
    }
  }

  // 5. Leftovers; reversal rows join the item of the payment they reverse.
  for (let i = 0; i < nP; i++) {
    if (reversal[i] && reversalOf.has(i)) continue;
    // A payment carried over from an earlier run that nothing matches stays open there: no item here.
    if (paymentGroup[i] < 0 && !payments.isCarried(i)) paymentGroup[i] = newGroup(ReconciliationOutcome.MISSING_IN_LEDGER, MatchRule.UNPAIRED);
  }
  for (const [i, o] of reversalOf) paymentGroup[i] = paymentGroup[o];
  const expectationOnly: number[] = [];
  for (let e = 0; e < nE; e++) {
    if (expectationGroup[e] >= 0) continue;
    const t = ledger.time[e];
    if (t < options.periodStart || t >= options.periodEnd) continue;
    expectationGroup[e] = newGroup(ReconciliationOutcome.MISSING_IN_STATEMENT, MatchRule.UNPAIRED);
    expectationOnly.push(e);
  }

  // Result order: groups by their first statement row, then statement-less groups by (time, id).
  const order = new Int32Array(groupCount);
  const placed = new Uint8Array(groupCount);
  let next = 0;
  for (let i = 0; i < nP; i++) {
    const g = paymentGroup[i];
    if (g >= 0 && !placed[g]) {
      placed[g] = 1;
      order[next++] = g;
    }
  }
  expectationOnly.sort(byTimeThenId);
  for (const e of expectationOnly) order[next++] = expectationGroup[e];
  return {
    groupCount,
    groupOutcome: outcomes.subarray(0, groupCount),
    groupRule: rules.subarray(0, groupCount),
    paymentGroup,
    expectationGroup,
    order,
  };
}
