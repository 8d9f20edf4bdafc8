import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/core';
import { stringify } from 'csv-stringify';
import { vietnamIsoTime } from '../../../core/time.js';
import { OUTCOME_CODES } from './matcher.rules.js';
import { outcomeTotals } from './outcome-totals.query.js';
import { EXPORT_COLUMNS, exportRows } from './export-rows.query.js';
import type { ReconciliationRun } from './reconciliation-run.entity.js';

/**
 * A run's items as CSV: UTF-8 with a BOM (so Excel shows Vietnamese right), csv-stringify quoting,
 * every row carrying the run id, provider, period and version; times in Vietnam time (+07:00).
 */
export async function writeItemsCsv(em: EntityManager, run: ReconciliationRun, file: string): Promise<number> {
  const csv = stringify({ header: true, columns: [...EXPORT_COLUMNS], bom: true });
  const written = pipeline(csv, createWriteStream(file));
  let count = 0;
  for await (const row of exportRows(em, run)) {
    if (!csv.write(row)) await once(csv, 'drain');
    count++;
  }
  csv.end();
  await written;
  return count;
}

/** Excel's limit on rows in a sheet (header included). */
const XLSX_MAX_ROWS = 1_048_576;

/**
 * A run as an Excel workbook (exceljs, streamed to disk): a "Totals" sheet (the run, its statement
 * totals, count and VND per outcome) and an "Items" sheet with the CSV's columns. Amounts are
 * numbers formatted #,##0; times are text in Vietnam time (+07:00), as in the CSV.
 */
export async function writeItemsXlsx(em: EntityManager, run: ReconciliationRun, file: string): Promise<number> {
  const items = run.matchedCount + run.amountMismatchCount + run.missingInStatementCount + run.missingInLedgerCount + run.duplicateCount;
  if (items + 1 > XLSX_MAX_ROWS) throw new Error(`Run ${run.id} has ${items} items, more than an Excel sheet holds (${XLSX_MAX_ROWS - 1}): export it as CSV.`);
  // Loaded here, not at the top: exceljs costs seconds of CPU to load, and every `hub reconcile` imports this file.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const money = { numFmt: '#,##0' };
  const totals = workbook.addWorksheet('Totals');
  totals.columns = [
    { header: 'item', key: 'item', width: 34 },
    { header: 'count', key: 'count', width: 12, style: money },
    { header: 'paid_vnd', key: 'paid', width: 20, style: money },
    { header: 'expected_vnd', key: 'expected', width: 20, style: money },
  ];
  const byOutcome = await outcomeTotals(em, run.id);
  for (const o of OUTCOME_CODES) totals.addRow({ item: o, count: byOutcome[o].count, paid: byOutcome[o].paidVnd, expected: byOutcome[o].expectedVnd }).commit();
  const sum = (k: 'count' | 'paidVnd' | 'expectedVnd') => OUTCOME_CODES.reduce((n, o) => n + byOutcome[o][k], 0);
  totals.addRow({ item: 'TOTAL', count: sum('count'), paid: sum('paidVnd'), expected: sum('expectedVnd') }).commit();
  totals.addRow({}).commit();
  const facts: [string, string | number][] = [
    ['run_id', run.id],
    ['provider', run.provider],
    ['period', run.periodLabel],
    ['version', run.version],
    ['file', run.fileName],
    ['imported_at', vietnamIsoTime(run.importedAt)],
    ['imported_by', run.importedBy],
    ['statement_rows', run.statementRows],
    ['statement_gross_vnd', run.statementGrossVnd],
    ['reversed_vnd', run.reversedVnd],
    ['fee_vnd', run.statementFeeVnd],
    ['net_to_merchant_vnd', run.statementGrossVnd - run.reversedVnd - run.statementFeeVnd],
    ['expected_vnd', run.expectedVnd],
    ['matched_vnd', run.matchedVnd],
  ];
  for (const [k, v] of facts) totals.addRow({ item: k, count: v }).commit();
  totals.commit();

  const sheet = workbook.addWorksheet('Items');
  const amount = new Set<string>(['paid_vnd', 'reversed_vnd', 'fee_vnd', 'expected_vnd', 'open_vnd']);
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: amount.has(c) ? 14 : 18, ...(amount.has(c) ? { style: money } : {}) }));
  let count = 0;
  for await (const row of exportRows(em, run)) {
    sheet.addRow(row).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
