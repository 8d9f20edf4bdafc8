import { invalidInput } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import { unitLineage } from '../../shared/unit-lineage.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { optionalText, requireText } from '../common/input-text.js';
import { optionalPhone } from '../../shared/contact.rules.js';
import type { SubmitFieldReportInput } from './field-report.inputs.js';

export const MAX_PHOTOS = 10;

/**
 * A report goes to a commune that exists today: checked against the registry copy every subgraph
 * holds (`unit-lineage.ts`), not taken on the sender's word. A made-up id, or a unit that has ended
 * (Nam Thượng, 05068/1, since 2025-07-01), is refused before anything is stored or counted.
 */
export function requireCurrentCommune(communeId: string, field: string, day: string = todayInVietnam()): string {
  const unit = unitLineage().unit(communeId);
  if (!unit) throw invalidInput(`No commune has id "${communeId}": give the Commune.id of the commune where the problem is (see the commune query).`, field);
  if ((unit.validFrom && unit.validFrom > day) || (unit.validTo && unit.validTo < day)) {
    throw invalidInput(`${communeId} is not a current commune (it existed ${unit.validFrom ?? '…'} to ${unit.validTo ?? 'today'}): send the report to the commune that covers the place today.`, field);
  }
  return communeId;
}

function requireEmail(value: string, field: string): string {
  const email = value.trim();
  if (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalidInput(`"${value}" is not an e-mail address.`, field);
  return email;
}

function requirePhotoUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidInput(`"${value}" is not a URL: give the photo's full http(s) address.`, field);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || value.length > 2000) {
    throw invalidInput(`Photo URLs must be http(s) addresses of at most 2000 characters, got "${value.slice(0, 60)}".`, field);
  }
  return url.toString();
}

export interface ValidSubmission {
  communeId: string;
  category: SubmitFieldReportInput['category'];
  description: string;
  locationText: string;
  latitude: number | null;
  longitude: number | null;
  photoUrls: string[];
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
}

/** Everything is checked before anything is written; the first problem is reported with its input path. */
export function validateSubmission(input: SubmitFieldReportInput): ValidSubmission {
  const communeId = requireCurrentCommune(requireCommuneId(input.communeId, 'input.communeId'), 'input.communeId');
  const description = requireText(input.description, 'input.description', 10, 4000);
  const locationText = requireText(input.location.address, 'input.location.address', 3, 300);
  const { latitude = null, longitude = null } = input.location;
  if ((latitude === null) !== (longitude === null)) {
    throw invalidInput('Give both latitude and longitude, or neither.', latitude === null ? 'input.location.latitude' : 'input.location.longitude');
  }
  if (latitude !== null && (latitude < -90 || latitude > 90)) throw invalidInput(`latitude must be between -90 and 90, got ${latitude}.`, 'input.location.latitude');
  if (longitude !== null && (longitude < -180 || longitude > 180)) throw invalidInput(`longitude must be between -180 and 180, got ${longitude}.`, 'input.location.longitude');
  const photos = input.photoUrls ?? [];
  if (photos.length > MAX_PHOTOS) throw invalidInput(`Send at most ${MAX_PHOTOS} photos, got ${photos.length}.`, 'input.photoUrls');
  const photoUrls = photos.map((url, i) => requirePhotoUrl(url, `input.photoUrls.${i}`));
  const reporter = input.reporter ?? {};
  return {
    communeId,
    category: input.category,
    description,
    locationText,
    latitude,
    longitude,
    photoUrls,
    reporterName: optionalText(reporter.name, 'input.reporter.name', 200),
    reporterPhone: optionalPhone(reporter.phone, 'input.reporter.phone'),
    reporterEmail: reporter.email?.trim() ? requireEmail(reporter.email, 'input.reporter.email') : null,
  };
}
