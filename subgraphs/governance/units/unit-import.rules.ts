import { InputLineError } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { CommuneKind, UnitLevel } from './administrative-unit.entity.js';
import { SuccessionShare } from './unit-succession.entity.js';

/** A row of a units file: `level,code,name,kind[,district_code],province_code`. */
export interface UnitFileRow {
  line: number;
  level: UnitLevel;
  code: string;
  name: string;
  /** The source's label ("Tỉnh", "Thành phố", "Xã", "Đặc khu"), capitalised as listed here. */
  kindName: string;
  /** Commune-level units only. */
  kind: CommuneKind | null;
  districtCode: string | null;
  provinceCode: string | null;
}

/** A row of a successions file: `level,old_code,new_code,share`. */
export interface SuccessionFileRow {
  line: number;
  /** Level of the old unit; the new one is the same level, except an island district that became a commune-level special zone. */
  level: UnitLevel;
  oldCode: string;
  newCode: string;
  share: SuccessionShare;
}

const CODE_DIGITS: Record<UnitLevel, number> = { [UnitLevel.PROVINCE]: 2, [UnitLevel.DISTRICT]: 3, [UnitLevel.COMMUNE]: 5 };

/** The kinds each level may have, in the source's words (case-insensitive: the GSO list writes "Thành Phố" too). */
const KINDS: Record<UnitLevel, Record<string, { label: string; kind: CommuneKind | null }>> = {
  [UnitLevel.PROVINCE]: { 'tỉnh': { label: 'Tỉnh', kind: null }, 'thành phố': { label: 'Thành phố', kind: null } },
  [UnitLevel.DISTRICT]: {
    'huyện': { label: 'Huyện', kind: null },
    'quận': { label: 'Quận', kind: null },
    'thị xã': { label: 'Thị xã', kind: null },
    'thành phố': { label: 'Thành phố', kind: null },
  },
  [UnitLevel.COMMUNE]: {
    'xã': { label: 'Xã', kind: CommuneKind.COMMUNE },
    'phường': { label: 'Phường', kind: CommuneKind.WARD },
    'thị trấn': { label: 'Thị trấn', kind: CommuneKind.TOWNSHIP },
    'đặc khu': { label: 'Đặc khu', kind: CommuneKind.SPECIAL_ZONE },
  },
};

const LEVELS: Record<string, UnitLevel> = { province: UnitLevel.PROVINCE, district: UnitLevel.DISTRICT, commune: UnitLevel.COMMUNE };

/** The columns a units file must have: before a reform (three levels) or from it (no districts). */
export function unitColumns(withDistricts: boolean): string[] {
  return withDistricts ? ['level', 'code', 'name', 'kind', 'district_code', 'province_code'] : ['level', 'code', 'name', 'kind', 'province_code'];
}

export const SUCCESSION_COLUMNS = ['level', 'old_code', 'new_code', 'share'];

type Raw = { line: number; values: Record<string, unknown> };

function text(raw: Raw, column: string): string {
  const value = raw.values[column];
  return typeof value === 'string' ? nfc(value) : value === undefined || value === null ? '' : nfc(String(value));
}

