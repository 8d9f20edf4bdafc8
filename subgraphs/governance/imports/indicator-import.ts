import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { checkText, type Problem } from '../common/problems.js';
import { recordId } from '../common/record-ids.js';
import { SocioEconomicIndicator } from '../indicators/indicator-enums.js';
import { checkPeriod, readIndicatorValue } from '../indicators/indicator.rules.js';
import { SocioEconomicValue } from '../indicators/socio-economic-value.entity.js';
import type { CommuneLookup } from './commune-lookup.js';
import { chunks } from './import-report.js';
import { RowReader } from './import-values.js';
import type { SourceRow } from './import-source.js';

interface PreparedValue {
  line: number;
  value: SocioEconomicValue;
}

function prepareRow(row: SourceRow, communes: CommuneLookup): { prepared?: PreparedValue; problems: Problem[] } {
  const r = new RowReader(row.values);
  const year = r.require('year', r.integer('year'));
  const indicator = r.require('indicator', r.choice('indicator', Object.values(SocioEconomicIndicator)));
  const valueText = r.require('value', r.text('value'));
  const periodFrom = r.date('periodFrom');
  const periodTo = r.date('periodTo');
  const source = r.require('source', r.text('source'));
  const note = r.text('note');
  const problems = [...r.problems];
  const validYear = year !== undefined && year >= 1990 && year <= 2100;
  if (year !== undefined && !validYear) problems.push({ field: 'year', message: `year ${year} is not a plausible year.` });
  const value = indicator && valueText !== undefined ? readIndicatorValue(indicator, valueText, problems) : undefined;
  checkPeriod(validYear ? year : undefined, periodFrom, periodTo, problems);
  checkText(problems, 'source', source, 300, false);
  checkText(problems, 'note', note, 500, false);
  const to = periodTo ?? (validYear ? `${year}-12-31` : undefined);
  // A code is read on the last day the value covers.
  const unitId = communes.resolve(r.text('communeId'), r.text('communeCode'), to, problems);
  if (problems.length || !unitId) return { problems };
  return {
    prepared: {
      line: row.line,
      value: Object.assign(new SocioEconomicValue(), {
        id: recordId('sev', unitId, year, indicator),
        unitId,
        year,
        indicator,
        value: value!,
        periodFrom: periodFrom ?? `${year}-01-01`,
        periodTo: to!,
        source: nfc(source),
        note: note ? nfc(note) : null,
      }),
    },
    problems,
  };
}

/** Socio-economic indicator values (layout: subgraphs/governance/README.md, "indicators"). */
export function prepareIndicators(rows: SourceRow[], communes: CommuneLookup, source: string) {
  const errors: InputLineError[] = [];
  const prepared: PreparedValue[] = [];
  const byId = new Map<string, number>();
  for (const row of rows) {
    const { prepared: p, problems } = prepareRow(row, communes);
    if (!p) {
      errors.push(...problems.map((pr) => new InputLineError(row.line, pr.message, source)));
      continue;
    }
    const seen = byId.get(p.value.id);
    if (seen !== undefined) {
      errors.push(new InputLineError(row.line, `duplicate of line ${seen}: one value per commune, year and indicator.`, source));
      continue;
    }
    byId.set(p.value.id, row.line);
    prepared.push(p);
  }
  return { prepared, errors };
}

export async function writeIndicators(tx: EntityManager, prepared: PreparedValue[]): Promise<{ created: number; updated: number; unchanged: number }> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const changed: SocioEconomicValue[] = [];
  for (const group of chunks(prepared)) {
    const existing = new Map((await tx.find(SocioEconomicValue, { id: { $in: group.map((p) => p.value.id) } }, { disableIdentityMap: true })).map((v) => [v.id, v]));
    for (const { value } of group) {
      const old = existing.get(value.id);
      if (
        old &&
        old.value === value.value &&
        old.periodFrom === value.periodFrom &&
        old.periodTo === value.periodTo &&
        old.source === value.source &&
        (old.note ?? null) === value.note
      ) {
        unchanged++;
        continue;
      }
      if (old) updated++;
      else created++;
      changed.push(value);
    }
  }
  if (changed.length) await tx.upsertMany(SocioEconomicValue, changed);
  return { created, updated, unchanged };
}
