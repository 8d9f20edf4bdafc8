import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { InputLineError } from '../../../core/domain-errors.js';
import type { ExpectedPaymentInput } from './expected-payment.rules.js';

/**
 * The parser's records as they come, every record buffered so far at once (the rows of a chunk).
 * Reads with `read()` on 'readable' rather than async iteration, which costs a promise per row.
 */
async function* recordBatches(parser: Readable): AsyncGenerator<string[][]> {
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  parser.on('readable', signal);
  parser.on('end', () => {
    ended = true;
    signal();
  });
  parser.on('error', (error: Error) => {
    failure = error;
    signal();
  });
  try {
    for (;;) {
      const records: string[][] = [];
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) records.push(record);
      if (records.length) {
        yield records;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // Stopped early (an error thrown by the caller): release the file.
    if (!ended) parser.destroy();
  }
}

/**
 * Physical lines a parsed record spans: one, plus the line breaks its quoted fields hold. Counted
 * here rather than with csv-parse's `info`, which allocates an object per row.
 */
function recordLines(record: readonly string[]): number {
  let lines = 1;
  for (const value of record) {
    if (value.includes('\n')) lines += value.split('\n').length - 1;
  }
  return lines;
}

/** The columns of an expected-payments CSV (header line, any order) and the keys of a JSON item. */
const EXPECTED_PAYMENT_COLUMNS = ['id', 'provider', 'reference', 'amountVnd', 'expectedAt', 'payer', 'producerId'] as const;
type Column = (typeof EXPECTED_PAYMENT_COLUMNS)[number];
const REQUIRED = EXPECTED_PAYMENT_COLUMNS.filter((c) => c !== 'payer');

/** One row of an import file: its line (JSON: its item number) and its fields as written. */
export interface ImportRow {
  line: number;
  input: ExpectedPaymentInput;
}

/** Where each column is in a record; a name given twice is read from its last place, as csv-parse's `columns` did. */
function columnIndex(header: readonly string[], source: string): Map<Column, number> {
  const names = [...new Set(header)];
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) throw new InputLineError(1, `the header lacks ${missing.join(', ')}: expected the columns ${EXPECTED_PAYMENT_COLUMNS.join(',')}`, source);
  const unknown = names.filter((h) => !(EXPECTED_PAYMENT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) throw new InputLineError(1, `unknown column(s) ${unknown.join(', ')}: expected ${EXPECTED_PAYMENT_COLUMNS.join(',')}`, source);
  const index = new Map<Column, number>();
  header.forEach((name, at) => index.set(name as Column, at));
  return index;
}

function inputOf(record: readonly string[], index: Map<Column, number>): ExpectedPaymentInput {
  const input: Record<string, string> = {};
  for (const [column, at] of index) input[column] = record[at]!;
  return input;
}

/**
 * Streams an expected-payments CSV: the rows of each parsed chunk together (about a thousand), so
 * a file of a million rows is never held. Reading it again means calling this again on a new stream.
 *
 * Lines are counted here, not with csv-parse's `info` (an object per row), and a row's line is the
 * one it starts on: csv-parse's counted a quoted field's CRLF twice, shifting every later row.
 * Empty lines are therefore kept by the parser and skipped here, as its `skip_empty_lines` did, and
 * the column count is checked here, with the message csv-parse gave. The header is checked with the
 * first row, so a file of only a header reads as empty, as before. A broken structure (bad quoting,
 * a row of the wrong width, a bad header) throws InputLineError: nothing after it can be trusted.
 */
export async function* readExpectedPaymentCsv(input: Readable, source: string): AsyncGenerator<ImportRow[]> {
  const parser = input.pipe(parse({ bom: true, trim: true, skip_empty_lines: false, relax_column_count: true }));
  input.on('error', (error) => parser.destroy(error));
  let header: string[] | null = null;
  let index: Map<Column, number> | null = null;
  let nextLine = 1;
  try {
    for await (const records of recordBatches(parser)) {
      const rows: ImportRow[] = [];
      for (const record of records) {
        const line = nextLine;
        nextLine += recordLines(record);
        if (record.length === 1 && record[0] === '') continue;
        if (!header) {
          header = record;
          continue;
        }
        index ??= columnIndex(header, source);
        if (record.length !== header.length) {
          throw new InputLineError(line, `the file is not valid CSV (Invalid Record Length: columns length is ${header.length}, got ${record.length} on line ${line})`, source);
        }
        rows.push({ line, input: inputOf(record, index) });
      }
      if (rows.length) yield rows;
    }
  } catch (error) {
    const csv = error as { code?: string; lines?: number; message: string };
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) throw new InputLineError(csv.lines ?? 1, `the file is not valid CSV (${csv.message})`, source);
    throw error;
  } finally {
    // Stopped early (a bad row, or the caller's error): release the file.
    input.destroy();
  }
}
