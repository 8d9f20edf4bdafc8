import { MAX_ROW_VND } from '../../../connectors/statements/amounts.js';
import { PROVIDERS } from '../../../connectors/statements/registry.js';
import { VIETNAM_OFFSET_MS } from '../../../core/time.js';
import type { ExpectedPaymentRecord } from './ledger.js';

/** An expected payment as entered (import row or mutation input): every field still to be checked. */
export interface ExpectedPaymentInput {
  id?: unknown;
  provider?: unknown;
  reference?: unknown;
  amountVnd?: unknown;
  expectedAt?: unknown;
  payer?: unknown;
  producerId?: unknown;
}

export interface ValidExpectedPayment extends ExpectedPaymentRecord {
  provider: string;
}

export interface FieldProblem {
  field: keyof ExpectedPaymentInput;
  message: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFC').trim() : typeof value === 'number' ? String(value) : '';
}

/** "2026-11-01 08:15" is Vietnam time; an ISO instant must carry its offset (Z or +07:00). */
export function parseExpectedAt(value: string): Date | null {
  const local = LOCAL_TIME.exec(value);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0);
    const check = new Date(ms);
    if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || (s && +s > 59)) return null;
    return new Date(ms - VIETNAM_OFFSET_MS);
  }
  if (!ISO_WITH_OFFSET.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Amounts as our own formats write them: a JSON integer, or digits only in CSV (no separators to misread). */
function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^(?:0|[1-9]\d*)$/.test(value.trim())) return Number(value.trim());
  return null;
}

/**
 * Checks one expected payment. Every problem is returned (field and message), so an import can
 * list all of a row's problems at once; the record is returned only when there is none.
 */
export function checkExpectedPayment(input: ExpectedPaymentInput): { record: ValidExpectedPayment | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const id = text(input.id);
  if (!ID.test(id)) problems.push({ field: 'id', message: `id "${id}" must be 1 to 64 letters, digits or . _ : / - (your own stable key, so that importing again changes nothing)` });
  const provider = text(input.provider);
  if (!PROVIDERS.includes(provider)) problems.push({ field: 'provider', message: `provider "${provider}" is not one of ${PROVIDERS.join(', ')}` });
  const reference = text(input.reference);
  if (!reference || reference.length > 100) problems.push({ field: 'reference', message: 'reference (the code the payer quotes, e.g. the order code) must be 1 to 100 characters' });
  const amountVnd = parseAmount(input.amountVnd);
  if (amountVnd === null || amountVnd < 1 || amountVnd > MAX_ROW_VND) {
    problems.push({ field: 'amountVnd', message: `amountVnd "${text(input.amountVnd)}" must be whole đồng written as digits only, from 1 to 10000000000` });
  }
  const expectedAtText = input.expectedAt instanceof Date ? input.expectedAt.toISOString() : text(input.expectedAt);
  const expectedAt = parseExpectedAt(expectedAtText);
  if (!expectedAt) problems.push({ field: 'expectedAt', message: `expectedAt "${expectedAtText}" must be "yyyy-mm-dd HH:mm[:ss]" (Vietnam time) or ISO 8601 with its offset` });
  const payer = text(input.payer) || null;
  if (payer !== null && payer.length > 100) problems.push({ field: 'payer', message: 'payer must be at most 100 characters' });
  const producerId = text(input.producerId);
  if (!producerId || producerId.length > 64) problems.push({ field: 'producerId', message: 'producerId (the seller the payment is for) must be 1 to 64 characters' });
  if (problems.length) return { record: null, problems };
  return { record: { id, provider, reference, amountVnd: amountVnd!, expectedAt: expectedAt!, payer, producerId }, problems };
}

/** True when a stored expected payment says the same as the entered one (importing it again changes nothing). */
export function sameExpectedPayment(a: ValidExpectedPayment, b: ValidExpectedPayment): boolean {
  return (
    a.provider === b.provider &&
    a.reference === b.reference &&
    a.amountVnd === b.amountVnd &&
    a.expectedAt.getTime() === b.expectedAt.getTime() &&
    (a.payer ?? null) === (b.payer ?? null) &&
    a.producerId === b.producerId
  );
}
