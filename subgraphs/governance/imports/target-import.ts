import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { checkText, type Problem } from '../common/problems.js';
import { recordId } from '../common/record-ids.js';
import { KpiIndicator, TargetScope } from '../kpis/kpi-enums.js';
import { KpiTarget } from '../kpis/kpi-target.entity.js';
import { AdministrativeUnit, UnitLevel } from '../units/administrative-unit.entity.js';
import { isValidOn } from '../units/unit-registry.js';
import { chunks } from './import-report.js';
import { RowReader } from './import-values.js';
import type { SourceRow } from './import-source.js';

interface PreparedTarget {
  line: number;
  target: KpiTarget;
}

/** The province or commune a target row names: `unitId`, or `provinceCode`/`communeCode` read on 31 December of the year. */
function resolveUnit(r: RowReader, units: AdministrativeUnit[], year: number | undefined, problems: Problem[]): AdministrativeUnit | undefined {
  const unitId = r.text('unitId');
  const provinceCode = r.text('provinceCode');
  const communeCode = r.text('communeCode');
  if (unitId) {
    const unit = units.find((u) => u.id === unitId && u.level !== UnitLevel.DISTRICT);
    if (!unit) problems.push({ field: 'unitId', message: `no province or commune has id "${unitId}".` });
    return unit;
  }
  if ((provinceCode ? 1 : 0) + (communeCode ? 1 : 0) !== 1) {
    problems.push({ field: 'provinceCode', message: 'give exactly one of provinceCode, communeCode or unitId.' });
    return undefined;
  }
  if (year === undefined) return undefined;
  const level = provinceCode ? UnitLevel.PROVINCE : UnitLevel.COMMUNE;
  const code = provinceCode ?? communeCode;
  const on = `${year}-12-31`;
  const unit = units.find((u) => u.level === level && u.code === code && isValidOn(u, on));
  if (!unit) problems.push({ field: provinceCode ? 'provinceCode' : 'communeCode', message: `no ${level.toLowerCase()} bore code ${code} on ${on}.` });
  return unit;
}

function prepareRow(row: SourceRow, units: AdministrativeUnit[]): { prepared?: PreparedTarget; problems: Problem[] } {
  const r = new RowReader(row.values);
  const year = r.require('year', r.integer('year'));
  const indicator = r.require('indicator', r.choice('indicator', Object.values(KpiIndicator)));
  const minimumText = r.require('minimum', r.text('minimum'));
  const source = r.require('source', r.text('source'));
  const problems = [...r.problems];
  let minimum: number | undefined;
  if (minimumText !== undefined) {
    const n = Number(minimumText.replace('%', '').replace(',', '.'));
    minimum = minimumText.endsWith('%') ? n / 100 : n;
    if (!Number.isFinite(minimum) || minimum < 0 || minimum > 1) problems.push({ field: 'minimum', message: `minimum must be a rate from 0 to 1 or a percentage ("50%"), got "${minimumText}".` });
  }
  checkText(problems, 'source', source, 500);
  const unit = resolveUnit(r, units, year, problems);
  if (problems.length || !unit) return { problems };
  const target = Object.assign(new KpiTarget(), {
    id: recordId('tgt', unit.id, year, indicator),
    scope: unit.level === UnitLevel.PROVINCE ? TargetScope.PROVINCE : TargetScope.COMMUNE,
    unitId: unit.id,
    year,
    indicator,
    minimum: Math.round(minimum! * 1e6) / 1e6,
    source: nfc(source),
  });
  return { prepared: { line: row.line, target }, problems };
}

/** Targets a province sets for its communes, or for one commune (which then overrides the province's). */
export async function prepareTargets(em: EntityManager, rows: SourceRow[], source: string) {
  const units = await em.find(AdministrativeUnit, { level: { $in: [UnitLevel.PROVINCE, UnitLevel.COMMUNE] } });
  const errors: InputLineError[] = [];
  const prepared: PreparedTarget[] = [];
  const byId = new Map<string, number>();
  for (const row of rows) {
    const { prepared: p, problems } = prepareRow(row, units);
    if (!p) {
      errors.push(...problems.map((pr) => new InputLineError(row.line, pr.message, source)));
      continue;
    }
    const seen = byId.get(p.target.id);
    if (seen !== undefined) {
      errors.push(new InputLineError(row.line, `duplicate of line ${seen}: one target per unit, year and indicator.`, source));
      continue;
    }
    byId.set(p.target.id, row.line);
    prepared.push(p);
  }
  return { prepared, errors };
}

export async function writeTargets(tx: EntityManager, prepared: PreparedTarget[]): Promise<{ created: number; updated: number; unchanged: number }> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const changed: KpiTarget[] = [];
  for (const group of chunks(prepared)) {
    const existing = new Map((await tx.find(KpiTarget, { id: { $in: group.map((p) => p.target.id) } }, { disableIdentityMap: true })).map((t) => [t.id, t]));
    for (const { target } of group) {
      const old = existing.get(target.id);
      if (old && old.minimum === target.minimum && old.source === target.source) {
        unchanged++;
        continue;
      }
      if (old) updated++;
      else created++;
      changed.push(target);
    }
  }
  if (changed.length) await tx.upsertMany(KpiTarget, changed);
  return { created, updated, unchanged };
}
