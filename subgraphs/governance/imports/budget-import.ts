import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { MAX_VND } from '../../../core/money.js';
import { nfc } from '../../../core/text.js';
import { checkText, type Problem } from '../common/problems.js';
import { recordId } from '../common/record-ids.js';
import { BudgetFlow, BudgetKind } from '../budget/budget-enums.js';
import { BudgetLine } from '../budget/budget-line.entity.js';
import { checkBudgetCodes, checkBudgetMonth } from '../budget/budget.rules.js';
import type { CommuneLookup } from './commune-lookup.js';
import { chunks } from './import-report.js';
import { RowReader } from './import-values.js';
import type { SourceRow } from './import-source.js';

interface PreparedLine {
  line: number;
  budgetLine: BudgetLine;
}

/** A whole, non-negative number of đồng written with digits only (no separators: "1.500" would be ambiguous). */
function readAmount(r: RowReader): number | undefined {
  const text = r.text('amountVnd');
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n > MAX_VND) {
    r.problems.push({ field: 'amountVnd', message: `amountVnd must be a whole number of đồng from 0 to 10^15, written with digits only (no separators), got "${text}".` });
    return undefined;
  }
  return n;
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function prepareRow(row: SourceRow, communes: CommuneLookup): { prepared?: PreparedLine; problems: Problem[] } {
  const r = new RowReader(row.values);
  const year = r.require('year', r.integer('year'));
  const kind = r.require('kind', r.choice('kind', Object.values(BudgetKind)));
  const month = r.integer('month');
  const flow = r.require('flow', r.choice('flow', Object.values(BudgetFlow)));
  const chapterCode = r.require('chapterCode', r.text('chapterCode'));
  const sectionCode = r.text('sectionCode');
  const itemCode = r.require('itemCode', r.text('itemCode'));
  const subItemCode = r.text('subItemCode');
  const amountVnd = r.require('amountVnd', readAmount(r));
  const description = r.text('description');
  const source = r.require('source', r.text('source'));
  const problems = [...r.problems];
  if (year !== undefined && (year < 1990 || year > 2100)) problems.push({ field: 'year', message: `year ${year} is not a plausible budget year.` });
  checkBudgetMonth(kind, month, problems);
  checkBudgetCodes(flow, { chapterCode, sectionCode, itemCode, subItemCode }, problems);
  checkText(problems, 'source', source, 300, false);
  checkText(problems, 'description', description, 300, false);
  // The commune a code names: on 1 January for the year's estimate, on the month's last day for an execution.
  const validYear = year !== undefined && year >= 1990 && year <= 2100;
  const on = !validYear ? undefined : kind === BudgetKind.EXECUTION && month !== undefined && month >= 1 && month <= 12 ? lastDayOf(year, month) : `${year}-01-01`;
  const unitId = communes.resolve(r.text('communeId'), r.text('communeCode'), on, problems);
  if (problems.length || !unitId) return { problems };
  const key = [unitId, year, kind, month ?? 0, flow, chapterCode, sectionCode ?? '', itemCode, subItemCode ?? ''] as const;
  const budgetLine = Object.assign(new BudgetLine(), {
    id: recordId('bud', ...key),
    unitId,
    year,
    kind,
    month: month ?? 0,
    flow,
    chapterCode,
    sectionCode: sectionCode ?? '',
    itemCode,
    subItemCode: subItemCode ?? '',
    amountVnd,
    description: description ? nfc(description) : null,
    source: nfc(source),
  });
  return { prepared: { line: row.line, budgetLine }, problems };
}

/** Budget estimates and monthly executions (layout: subgraphs/governance/README.md, "budget"). */
export function prepareBudget(rows: SourceRow[], communes: CommuneLookup, source: string) {
  const errors: InputLineError[] = [];
  const prepared: PreparedLine[] = [];
  const byId = new Map<string, number>();
  for (const row of rows) {
    const { prepared: p, problems } = prepareRow(row, communes);
    if (!p) {
      errors.push(...problems.map((pr) => new InputLineError(row.line, pr.message, source)));
      continue;
    }
    const seen = byId.get(p.budgetLine.id);
    if (seen !== undefined) {
      errors.push(new InputLineError(row.line, `duplicate of line ${seen}: one amount per commune, year, kind, month, flow and budget code.`, source));
      continue;
    }
    byId.set(p.budgetLine.id, row.line);
    prepared.push(p);
  }
  return { prepared, errors };
}

export async function writeBudget(tx: EntityManager, prepared: PreparedLine[]): Promise<{ created: number; updated: number; unchanged: number }> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const changed: BudgetLine[] = [];
  for (const group of chunks(prepared)) {
    const existing = new Map((await tx.find(BudgetLine, { id: { $in: group.map((p) => p.budgetLine.id) } }, { disableIdentityMap: true })).map((b) => [b.id, b]));
    for (const { budgetLine } of group) {
      const old = existing.get(budgetLine.id);
      if (old && Number(old.amountVnd) === budgetLine.amountVnd && (old.description ?? null) === budgetLine.description && old.source === budgetLine.source) {
        unchanged++;
        continue;
      }
      if (old) updated++;
      else created++;
      changed.push(budgetLine);
    }
  }
  if (changed.length) await tx.upsertMany(BudgetLine, changed);
  return { created, updated, unchanged };
}
