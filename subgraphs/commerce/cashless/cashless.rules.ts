import { forbidden, invalidInput, unauthenticated } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { communeCodeOf } from '../../shared/commune-id.js';
import { actsForUnit, Role, type Viewer } from '../../shared/roles.js';

export enum AccountHolderKind {
  BUDGET_PAID_OFFICIAL = 'BUDGET_PAID_OFFICIAL',
  PRODUCER = 'PRODUCER',
}

export enum PaymentProvider {
  VIETTEL_MONEY = 'VIETTEL_MONEY',
  VNPT_MONEY = 'VNPT_MONEY',
  LPBANK = 'LPBANK',
  OTHER_BANK = 'OTHER_BANK',
}

export enum CashlessAccountKind {
  MOBILE_MONEY = 'MOBILE_MONEY',
  E_WALLET = 'E_WALLET',
  BANK_ACCOUNT = 'BANK_ACCOUNT',
}

export enum CashPointOperator {
  VIETTEL = 'VIETTEL',
  VNPT = 'VNPT',
  VIETNAM_POST = 'VIETNAM_POST',
  OTHER = 'OTHER',
}

/**
 * Who records cashless payments data: Role.FINANCE or Role.OFFICER of the commune (admins too). The
 * records hold no personal data: officials are counted under an opaque staff reference.
 */
export const CASHLESS_MANAGERS: readonly Role[] = [Role.FINANCE, Role.OFFICER];

export function requireCashlessManager(viewer: Viewer | null, communeId: string, action: string): void {
  if (!viewer) throw unauthenticated(`Sign in to ${action}: send a bearer token in the Authorization header.`);
  if (!CASHLESS_MANAGERS.some((r) => actsForUnit(viewer, r, communeId))) {
    throw forbidden(`Only ${CASHLESS_MANAGERS.join(' or ')} of commune ${communeCodeOf(communeId)} may ${action}.`);
  }
}

const HOLDER_REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function checkHolderRef(value: string, field: string): string {
  const ref = value.trim();
  if (!HOLDER_REF.test(ref)) throw invalidInput('holderRef must be 1 to 64 letters, digits, . _ : - (a staff number or Producer.id; never a name or phone).', field);
  return ref;
}

export function checkMonth(value: string, field: string): string {
  if (!MONTH_RE.test(value)) throw invalidInput(`month must be written yyyy-mm, e.g. "2021-12", got "${value}".`, field);
  return value;
}

export function checkYear(year: number, field: string): number {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw invalidInput(`year must be 1990 to 2100, got ${year}.`, field);
  return year;
}

export function checkText(value: string, field: string, max: number): string {
  const text = nfc(value);
  if (!text || text.length > max) throw invalidInput(`${field.split('.').pop()} must be 1 to ${max} characters.`, field);
  return text;
}

/** officialAccountShare = officials with an account opened by the end of the year ÷ budget-paid officials that year (3 decimals, at most 1). */
export function officialAccountShare(withAccount: number, officials: number | null): number | null {
  if (!officials) return null;
  return Math.min(1, Math.round((withAccount / officials) * 1000) / 1000);
}
