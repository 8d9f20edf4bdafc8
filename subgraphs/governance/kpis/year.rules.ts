import { invalidInput } from '../../../core/domain-errors.js';

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** A calendar year a report may ask for: an integer from 1990 to 2100 (INVALID_INPUT on `field` otherwise). */
export function checkYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalidInput(`year must be a calendar year between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}.`, field);
  }
}
