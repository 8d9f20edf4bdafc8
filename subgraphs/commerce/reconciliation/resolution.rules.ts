import { forbidden, invalidInput } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { ReconciliationOutcome } from './outcomes.js';

/** What a person did about an item. */
export enum ResolutionCategory {
  /** The money arrived another way (cash, bank transfer, another wallet file). */
  PAID_OUTSIDE_STATEMENT = 'PAID_OUTSIDE_STATEMENT',
  /** The payer was refunded (a duplicate or an overpayment). */
  REFUNDED = 'REFUNDED',
  /** The provider's file was wrong and the provider confirmed it. */
  PROVIDER_ERROR = 'PROVIDER_ERROR',
  /** The ledger was wrong (order amount, cancelled order) and was corrected. */
  LEDGER_CORRECTED = 'LEDGER_CORRECTED',
  /** Checked and accepted as it is (a known duplicate row, a test payment). */
  ACCEPTED = 'ACCEPTED',
  /** The difference is written off; above the configured amount a second person must approve. */
  WRITE_OFF = 'WRITE_OFF',
  OTHER = 'OTHER',
}

export enum ResolutionAction {
  RESOLVE = 'RESOLVE',
  REOPEN = 'REOPEN',
}

export enum ResolutionStatus {
  /** In force: the item counts as resolved (or, for a REOPEN, open again). */
  EFFECTIVE = 'EFFECTIVE',
  /** A write-off above the threshold waiting for a second person: the item stays open. */
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  /** A pending write-off overtaken by a later resolution or reopen: never takes effect. */
  WITHDRAWN = 'WITHDRAWN',
}

const NOTE_MAX = 2000;

/** The note as stored (NFC, trimmed); throws when empty or too long. */
export function resolutionNote(text: string, field = 'input.note'): string {
  const note = nfc(text).trim();
  if (!note) throw invalidInput('The note is empty: say what was found or done.', field);
  if (note.length > NOTE_MAX) throw invalidInput(`The note is ${note.length} characters; keep it within ${NOTE_MAX}.`, field);
  return note;
}

/** An item id from GraphQL or the CLI; throws on anything but a positive integer. */
export function itemIdOf(text: string, field = 'input.itemId'): number {
  const id = Number(text);
  if (!/^\d{1,15}$/.test(text) || !Number.isSafeInteger(id) || id <= 0) throw invalidInput(`"${text}" is not a reconciliation item id.`, field);
  return id;
}

export interface OpenDifference {
  outcome: ReconciliationOutcome;
  paidVnd: number;
  reversedVnd: number;
  expectedVnd: number;
}

/**
 * What is open on an item, in đồng: the expected amount not paid, or the amount paid beyond what
 * was expected (a duplicate: all of what it paid). 0 for a MATCHED item.
 */
export function openAmountVnd(item: OpenDifference): number {
  if (item.outcome === ReconciliationOutcome.MATCHED) return 0;
  return Math.abs(item.paidVnd - item.reversedVnd - item.expectedVnd);
}

/** Whether a write-off of `amountVnd` needs a second person: strictly above the configured amount. */
export function writeOffNeedsApproval(amountVnd: number, thresholdVnd: number): boolean {
  return amountVnd > thresholdVnd;
}

/** The approver must be another person than who proposed the write-off. */
export function checkSecondPerson(proposedBy: string, approver: string): void {
  if (proposedBy === approver) {
    throw forbidden('A write-off above the approval amount needs a second person: someone other than who proposed it must approve it.');
  }
}
