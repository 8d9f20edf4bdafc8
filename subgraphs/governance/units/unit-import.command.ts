import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { foldForSearch } from '../../../core/text.js';
import { readSource } from '../imports/import-source.js';
import { UnitLevel } from './administrative-unit.entity.js';
import type { ReformFiles, UnitFile } from './unit-files.js';
import {
  checkColumns,
  readSuccessionRows,
  readUnitRows,
  sameUnitName,
  SUCCESSION_COLUMNS,
  unitColumns,
  type SuccessionFileRow,
  type UnitFileRow,
} from './unit-import.rules.js';
import {
  deleteSuccessionRecords,
  loadSuccessionRecords,
  loadUnitRecords,
  recordUnitImport,
  writeSuccessionRecords,
  writeUnitRecords,
  type SuccessionRecord,
  type UnitRecord,
} from './unit-import.store.js';
import { SuccessionShare } from './unit-succession.entity.js';
import { bumpRegistryVersion, forgetUnitSnapshot } from './unit-snapshot.store.js';

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ReformImportResult {
  effectiveOn: string;
  units: Tally;
  successions: Tally & { removed: number };
}

export interface UnitImportReport {
  reforms: ReformImportResult[];
  /** Bad lines of any file: when any, nothing was written. */
  errors: InputLineError[];
  dryRun: boolean;
}

class Rollback extends Error {
  constructor(readonly report: UnitImportReport) {
    super('rolled back');
  }
}

/**
 * Applies reforms' unit files to the registry, oldest first, in one transaction: every row of every
 * file is checked first, and with any bad line nothing is written. Units are matched by level, code
 * and date (a unit in force the day before the reform, or one starting on it), so re-importing
 * changes nothing and a corrected row updates its unit. Units already in the registry keep their
 * ids (the pilot's among them); a new unit gets "<code>/<n>", the n-th to bear that code.
 */
export async function importUnits(em: EntityManager, reforms: readonly ReformFiles[], options: { dryRun?: boolean } = {}): Promise<UnitImportReport> {
  const dryRun = !!options.dryRun;
  try {
    const report = await em.transactional(async (tx) => {
      const results: ReformImportResult[] = [];
      for (const reform of reforms) {
        const outcome = await applyReform(tx, reform);
        if ('errors' in outcome) throw new Rollback({ reforms: results, errors: outcome.errors, dryRun });
        results.push(outcome);
      }
      if (dryRun) throw new Rollback({ reforms: results, errors: [], dryRun });
      const changed = (t: Tally) => t.created + t.updated > 0;
      if (results.some((r) => changed(r.units) || changed(r.successions) || r.successions.removed > 0)) await bumpRegistryVersion(tx);
      return { reforms: results, errors: [], dryRun };
    });
    // This process reads the registry from memory: it sees the import at once (others at their next version check).
    forgetUnitSnapshot(em);
    return report;
  } catch (error) {
    if (error instanceof Rollback) return error.report;
    throw error;
  }
}

function rowsOf(file: UnitFile, expected: readonly string[]): { rows: { line: number; values: Record<string, unknown> }[]; errors: InputLineError[] } {
  const header = (file.text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '').trim().split(',').map((c) => c.trim());
  const errors = checkColumns(header, expected, file.name);
  if (errors.length) return { rows: [], errors };
  try {
    return { rows: readUnitCsv(file), errors: [] };
  } catch (error) {
    if (error instanceof InputLineError) return { rows: [], errors: [error] };
    throw error;
  }
}

/**
 * The unit lists are large and plain (no quoted cells): split them directly, which is several times
 * faster than the general CSV reader; a file with quotes goes through the general reader.
 */
function readUnitCsv(file: UnitFile): { line: number; values: Record<string, unknown> }[] {
  if (file.text.includes('"') || file.text.includes('\r')) return readSource(file.text, 'csv', file.name);
  const lines = file.text.replace(/^\uFEFF/, '').split('\n');
  const header = lines[0]!.split(',').map((c) => c.trim());
  const rows: { line: number; values: Record<string, unknown> }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const cells = line.split(',');
    if (cells.length !== header.length) throw new InputLineError(i + 1, `not valid CSV: ${cells.length} cells where the header has ${header.length}`, file.name);
    const values: Record<string, unknown> = {};
    header.forEach((column, c) => (values[column] = cells[c]!.trim()));
    rows.push({ line: i + 1, values });
  }
  return rows;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const validOn = (u: UnitRecord, day: string) => (!u.validFrom || u.validFrom <= day) && (!u.validTo || u.validTo >= day);
const key = (level: UnitLevel, code: string) => `${level}:${code}`;

/** Hands out "<code>/<n>" ids: n one above the highest any unit with that code has. */
class IdAllocator {
  private readonly highest = new Map<string, number>();

