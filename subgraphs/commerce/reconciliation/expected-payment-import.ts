import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { readExpectedPaymentCsv, type ImportRow } from './expected-payment-csv.js';
import { insertExpectedPayments, planExpectedPayments } from './expected-payment.command.js';
import { checkExpectedPayment, type ValidExpectedPayment } from './expected-payment.rules.js';

export interface ExpectedPaymentImportReport {
  source: string;
  rows: number;
  created: number;
  unchanged: number;
  /** The first LISTED problems, each with its line. */
  errors: InputLineError[];
  /** Every problem found, listed or not. */
  problems: number;
  dryRun: boolean;
}

export interface ExpectedPaymentImportOptions {
  file: string;
  format: 'csv' | 'json';
  /** The file's name in messages. */
  source: string;
  dryRun?: boolean;
}

/** Problems kept to be listed; the others are only counted, so a file of bad rows costs no memory per row. */
const LISTED = 50;
/** Items of a JSON file planned and written together, as a CSV chunk's rows are. */
const JSON_BATCH = 1_000;

/** A file's rows in batches, read again from the start at each call. */
type RowSource = () => AsyncIterable<ImportRow[]>;

function csvRows(file: string, source: string): RowSource {
  return () => readExpectedPaymentCsv(createReadStream(file), source);
}

/** JSON is read whole (no streaming JSON parser among the dependencies): CSV is the format for large files. */
async function jsonRows(file: string, source: string): Promise<RowSource> {
  let data: unknown;
  try {
    data = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new InputLineError(1, `the file is not valid JSON (${error.message})`, source);
  }
  if (!Array.isArray(data)) throw new InputLineError(1, 'expected a JSON array of expected payments', source);
  // JSON has no useful line per item: the "line" of an item is its position, 1-based.
  const rows = data.map((item: unknown, i): ImportRow => ({ line: i + 1, input: (item && typeof item === 'object' ? item : {}) as ImportRow['input'] }));
  return async function* () {
    for (let i = 0; i < rows.length; i += JSON_BATCH) yield rows.slice(i, i + JSON_BATCH);
  };
}

function problem(report: ExpectedPaymentImportReport, error: InputLineError): void {
  report.problems++;
  if (report.errors.length < LISTED) report.errors.push(error);
}

/**
 * Pass 1: every row checked, ids repeated in the file found (by the line each id was first on:
 * ids are short, so even a million of them fit), nothing kept of the rows themselves.
 */
async function checkRows(rows: RowSource, report: ExpectedPaymentImportReport, unit: 'line' | 'item'): Promise<void> {
  const firstLine = new Map<string, number>();
  for await (const batch of rows()) {
    for (const row of batch) {
      report.rows++;
      for (const p of checkExpectedPayment(row.input).problems) problem(report, new InputLineError(row.line, p.message, report.source));
      // Repeated ids are caught on invalid rows too, so one pass lists every problem.
      const id = typeof row.input.id === 'string' ? row.input.id.normalize('NFC').trim() : String(row.input.id ?? '');
      const first = id ? firstLine.get(id) : undefined;
      if (first !== undefined) problem(report, new InputLineError(row.line, `id "${id}" is already on ${unit} ${first}: each expected payment once`, report.source));
      else if (id) firstLine.set(id, row.line);
    }
  }
}

/** Thrown inside the transaction to roll back the batches already written. */
class Refused extends Error {}

/** Every row of a file that passed pass 1 as a record; a row that no longer does means the file changed in between. */
function recordsOf(batch: readonly ImportRow[], source: string): ValidExpectedPayment[] {
  return batch.map((row) => {
    const { record } = checkExpectedPayment(row.input);
    if (!record) throw new Error(`${source} changed while it was being imported (line ${row.line}): nothing was imported; run the import again.`);
    return record;
  });
}

/**
 * Pass 2, in one transaction: each batch planned against the stored rows and its new ones written.
 * After a conflict nothing more is written but the rest is still planned, to list every conflict;
 * then the transaction is rolled back, so the batches already written go too.
 */
async function storeRows(em: EntityManager, rows: RowSource, report: ExpectedPaymentImportReport, dryRun: boolean): Promise<void> {
  const { source } = report;
  try {
    await em.transactional(async (tx) => {
      let read = 0;
      for await (const batch of rows()) {
        read += batch.length;
        const records = recordsOf(batch, source);
        const plan = await planExpectedPayments(tx, records);
        if (plan.conflicts.length) {
          const lineOf = new Map(batch.map((row, k) => [records[k]!.id, row.line]));
          for (const c of plan.conflicts) {
            problem(
              report,
              new InputLineError(lineOf.get(c.id)!, `id "${c.id}" is already stored with other values (reference ${c.stored.reference}, ${c.stored.amountVnd} đồng): an expected payment is not changed by an import`, source),
            );
          }
        }
        if (report.problems) continue;
        report.created += plan.created.length;
        report.unchanged += plan.unchanged.length;
        if (!dryRun) await insertExpectedPayments(tx, records, plan.created);
      }
      if (read !== report.rows) throw new Error(`${source} changed while it was being imported (${report.rows} rows, then ${read}): nothing was imported; run the import again.`);
      if (report.problems) throw new Refused();
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    report.created = report.unchanged = 0;
  }
}

/**
 * `hub import payments`: validates every row first (format, provider, whole đồng, time, ids
 * repeated in the file), then reads the file again in one transaction, comparing each batch with
 * the stored rows (an id stored with other values is a conflict) and writing its new ones. Any
 * problem → nothing written. Rows already stored identically are unchanged, so importing a file
 * again changes nothing. A CSV file is streamed both times: memory follows a batch, not the file.
 */
export async function importExpectedPayments(em: EntityManager, options: ExpectedPaymentImportOptions): Promise<ExpectedPaymentImportReport> {
  const { source } = options;
  const report: ExpectedPaymentImportReport = { source, rows: 0, created: 0, unchanged: 0, errors: [], problems: 0, dryRun: !!options.dryRun };
  let rows: RowSource;
  try {
    rows = options.format === 'csv' ? csvRows(options.file, source) : await jsonRows(options.file, source);
    await checkRows(rows, report, options.format === 'json' ? 'item' : 'line');
  } catch (error) {
    if (!(error instanceof InputLineError)) throw error;
    // The file's structure is broken: what was read of it cannot be trusted, only this is reported.
    return { ...report, rows: 0, errors: [error], problems: 1 };
  }
  if (!report.problems) await storeRows(em, rows, report, report.dryRun);
  return report;
}

export function describeExpectedPaymentImport(report: ExpectedPaymentImportReport): string {
  if (report.problems) {
    return [
      ...report.errors.map((e) => e.message),
      ...(report.problems > report.errors.length ? [`... and ${report.problems - report.errors.length} more`] : []),
      `${report.source}: ${report.problems} problem(s) in ${report.rows} row(s); nothing was imported. Fix the rows and run the import again.`,
    ].join('\n');
  }
  const verb = report.dryRun ? 'would be' : 'were';
  return `${report.source}: ${report.rows} expected payments read; ${report.created} ${verb} created, ${report.unchanged} unchanged.`;
}
