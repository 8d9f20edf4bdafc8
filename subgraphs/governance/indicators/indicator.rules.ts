import type { Problem } from '../common/problems.js';
import { IndicatorUnit, SocioEconomicIndicator } from './indicator-enums.js';

/** Each indicator has one unit: the set is typed, so a value's meaning never depends on the file it came from. */
export const INDICATOR_UNITS: Record<SocioEconomicIndicator, IndicatorUnit> = {
  [SocioEconomicIndicator.POPULATION]: IndicatorUnit.PERSONS,
  [SocioEconomicIndicator.HOUSEHOLDS]: IndicatorUnit.HOUSEHOLDS,
  [SocioEconomicIndicator.POOR_HOUSEHOLDS]: IndicatorUnit.HOUSEHOLDS,
  [SocioEconomicIndicator.NEAR_POOR_HOUSEHOLDS]: IndicatorUnit.HOUSEHOLDS,
  [SocioEconomicIndicator.POOR_HOUSEHOLD_RATE]: IndicatorUnit.RATE,
  [SocioEconomicIndicator.NEAR_POOR_HOUSEHOLD_RATE]: IndicatorUnit.RATE,
  [SocioEconomicIndicator.AVERAGE_INCOME_PER_PERSON]: IndicatorUnit.VND_PER_PERSON_PER_YEAR,
  [SocioEconomicIndicator.BROADBAND_HOUSEHOLD_SHARE]: IndicatorUnit.RATE,
  [SocioEconomicIndicator.CASHLESS_ACCOUNT_ADULT_SHARE]: IndicatorUnit.RATE,
};

/** Largest plausible count or amount: above it a value is a typo (10^9 people in a commune, 10^12 đồng a head). */
const MAX_WHOLE = 1_000_000_000_000;

/**
 * Reads a value as its indicator's unit requires: a rate is 0..1 or a percentage ("4.2%"), with
 * "," accepted as the decimal mark; a count or an amount is a whole number (digits only).
 */
export function readIndicatorValue(indicator: SocioEconomicIndicator, text: string, problems: Problem[]): number | undefined {
  const unit = INDICATOR_UNITS[indicator];
  if (unit === IndicatorUnit.RATE) {
    const percent = text.endsWith('%');
    const n = Number(text.replace('%', '').replace(',', '.').trim());
    const value = percent ? n / 100 : n;
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
      problems.push({ field: 'value', message: `${indicator} is a rate: value must be from 0 to 1 or a percentage ("4.2%"), got "${text}".` });
      return undefined;
    }
    return Math.round(value * 1e6) / 1e6;
  }
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n > MAX_WHOLE) {
    problems.push({ field: 'value', message: `${indicator} is counted in ${unit.toLowerCase().replaceAll('_', ' ')}: value must be a whole number written with digits only, got "${text}".` });
    return undefined;
  }
  return n;
}

/** The period a value covers lies in its year and runs forwards. */
export function checkPeriod(year: number | undefined, from: string | undefined, to: string | undefined, problems: Problem[]): void {
  if (year === undefined) return;
  for (const [field, date] of [['periodFrom', from], ['periodTo', to]] as const) {
    if (date && !date.startsWith(`${year}-`)) problems.push({ field, message: `${field} ${date} is not in ${year}: a value belongs to the year of its period.` });
  }
  if (from && to && from > to) problems.push({ field: 'periodTo', message: `periodTo ${to} is before periodFrom ${from}.` });
}