  constructor(units: readonly UnitRecord[]) {
    for (const u of units) {
      const [code, n] = u.id.split('/');
      this.highest.set(code!, Math.max(this.highest.get(code!) ?? 0, Number(n) || 0));
    }
  }

  next(code: string): string {
    const n = (this.highest.get(code) ?? 0) + 1;
    this.highest.set(code, n);
    return `${code}/${n}`;
  }
}

/** The list in force before the reform, from the registry when the before-file is absent. */
function registryRows(existing: readonly UnitRecord[], day: string): UnitFileRow[] {
  const byId = new Map(existing.map((u) => [u.id, u]));
  return existing
    .filter((u) => validOn(u, day))
    .map((u) => ({
      line: 0,
      level: u.level,
      code: u.code,
      name: u.name,
      kindName: u.kindName ?? '',
      kind: u.kind,
      districtCode: u.districtId ? (byId.get(u.districtId)?.code ?? null) : null,
      provinceCode: u.provinceId ? (byId.get(u.provinceId)?.code ?? null) : null,
    }));
}

async function applyReform(tx: EntityManager, reform: ReformFiles): Promise<ReformImportResult | { errors: InputLineError[] }> {
  const D = reform.effectiveOn;
  const lastDay = dayBefore(D);
  const existing = await loadUnitRecords(tx);
  const existingLinks = await loadSuccessionRecords(tx);

  // 1. Read and check every file.
  const errors: InputLineError[] = [];
  let before: UnitFileRow[];
  const beforeName = reform.before?.name ?? `the registry on ${lastDay}`;
  if (reform.before) {
    const read = rowsOf(reform.before, unitColumns(true));
    const checked = readUnitRows(read.rows, true, reform.before.name);
    errors.push(...read.errors, ...checked.errors);
    before = checked.units;
  } else {
    before = registryRows(existing, lastDay);
    if (!before.length) errors.push(new InputLineError(1, `the registry has no units on ${lastDay}: give units-before-${D}.csv too`, reform.from.name));
  }
  const fromRead = rowsOf(reform.from, unitColumns(false));
  const fromChecked = readUnitRows(fromRead.rows, false, reform.from.name);
  errors.push(...fromRead.errors, ...fromChecked.errors);
  const after = fromChecked.units;
  let successions: SuccessionFileRow[] = [];
  if (!errors.length) {
    const read = rowsOf(reform.successions, SUCCESSION_COLUMNS);
    const checked = readSuccessionRows(read.rows, before, after, reform.successions.name, { before: beforeName, after: reform.from.name });
    errors.push(...read.errors, ...checked.errors);
    successions = checked.successions;
  }
  if (errors.length) return { errors: errors.sort((a, b) => (a.source ?? '').localeCompare(b.source ?? '') || a.line - b.line) };

  // 2. Match each listed unit with the registry, or give it a new id.
  const ids = new IdAllocator(existing);
  const byKey = new Map<string, UnitRecord[]>();
  for (const u of existing) byKey.set(key(u.level, u.code), [...(byKey.get(key(u.level, u.code)) ?? []), u]);
  const beforeMatch = new Map(before.map((r) => [key(r.level, r.code), (byKey.get(key(r.level, r.code)) ?? []).find((u) => validOn(u, lastDay)) ?? null]));
  const beforeIds = new Map(before.map((r) => [key(r.level, r.code), beforeMatch.get(key(r.level, r.code))?.id ?? ids.next(r.code)]));

  // A unit continues through the reform when it went whole into a unit of the same code, level,
  // name, kind and parent, which nothing else went into (a province the reform left alone).
  const intoNew = new Map<string, SuccessionFileRow[]>();
  const outOfOld = new Map<string, number>();
  for (const s of successions) {
    const newKey = key(s.level === UnitLevel.DISTRICT ? UnitLevel.COMMUNE : s.level, s.newCode);
    intoNew.set(newKey, [...(intoNew.get(newKey) ?? []), s]);
    outOfOld.set(key(s.level, s.oldCode), (outOfOld.get(key(s.level, s.oldCode)) ?? 0) + 1);
  }
  const beforeByKey = new Map(before.map((r) => [key(r.level, r.code), r]));
  const continuing = new Set<string>();
  for (const level of [UnitLevel.PROVINCE, UnitLevel.COMMUNE]) {
    for (const row of after.filter((r) => r.level === level)) {
      const links = intoNew.get(key(row.level, row.code)) ?? [];
      const link = links[0];
      const old = beforeByKey.get(key(row.level, row.code));
      const continues =
        links.length === 1 &&
        link!.level === row.level &&
        link!.oldCode === row.code &&
        link!.share === SuccessionShare.WHOLE &&
        outOfOld.get(key(row.level, row.code)) === 1 &&
        !!old &&
        sameUnitName(old.name, row.name) &&
        old.kindName.toLowerCase() === row.kindName.toLowerCase() &&
        !old.districtCode &&
        (row.level === UnitLevel.PROVINCE || (old.provinceCode === row.provinceCode && continuing.has(key(UnitLevel.PROVINCE, row.provinceCode!))));
      if (continues) continuing.add(key(row.level, row.code));
    }
  }
  const afterIds = new Map(
    after.map((r) => {
      const k = key(r.level, r.code);
      if (continuing.has(k)) return [k, beforeIds.get(k)!];
      const match = (byKey.get(k) ?? []).find((u) => u.validFrom === D);
      return [k, match?.id ?? ids.next(r.code)];
    }),
  );

  // 3. The units as they should be.
  const existingById = new Map(existing.map((u) => [u.id, u]));
  const planned: UnitRecord[] = [];
  const plan = (row: UnitFileRow, id: string, parents: Map<string, string>, validFrom: string | null, validTo: string | null) => {
    const current = existingById.get(id);
    // A name spelled with the other tone placement ("Hoà"/"Hòa") keeps the stored spelling.
    const name = current && sameUnitName(current.name, row.name) ? current.name : row.name;
    planned.push({
      id,
      code: row.code,
      level: row.level,
      kind: row.kind,
      kindName: row.kindName,
      name,
      nameSearch: foldForSearch(name),
      provinceId: row.provinceCode ? (parents.get(key(UnitLevel.PROVINCE, row.provinceCode)) ?? null) : null,
      districtId: row.districtCode ? (parents.get(key(UnitLevel.DISTRICT, row.districtCode)) ?? null) : null,
      validFrom,
      validTo,
    });
  };
  for (const row of before) {
    const k = key(row.level, row.code);
    if (continuing.has(k)) continue;
    plan(row, beforeIds.get(k)!, beforeIds, beforeMatch.get(k)?.validFrom ?? null, lastDay);
  }
  for (const row of after) {
    const k = key(row.level, row.code);
    const id = afterIds.get(k)!;
    if (continuing.has(k)) plan(row, id, afterIds, existingById.get(id)?.validFrom ?? null, existingById.get(id)?.validTo ?? null);
    else plan(row, id, afterIds, D, existingById.get(id)?.validFrom === D ? (existingById.get(id)?.validTo ?? null) : null);
  }
  const unitTally: Tally = { created: 0, updated: 0, unchanged: 0 };
  const changed: UnitRecord[] = [];
  for (const unit of planned) {
    const current = existingById.get(unit.id);
    const same = !!current && (Object.keys(unit) as (keyof UnitRecord)[]).every((f) => (unit[f] ?? null) === (current[f] ?? null));
    if (!current) unitTally.created++;
    else if (same) unitTally.unchanged++;
    else unitTally.updated++;
    if (!same) changed.push(unit);
  }

  // 4. The successions: one link per row, but none from a continuing unit to itself. Links into the
  // reform's new units that the file no longer lists (a corrected row) are removed.
  const links: SuccessionRecord[] = successions
    .filter((s) => !(continuing.has(key(s.level, s.oldCode)) && s.oldCode === s.newCode && s.level !== UnitLevel.DISTRICT))
    .map((s) => ({
      predecessorId: beforeIds.get(key(s.level, s.oldCode))!,
      successorId: afterIds.get(key(s.level === UnitLevel.DISTRICT ? UnitLevel.COMMUNE : s.level, s.newCode))!,
      share: s.share,
    }));
  const linkKey = (l: SuccessionRecord) => `${l.predecessorId}>${l.successorId}`;
  const existingLinkByKey = new Map(existingLinks.map((l) => [linkKey(l), l]));
  const plannedKeys = new Set(links.map(linkKey));
  const newUnitIds = new Set(after.filter((r) => !continuing.has(key(r.level, r.code))).map((r) => afterIds.get(key(r.level, r.code))!));
  const stale = existingLinks.filter((l) => newUnitIds.has(l.successorId) && !plannedKeys.has(linkKey(l)));
  const linkTally = { created: 0, updated: 0, unchanged: 0, removed: stale.length };
  const changedLinks: SuccessionRecord[] = [];
  for (const link of links) {
    const current = existingLinkByKey.get(linkKey(link));
    if (!current) linkTally.created++;
    else if (current.share === link.share) linkTally.unchanged++;
    else linkTally.updated++;
    if (current?.share !== link.share) changedLinks.push(link);
  }

  await writeUnitRecords(tx, changed);
  await deleteSuccessionRecords(tx, stale);
  await writeSuccessionRecords(tx, changedLinks);
  await recordUnitImport(tx, reform.checksum, [reform.before?.name, reform.from.name, reform.successions.name].filter(Boolean).join(', '), D);
  return { effectiveOn: D, units: unitTally, successions: linkTally };
}
