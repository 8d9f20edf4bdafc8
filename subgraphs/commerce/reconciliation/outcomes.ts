/** What reconciliation concluded about one item (a payment, an expected payment, or a group of them). */
export enum ReconciliationOutcome {
  /** The statement paid exactly what the ledger expected. */
  MATCHED = 'MATCHED',
  /** Paired (by reference) but the amounts differ. */
  AMOUNT_MISMATCH = 'AMOUNT_MISMATCH',
  /** Expected in the period, not paid in the statement. */
  MISSING_IN_STATEMENT = 'MISSING_IN_STATEMENT',
  /** Paid in the statement, not expected by the ledger. */
  MISSING_IN_LEDGER = 'MISSING_IN_LEDGER',
  /** A statement row repeated, or a payment made again for something already paid. */
  DUPLICATE = 'DUPLICATE',
}

/** Every outcome but MATCHED: the items a person may have to look at. */
export const EXCEPTION_OUTCOMES: readonly ReconciliationOutcome[] = Object.values(ReconciliationOutcome).filter((o) => o !== ReconciliationOutcome.MATCHED);

/** Which matching rule produced an item (the documented order is in matcher.ts). */
export enum MatchRule {
  /** A statement row with the transaction id of an earlier row. */
  DUPLICATE_TRANSACTION = 'DUPLICATE_TRANSACTION',
  /** A payment and the reversal(s) that cancel it completely. */
  REVERSED = 'REVERSED',
  /** A reversal whose original payment is not in this statement. */
  ORPHAN_REVERSAL = 'ORPHAN_REVERSAL',
  /** One payment, one expected payment, same reference. */
  REFERENCE = 'REFERENCE',
  /** Several payments for one reference (instalments, split payment). */
  SPLIT_PAYMENTS = 'SPLIT_PAYMENTS',
  /** One payment for several expected payments sharing its reference (one checkout, several orders). */
  COMBINED_PAYMENT = 'COMBINED_PAYMENT',
  /** A payment beyond what its reference already received in full. */
  DUPLICATE_PAYMENT = 'DUPLICATE_PAYMENT',
  /** No usable reference: same amount, time within the tolerance, same payer when both name one. */
  AMOUNT_TIME = 'AMOUNT_TIME',
  /** Nothing to pair with. */
  UNPAIRED = 'UNPAIRED',
}

