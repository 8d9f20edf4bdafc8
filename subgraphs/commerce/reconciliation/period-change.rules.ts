import { invalidInput } from '../../../core/domain-errors.js';
import { readerFor } from '../../../connectors/statements/registry.js';
import { nfc } from '../../../core/text.js';
import { parsePeriod, type Period } from './period.js';

export interface PeriodChange {
  provider: string;
  /** "yyyy-mm" or "yyyy-mm-dd". */
  period: string;
  /** Who (token subject, or the CLI's --as). */
  by: string;
  /** Why: optional on close, required on reopen. */
  reason?: string;
}

const REASON_MAX = 2000;

/** Checks a close or reopen request: a known provider, a period, and the reason (required on reopen). */
export function checkedPeriodChange(input: PeriodChange, reasonRequired: boolean): { period: Period; reason: string } {
  try {
    readerFor(input.provider);
  } catch (error) {
    throw invalidInput((error as Error).message, 'input.provider');
  }
  let period: Period;
  try {
    period = parsePeriod(input.period);
  } catch (error) {
    throw invalidInput((error as Error).message, 'input.period');
  }
  const reason = nfc(input.reason ?? '').trim();
  if (reasonRequired && !reason) throw invalidInput('Say why the period is reopened: the reason is kept in its audit trail.', 'input.reason');
  if (reason.length > REASON_MAX) throw invalidInput(`The reason is ${reason.length} characters; keep it within ${REASON_MAX}.`, 'input.reason');
  return { period, reason };
}

