import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { checkText, type Problem } from '../common/problems.js';
import { recordId } from '../common/record-ids.js';
import { KpiIndicator } from '../kpis/kpi-enums.js';
import { StatedFigure } from '../kpis/stated-figure.entity.js';
import type { CommuneLookup } from './commune-lookup.js';
import { chunks } from './import-report.js';
import { RowReader } from './import-values.js';
import type { SourceRow } from './import-source.js';

interface PreparedFigure {
  line: number;
  figure: StatedFigure;
}

/** "26.7%" → 0.267; "0.267" → 0.267. */
function readRate(r: RowReader): number | undefined {
  const text = r.text('value');
  if (text === undefined) return undefined;
  const percent = text.endsWith('%');
  const n = Number(text.replace('%', '').replace(',', '.').trim());
  const value = percent ? n / 100 : n;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    r.problems.push({ field: 'value', message: `value must be a rate from 0 to 1 or a percentage ("26.7%"), got "${text}".` });
    return undefined;
  }
  return Math.round(value * 1e6) / 1e6;
}

function prepareRow(row: SourceRow, communes: CommuneLookup): { prepared?: PreparedFigure; problems: Problem[] } {
  const r = new RowReader(row.values);
  const year = r.require('year', r.integer('year'));
  const indicator = r.require('indicator', r.choice('indicator', Object.values(KpiIndicator)));
  const precision = r.text('precision') === undefined ? 0.001 : Number(r.text('precision'));
  const source = r.require('source', r.text('source'));
  const note = r.text('note');
  const value = r.require('value', readRate(r));
  const problems = [...r.problems];
  if (!Number.isFinite(precision) || precision <= 0 || precision > 0.1) problems.push({ field: 'precision', message: 'precision must be a rounding step such as 0.001 (one decimal of a percentage).' });
  if (year !== undefined && (year < 1990 || year > 2100)) problems.push({ field: 'year', message: `year ${year} is not a plausible report year.` });
  checkText(problems, 'source', source, 500);
  // A code is read on the last day of the year (give communeId for a unit that ended earlier that year).
  const unitId = communes.resolve(r.text('communeId'), r.text('communeCode'), year !== undefined ? `${year}-12-31` : undefined, problems);
  if (problems.length) return { problems };
  const figure = Object.assign(new StatedFigure(), {
    id: recordId('fig', unitId!, year, indicator, nfc(source)),
    unitId: unitId!,
    year,
    indicator,
    value: value!,
    precision,
    source: nfc(source),
    note: note ? nfc(note) : null,
  });
  return { prepared: { line: row.line, figure }, problems };
}

/** Figures a source report stated (e.g. "online rate 26.7%"), to be shown beside the computed KPIs. */
export function prepareFigures(rows: SourceRow[], communes: CommuneLookup, source: string) {
  const errors: InputLineError[] = [];
  const prepared: PreparedFigure[] = [];
  const byId = new Map<string, number>();
  for (const row of rows) {
    const { prepared: p, problems } = prepareRow(row, communes);
    if (!p) {
      errors.push(...problems.map((pr) => new InputLineError(row.line, pr.message, source)));
      continue;
    }
    const seen = byId.get(p.figure.id);
    if (seen !== undefined) {
      errors.push(new InputLineError(row.line, `duplicate of line ${seen}: the same report states ${p.figure.indicator} for the same commune and year twice.`, source));
      continue;
    }
    byId.set(p.figure.id, row.line);
    prepared.push(p);
  }
  return { prepared, errors };
}

export async function writeFigures(tx: EntityManager, prepared: PreparedFigure[]): Promise<{ created: number; updated: number; unchanged: number }> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const changed: StatedFigure[] = [];
  for (const group of chunks(prepared)) {
    const existing = new Map((await tx.find(StatedFigure, { id: { $in: group.map((p) => p.figure.id) } }, { disableIdentityMap: true })).map((f) => [f.id, f]));
    for (const { figure } of group) {
      const old = existing.get(figure.id);
      if (old && old.value === figure.value && old.precision === figure.precision && (old.note ?? null) === figure.note) {
        unchanged++;
        continue;
      }
      if (old) updated++;
      else created++;
      changed.push(figure);
    }
  }
  if (changed.length) await tx.upsertMany(StatedFigure, changed);
  return { created, updated, unchanged };
}
