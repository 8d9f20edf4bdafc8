import type { EntityManager } from '@mikro-orm/core';
import { parse } from 'csv-parse/sync';
import { InputLineError } from '../../../core/domain-errors.js';
import { insertExpectedPayments, planExpectedPayments } from './expected-payment.command.js';
import { checkExpectedPayment, type ExpectedPaymentInput, type ValidExpectedPayment } from './expected-payment.rules.js';

/** The columns of an expected-payments CSV (header line, any order) and the keys of a JSON item. */
export const EXPECTED_PAYMENT_COLUMNS = ['id', 'provider', 'reference', 'amountVnd', 'expectedAt', 'payer', 'producerId'] as const;
const REQUIRED = EXPECTED_PAYMENT_COLUMNS.filter((c) => c !== 'payer');

export interface ExpectedPaymentImportReport {
  source: string;
  rows: number;
  created: number;
  unchanged: number;
  errors: InputLineError[];
  dryRun: boolean;
}

interface Row {
  line: number;
  input: ExpectedPaymentInput;
}

function csvRows(text: string, source: string): Row[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, columns: true, skip_empty_lines: true, info: true, trim: true }) as typeof records;
  } catch (error) {
    const csv = error as { lines?: number; message: string };
    throw new InputLineError(csv.lines ?? 1, `the file is not valid CSV (${csv.message})`, source);
  }
  const header = records.length ? Object.keys(records[0].record) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (records.length && missing.length) throw new InputLineError(1, `the header lacks ${missing.join(', ')}: expected the columns ${EXPECTED_PAYMENT_COLUMNS.join(',')}`, source);
  const unknown = header.filter((h) => !(EXPECTED_PAYMENT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) throw new InputLineError(1, `unknown column(s) ${unknown.join(', ')}: expected ${EXPECTED_PAYMENT_COLUMNS.join(',')}`, source);
  return records.map(({ record, info }) => ({ line: info.lines, input: record }));
}

function jsonRows(text: string, source: string): Row[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputLineError(1, `the file is not valid JSON (${(error as Error).message})`, source);
  }
  if (!Array.isArray(data)) throw new InputLineError(1, 'expected a JSON array of expected payments', source);
  // JSON has no useful line per item: the "line" of an item is its position, 1-based.
  return data.map((item, i) => ({ line: i + 1, input: (item && typeof item === 'object' ? item : {}) as ExpectedPaymentInput }));
}

/**
 * `hub import payments`: validates every row first (format, provider, whole đồng, time, ids
 * repeated in the file, ids already stored with other values), then writes the new ones in one
 * transaction. Any problem → nothing written. Rows already stored identically are unchanged, so
 * importing a file again changes nothing.
 */
export async function importExpectedPayments(
  em: EntityManager,
  options: { text: string; format: 'csv' | 'json'; source: string; dryRun?: boolean },
): Promise<ExpectedPaymentImportReport> {
  const { source } = options;
  const report: ExpectedPaymentImportReport = { source, rows: 0, created: 0, unchanged: 0, errors: [], dryRun: !!options.dryRun };
  let rows: Row[];
  try {
    rows = options.format === 'csv' ? csvRows(options.text, source) : jsonRows(options.text, source);
  } catch (error) {
    if (!(error instanceof InputLineError)) throw error;
    report.errors.push(error);
    return report;
  }
  report.rows = rows.length;
  const records: ValidExpectedPayment[] = [];
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    const { record, problems } = checkExpectedPayment(row.input);
    for (const p of problems) report.errors.push(new InputLineError(row.line, p.message, source));
    // Repeated ids are caught on invalid rows too, so one pass lists every problem.
    const id = typeof row.input.id === 'string' ? row.input.id.normalize('NFC').trim() : String(row.input.id ?? '');
    const first = id ? lineOf.get(id) : undefined;
    if (first !== undefined) {
      report.errors.push(new InputLineError(row.line, `id "${id}" is already on ${options.format === 'json' ? 'item' : 'line'} ${first}: each expected payment once`, source));
      continue;
    }
    if (id) lineOf.set(id, row.line);
    if (record) records.push(record);
  }
  if (report.errors.length) return report;
  await em.transactional(async (tx) => {
    const plan = await planExpectedPayments(tx, records);
    for (const c of plan.conflicts) {
      report.errors.push(
        new InputLineError(lineOf.get(c.id)!, `id "${c.id}" is already stored with other values (reference ${c.stored.reference}, ${c.stored.amountVnd} đồng): an expected payment is not changed by an import`, source),
      );
    }
    if (report.errors.length) return;
    report.created = plan.created.length;
    report.unchanged = plan.unchanged.length;
    if (!options.dryRun) await insertExpectedPayments(tx, records, plan.created);
  });
  return report;
}

export function describeExpectedPaymentImport(report: ExpectedPaymentImportReport): string {
  if (report.errors.length) {
    return [
      ...report.errors.slice(0, 50).map((e) => e.message),
      ...(report.errors.length > 50 ? [`... and ${report.errors.length - 50} more`] : []),
      `${report.source}: ${report.errors.length} problem(s) in ${report.rows} row(s); nothing was imported. Fix the rows and run the import again.`,
    ].join('\n');
  }
  const verb = report.dryRun ? 'would be' : 'were';
  return `${report.source}: ${report.rows} expected payments read; ${report.created} ${verb} created, ${report.unchanged} unchanged.`;
}
