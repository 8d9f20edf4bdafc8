import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { nationalDataDir } from './national-data.js';

/**
 * Every subgraph's own, read-only copy of the communes' lineage: which commune-level unit existed
 * when, and which units merged into which. Built from the national lists that ship with the hub
 * (the same files governance imports), with governance's id rule: the n-th unit to bear a GSO code
 * is "<code>/<n>", counted reform by reform (05068/1 Nam Thượng, 05068/2 Hợp Kim).
 *
 * Why a copy and not the `lineageIds` of a representation: a representation is data in a request
 * body. The gateway signs the bodies it sends, but access to personal data must not depend on
 * a list that any holder of the signing key, or a bug in a query plan, could make up. A copy of
 * public, versioned facts cannot be forged from outside, costs no network call, and fails closed:
 * a unit it does not know (a reform imported into governance but not yet shipped) acts for nothing.
 */
export interface LineageUnit {
  id: string;
  code: string;
  /** First day (yyyy-mm-dd), null when the lists do not say (before the first reform). */
  validFrom: string | null;
  /** Last day, null while the unit exists. */
  validTo: string | null;
}

export interface UnitLineage {
  unit(id: string): LineageUnit | undefined;
  /** The unit and every unit merged into it, however many reforms back: itself first, then sorted. */
  lineageOf(id: string): string[];
  /** The commune-level unit bearing `code` on `day`, if any. */
  unitBearing(code: string, day: string): LineageUnit | undefined;
}

const FILE_NAME = /^(units-before|units-from|successions)-(\d{4}-\d{2}-\d{2})\.csv(\.gz)?$/;

function readRows(dir: string, name: string): Record<string, string>[] {
  const bytes = readFileSync(path.join(dir, name));
  const lines = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').split('\n').filter((line) => line.trim());
  const header = lines.shift()!.split(',').map((c) => c.trim());
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((column, i) => [column, (cells[i] ?? '').trim()]));
  });
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Builds the lineage from a directory of reform files (units-before/units-from/successions-<date>.csv[.gz]). */
export function readUnitLineage(dir: string): UnitLineage {
  const reforms = new Map<string, Record<string, string>>();
  for (const name of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(name);
    if (match) reforms.set(match[2]!, { ...reforms.get(match[2]!), [match[1]!]: name });
  }
  const units = new Map<string, LineageUnit>();
  const highest = new Map<string, number>();
  const predecessors = new Map<string, string[]>();
  const nextId = (code: string) => {
    const n = (highest.get(code) ?? 0) + 1;
    highest.set(code, n);
    return `${code}/${n}`;
  };
  const communes = (rows: Record<string, string>[]) => rows.filter((r) => r.level === 'commune').map((r) => r.code!);
  for (const [effectiveOn, files] of [...reforms.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!files['units-from'] || !files.successions) continue;
    const lastDay = dayBefore(effectiveOn);
    // The units in force the day before: the before-file's (new ones get their ids), else those still open.
    const beforeIds = new Map<string, string>();
    if (files['units-before']) {
      for (const code of communes(readRows(dir, files['units-before']))) {
        const open = [...units.values()].find((u) => u.code === code && !u.validTo);
        beforeIds.set(code, open?.id ?? nextId(code));
      }
    } else {
      for (const u of units.values()) if (!u.validTo) beforeIds.set(u.code, u.id);
    }
    for (const [code, id] of beforeIds) units.set(id, { id, code, validFrom: units.get(id)?.validFrom ?? null, validTo: lastDay });
    const afterIds = new Map<string, string>();
    for (const code of communes(readRows(dir, files['units-from']))) {
      const id = nextId(code);
      afterIds.set(code, id);
      units.set(id, { id, code, validFrom: effectiveOn, validTo: null });
    }
    // District rows are island districts that became commune-level special zones: they held no commune records.
    for (const row of readRows(dir, files.successions).filter((r) => r.level === 'commune')) {
      const oldId = beforeIds.get(row.old_code!);
      const newId = afterIds.get(row.new_code!);
      if (oldId && newId) predecessors.set(newId, [...(predecessors.get(newId) ?? []), oldId]);
    }
  }
  const byCode = new Map<string, LineageUnit[]>();
  for (const u of units.values()) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
  return {
    unit: (id) => units.get(id),
    lineageOf: (id) => {
      const seen = new Set([id]);
      let frontier = [id];
      while (frontier.length) {
        frontier = frontier.flatMap((u) => predecessors.get(u) ?? []).filter((u) => !seen.has(u));
        frontier.forEach((u) => seen.add(u));
      }
      seen.delete(id);
      return [id, ...[...seen].sort()];
    },
    unitBearing: (code, day) => byCode.get(code)?.find((u) => (!u.validFrom || u.validFrom <= day) && (!u.validTo || u.validTo >= day)),
  };
}

let shipped: UnitLineage | undefined;

/** The lineage of the lists that ship with the hub, read once per process. */
export function unitLineage(): UnitLineage {
  shipped ??= readUnitLineage(nationalDataDir());
  return shipped;
}
