import { invalidInput } from '../../../core/domain-errors.js';
import { vietnamYearRange } from '../../../core/time.js';
import { requireText } from '../common/input-text.js';

/** What a commune postal and telecom service point (bưu điện văn hóa xã) offers. */
export enum PostalService {
  MAIL = 'MAIL',
  PUBLIC_SERVICE_DOSSIERS = 'PUBLIC_SERVICE_DOSSIERS',
  INTERNET_ACCESS = 'INTERNET_ACCESS',
  ECOMMERCE_PICKUP = 'ECOMMERCE_PICKUP',
  READING_ROOM = 'READING_ROOM',
}

/** A dossier handed in at the point (to the one-stop desk) or handed back to the applicant from it. */
export enum PostalDossierDirection {
  RECEIVED = 'RECEIVED',
  RETURNED = 'RETURNED',
}

const DOSSIER_ID = /^[A-Za-z0-9][A-Za-z0-9/._:-]{0,99}$/;

export interface PostalPointFields {
  name: string;
  address: string;
  services: PostalService[];
  openingHours: string;
}

export function checkPostalPoint(input: { name: string; address: string; services: PostalService[]; openingHours: string }): PostalPointFields {
  const name = requireText(input.name, 'input.name', 1, 200);
  const address = requireText(input.address, 'input.address', 1, 500);
  const services = Object.values(PostalService).filter((s) => input.services.includes(s));
  if (!services.length) throw invalidInput(`Give at least one service: ${Object.values(PostalService).join(', ')}.`, 'input.services');
  const openingHours = requireText(input.openingHours, 'input.openingHours', 1, 300);
  return { name, address, services, openingHours };
}

export function checkDossierId(value: string): string {
  const id = value.trim();
  if (!DOSSIER_ID.test(id)) throw invalidInput('dossierId must be a Dossier.id of the governance subgraph (1 to 100 letters, digits, / . _ : -).', 'input.dossierId');
  return id;
}

/** The instants of a calendar year (Asia/Ho_Chi_Minh) a count or list covers. */
export function checkYear(year: number): { start: Date; end: Date } {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw invalidInput(`year must be 1990 to 2100, got ${year}.`, 'year');
  return vietnamYearRange(year);
}
