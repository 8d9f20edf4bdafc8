import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isCalendarDate } from '../../../core/time.js';

/** One file of a reform, read (and gunzipped when its name ends in .gz). */
export interface UnitFile {
  name: string;
  text: string;
}

/**
 * The files of one reform taking effect on `effectiveOn`: the units in force until the day before
 * (`units-before-<date>.csv`, optional once the registry holds them), the units from that day
 * (`units-from-<date>.csv`) and what became of each old unit (`successions-<date>.csv`).
 */
export interface ReformFiles {
  effectiveOn: string;
  before: UnitFile | null;
  from: UnitFile;
  successions: UnitFile;
  /** sha256 over the three files' contents. */
  checksum: string;
}

const FILE_NAME = /^(units-before|units-from|successions)-(\d{4}-\d{2}-\d{2})\.csv(\.gz)?$/;

function readUnitFile(dir: string, name: string): UnitFile {
  const bytes = readFileSync(path.join(dir, name));
  return { name, text: (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8') };
}

/** Finds the reforms' files in a directory, oldest reform first; an incomplete set is an error naming what is missing. */
export function findReformFiles(dir: string): ReformFiles[] {
  if (!existsSync(dir)) throw new Error(`${dir}: no such directory. Give the directory holding units-before-<date>.csv, units-from-<date>.csv and successions-<date>.csv.`);
  const byDate = new Map<string, Partial<Record<'units-before' | 'units-from' | 'successions', string>>>();
  for (const name of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(name);
    if (!match) continue;
    const [, kind, date] = match as unknown as [string, 'units-before' | 'units-from' | 'successions', string];
    if (!isCalendarDate(date)) throw new Error(`${name}: ${date} is not a date (yyyy-mm-dd).`);
    const set = byDate.get(date) ?? {};
    if (set[kind]) throw new Error(`${dir}: both ${set[kind]} and ${name}; keep one.`);
    set[kind] = name;
    byDate.set(date, set);
  }
  if (!byDate.size) throw new Error(`${dir}: no unit files (units-before-<date>.csv, units-from-<date>.csv, successions-<date>.csv, optionally .gz).`);
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([effectiveOn, set]) => {
      const missing = (['units-from', 'successions'] as const).filter((k) => !set[k]);
      if (missing.length) throw new Error(`${dir}: the reform of ${effectiveOn} lacks ${missing.map((k) => `${k}-${effectiveOn}.csv`).join(' and ')}.`);
      const before = set['units-before'] ? readUnitFile(dir, set['units-before']) : null;
      const from = readUnitFile(dir, set['units-from']!);
      const successions = readUnitFile(dir, set.successions!);
      const hash = createHash('sha256');
      for (const file of [before, from, successions]) hash.update(file?.text ?? '').update('\0');
      return { effectiveOn, before, from, successions, checksum: hash.digest('hex') };
    });
}