export function checkColumns(header: readonly string[], expected: readonly string[], source: string): InputLineError[] {
  const missing = expected.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !expected.includes(c));
  if (!missing.length && !extra.length) return [];
  return [
    new InputLineError(
      1,
      `the header must be "${expected.join(',')}"${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unknown ${extra.join(', ')}` : ''}`,
      source,
    ),
  ];
}

function levelOf(raw: Raw, errors: string[]): UnitLevel | null {
  const level = LEVELS[text(raw, 'level').toLowerCase()];
  if (!level) errors.push(`level must be province, district or commune, got "${text(raw, 'level')}"`);
  return level ?? null;
}

const CODE_PATTERN: Record<UnitLevel, RegExp> = {
  [UnitLevel.PROVINCE]: /^\d{2}$/,
  [UnitLevel.DISTRICT]: /^\d{3}$/,
  [UnitLevel.COMMUNE]: /^\d{5}$/,
};

function checkCode(errors: string[], column: string, level: UnitLevel, code: string): void {
  if (!CODE_PATTERN[level].test(code)) {
    errors.push(`${column} of a ${level.toLowerCase()} must be ${CODE_DIGITS[level]} digits, got "${code}"`);
  }
}

/**
 * Reads the rows of a units file: every row checked (level, code shape, name, kind for its level,
 * parent codes present and listed in the same file, no code twice at one level). Returns the rows
 * and one error per bad line.
 */
export function readUnitRows(rows: readonly Raw[], withDistricts: boolean, source: string): { units: UnitFileRow[]; errors: InputLineError[] } {
  const errors: InputLineError[] = [];
  const units: UnitFileRow[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const problems: string[] = [];
    const level = levelOf(raw, problems);
    const code = text(raw, 'code');
    const name = text(raw, 'name');
    const kindText = text(raw, 'kind');
    const districtCode = withDistricts ? text(raw, 'district_code') || null : null;
    const provinceCode = text(raw, 'province_code') || null;
    if (!name) problems.push('name is required');
    if (name.length > 200) problems.push(`name is ${name.length} characters long; at most 200`);
    let kind: { label: string; kind: CommuneKind | null } | undefined;
    if (level) {
      checkCode(problems, 'code', level, code);
      kind = KINDS[level][kindText.toLowerCase()];
      if (!kind) problems.push(`kind of a ${level.toLowerCase()} must be one of ${Object.values(KINDS[level]).map((k) => k.label).join(', ')}, got "${kindText}"`);
      if (level === UnitLevel.PROVINCE && (provinceCode || districtCode)) problems.push('a province has no district_code or province_code');
      if (level !== UnitLevel.PROVINCE) {
        if (!provinceCode) problems.push(`province_code is required for a ${level.toLowerCase()}`);
        else checkCode(problems, 'province_code', UnitLevel.PROVINCE, provinceCode);
      }
      if (level === UnitLevel.DISTRICT && districtCode) problems.push('a district has no district_code');
      if (level === UnitLevel.COMMUNE && withDistricts) {
        if (!districtCode) problems.push('district_code is required for a commune in a three-level list');
        else checkCode(problems, 'district_code', UnitLevel.DISTRICT, districtCode);
      }
      const key = `${level}:${code}`;
      if (seen.has(key)) problems.push(`${level.toLowerCase()} ${code} is listed twice (also on line ${seen.get(key)})`);
      else seen.set(key, raw.line);
    }
    if (problems.length || !level || !kind) {
      errors.push(new InputLineError(raw.line, problems.join('; '), source));
      continue;
    }
    units.push({ line: raw.line, level, code, name, kindName: kind.label, kind: kind.kind, districtCode, provinceCode });
  }
  // Parents must be in the same list: a commune's district and province, a district's province.
  const byKey = new Map(units.map((u) => [`${u.level}:${u.code}`, u]));
  for (const unit of units) {
    const problems: string[] = [];
    if (unit.provinceCode && !byKey.has(`${UnitLevel.PROVINCE}:${unit.provinceCode}`)) problems.push(`province ${unit.provinceCode} is not in this file`);
    if (unit.districtCode) {
      const district = byKey.get(`${UnitLevel.DISTRICT}:${unit.districtCode}`);
      if (!district) problems.push(`district ${unit.districtCode} is not in this file`);
      else if (district.provinceCode !== unit.provinceCode) problems.push(`district ${unit.districtCode} belongs to province ${district.provinceCode}, not ${unit.provinceCode}`);
    }
    if (problems.length) errors.push(new InputLineError(unit.line, problems.join('; '), source));
  }
  return { units, errors };
}

/**
 * Reads a successions file against the lists before and after the reform: each old code must be
 * in the list before, each new code in the list after (at commune level for an island district that
 * became a special zone); every old commune needs a successor and every new commune a predecessor.
 */
export function readSuccessionRows(
  rows: readonly Raw[],
  before: readonly UnitFileRow[],
  after: readonly UnitFileRow[],
  source: string,
  files: { before: string; after: string },
): { successions: SuccessionFileRow[]; errors: InputLineError[] } {
  const errors: InputLineError[] = [];
  const successions: SuccessionFileRow[] = [];
  const oldKeys = new Set(before.map((u) => `${u.level}:${u.code}`));
  const newKeys = new Set(after.map((u) => `${u.level}:${u.code}`));
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const problems: string[] = [];
    const level = levelOf(raw, problems);
    const oldCode = text(raw, 'old_code');
    const newCode = text(raw, 'new_code');
    const shareText = text(raw, 'share').toLowerCase();
    const share = shareText === 'whole' ? SuccessionShare.WHOLE : shareText === 'part' ? SuccessionShare.PART : null;
    if (!share) problems.push(`share must be whole or part, got "${text(raw, 'share')}"`);
    let newLevel: UnitLevel | null = null;
    if (level) {
      checkCode(problems, 'old_code', level, oldCode);
      // A district can only have become a commune-level unit (the island districts of 2025).
      newLevel = level === UnitLevel.DISTRICT ? UnitLevel.COMMUNE : level;
      checkCode(problems, 'new_code', newLevel, newCode);
      if (!problems.length) {
        if (!oldKeys.has(`${level}:${oldCode}`)) problems.push(`${level.toLowerCase()} ${oldCode} is not in ${files.before}`);
        if (!newKeys.has(`${newLevel}:${newCode}`)) problems.push(`${newLevel.toLowerCase()} ${newCode} is not in ${files.after}`);
      }
      const key = `${level}:${oldCode}>${newCode}`;
      if (seen.has(key)) problems.push(`${oldCode} → ${newCode} is listed twice (also on line ${seen.get(key)})`);
      else seen.set(key, raw.line);
    }
    if (problems.length || !level || !share) {
      errors.push(new InputLineError(raw.line, problems.join('; '), source));
      continue;
    }
    successions.push({ line: raw.line, level, oldCode, newCode, share });
  }
  if (!errors.length) {
    const hasSuccessor = new Set(successions.map((s) => `${s.level}:${s.oldCode}`));
    const hasPredecessor = new Set(successions.map((s) => `${s.level === UnitLevel.DISTRICT ? UnitLevel.COMMUNE : s.level}:${s.newCode}`));
    for (const unit of before) {
      if (unit.level === UnitLevel.COMMUNE && !hasSuccessor.has(`${unit.level}:${unit.code}`)) {
        // A unit read from the registry (no before-file) has no line: name the successions file instead.
        errors.push(
          unit.line
            ? new InputLineError(unit.line, `commune ${unit.code} (${unit.name}) has no successor in ${source}`, files.before)
            : new InputLineError(1, `commune ${unit.code} (${unit.name}), in ${files.before}, has no successor here`, source),
        );
      }
    }
    for (const unit of after) {
      if (unit.level !== UnitLevel.DISTRICT && !hasPredecessor.has(`${unit.level}:${unit.code}`)) {
        errors.push(new InputLineError(unit.line, `${unit.level.toLowerCase()} ${unit.code} (${unit.name}) has no predecessor in ${source}`, files.after));
      }
    }
  }
  return { successions, errors };
}

/**
 * Vietnamese writes a tone mark on either vowel of "oa", "oe", "uy" ("Hoà Bình" and "Hòa Bình"):
 * two spellings of one name. This gives both the same form, so that a re-import in the other
 * convention does not count as a renamed unit (the stored spelling is kept for display).
 */
export function sameUnitName(a: string, b: string): boolean {
  return tonePlacementKey(a) === tonePlacementKey(b);
}

function tonePlacementKey(name: string): string {
  // Decompose, then move a tone mark written on the second vowel of oa/oe/uy onto the first.
  const tones = '\u0300\u0301\u0303\u0309\u0323';
  return name
    .normalize('NFD')
    .toLowerCase()
    .replace(new RegExp(`([ou])([aey])([${tones}])`, 'g'), '$1$3$2')
    .normalize('NFC');
}
