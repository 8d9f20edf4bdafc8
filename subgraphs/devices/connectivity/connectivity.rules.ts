import { invalidInput } from '../../../core/domain-errors.js';
import { foldForSearch, nfc } from '../../../core/text.js';

/** Mobile network generations. */
export enum MobileGeneration {
  G2 = 'G2',
  G3 = 'G3',
  G4 = 'G4',
  G5 = 'G5',
}

/** Mobile network operators licensed in Viet Nam (OTHER for anything else). */
export enum MobileOperator {
  VIETTEL = 'VIETTEL',
  VINAPHONE = 'VINAPHONE',
  MOBIFONE = 'MOBIFONE',
  VIETNAMOBILE = 'VIETNAMOBILE',
  OTHER = 'OTHER',
}

export interface CoverageEntry {
  operator: MobileOperator;
  generation: MobileGeneration;
}

const GENERATION_ORDER: Record<MobileGeneration, number> = { G2: 2, G3: 3, G4: 4, G5: 5 };

/** "Has 3G" means mobile data of the third generation or newer from any operator (a 4G-only village has it). */
export function hasAtLeast(coverage: readonly CoverageEntry[], generation: MobileGeneration): boolean {
  return coverage.some((c) => GENERATION_ORDER[c.generation] >= GENERATION_ORDER[generation]);
}

export interface VillageSurvey {
  village: string;
  villageKey: string;
  coverage: CoverageEntry[];
  fixedBroadband: boolean;
  surveyedOn: string;
  source: string;
}

/** Validates and normalises a village survey; `today` bounds the survey day. */
export function checkVillageSurvey(
  input: { village: string; coverage: CoverageEntry[]; fixedBroadband: boolean; surveyedOn: string; source: string },
  today: string,
): VillageSurvey {
  const village = nfc(input.village);
  if (!village || village.length > 200) throw invalidInput('village must be 1 to 200 characters.', 'input.village');
  if (input.coverage.length > 20) throw invalidInput('coverage lists at most 20 operator-generation pairs.', 'input.coverage');
  const seen = new Set<string>();
  const coverage: CoverageEntry[] = [];
  for (const entry of input.coverage) {
    const key = `${entry.operator}/${entry.generation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    coverage.push({ operator: entry.operator, generation: entry.generation });
  }
  coverage.sort((a, b) => a.operator.localeCompare(b.operator) || GENERATION_ORDER[a.generation] - GENERATION_ORDER[b.generation]);
  if (input.surveyedOn > today) throw invalidInput('surveyedOn is in the future: give the day the survey was made.', 'input.surveyedOn');
  const source = nfc(input.source);
  if (!source || source.length > 300) throw invalidInput('source must be 1 to 300 characters: who surveyed or reported it.', 'input.source');
  return { village, villageKey: foldForSearch(village), coverage, fixedBroadband: input.fixedBroadband, surveyedOn: input.surveyedOn, source };
}

/** Each village's latest survey on or before `on` (rows of one commune scope, any order). */
export function latestPerVillage<T extends { communeId: string; villageKey: string; surveyedOn: string }>(rows: readonly T[], on: string): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    if (row.surveyedOn > on) continue;
    const key = `${row.communeId}\u0000${row.villageKey}`;
    const current = latest.get(key);
    if (!current || row.surveyedOn > current.surveyedOn) latest.set(key, row);
  }
  return [...latest.values()];
}

export interface ConnectivitySummary {
  villages: number;
  villagesWith3G: number;
  villagesWith4G: number;
  villagesWithBroadband: number;
  share3G: number | null;
  share4G: number | null;
  shareBroadband: number | null;
  lastSurveyedOn: string | null;
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/** Counts and shares over the villages' latest surveys (rounded to 3 decimals; null with no village). */
export function summariseConnectivity(latest: readonly { coverage: CoverageEntry[]; fixedBroadband: boolean; surveyedOn: string }[]): ConnectivitySummary {
  const villages = latest.length;
  const villagesWith3G = latest.filter((v) => hasAtLeast(v.coverage, MobileGeneration.G3)).length;
  const villagesWith4G = latest.filter((v) => hasAtLeast(v.coverage, MobileGeneration.G4)).length;
  const villagesWithBroadband = latest.filter((v) => v.fixedBroadband).length;
  const lastSurveyedOn = latest.reduce<string | null>((max, v) => (max === null || v.surveyedOn > max ? v.surveyedOn : max), null);
  return {
    villages,
    villagesWith3G,
    villagesWith4G,
    villagesWithBroadband,
    share3G: share(villagesWith3G, villages),
    share4G: share(villagesWith4G, villages),
    shareBroadband: share(villagesWithBroadband, villages),
    lastSurveyedOn,
  };
}
