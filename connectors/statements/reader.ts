import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { InputLineError } from '../../core/domain-errors.js';
import { foldForSearch } from '../../core/text.js';
import type { PaymentRecord } from './payment-record.js';
import { RowError } from './row-error.js';

/**
 * One provider's statement layout. A reader names its columns as the provider's header spells
 * them (matched ignoring case and diacritics, in any order) and turns one row into a canonical
 * record. Adding a provider = one reader file + one line in registry.ts.
 */
export interface StatementReader<C extends string = string> {
  /** Code used on the CLI and stored on runs, e.g. "viettel-money". */
  readonly provider: string;
  /** Human name, e.g. "Viettel Money". */
  readonly displayName: string;
  /** Field separator. */
  readonly delimiter: string;
  /** Quote character, or false when the format never quotes (then a stray " is data). */
  readonly quote: string | false;
  /** Title lines above the header (bank exports print the account and dates first). */
  readonly preambleLines: number;
  /** Logical column → header text as the provider writes it. */
  readonly columns: Readonly<Record<C, string>>;
  /**
   * One data row → a record, or null for a row that is not a transaction (a totals line).
   * Throws RowError with a message naming the column and what was expected.
   */
  parseRow(field: (column: C) => string, line: number): PaymentRecord | null;
}

export interface ReadStatementOptions {
  /** File name for messages ("statement.csv:12: ..."). */
  source?: string;
  /**
   * Called for each bad row, which is then skipped so that every problem of a file is reported in
   * one go. Without it the first bad row throws. A broken file structure (bad quoting, no header)
   * always throws: nothing after it can be trusted.
   */
  onError?: (error: InputLineError) => void;
}


function headerIndex<C extends string>(reader: StatementReader<C>, header: string[], line: number, source?: string): Record<C, number> {
  const folded = header.map((h) => foldForSearch(h));
  const index = {} as Record<C, number>;
  const missing: string[] = [];
  for (const [column, title] of Object.entries(reader.columns) as [C, string][]) {
    const at = folded.indexOf(foldForSearch(title));
    if (at < 0) missing.push(`"${title}"`);
    index[column] = at;
  }
  if (missing.length) {
    throw new InputLineError(
      line,
      `the header lacks ${missing.join(', ')}: is this a ${reader.displayName} statement? The header read was: ${header.join(' | ')}`,
      source,
    );
  }
  return index;
}

/**
 * Streams a statement: csv-parse reads the input chunk by chunk and this yields one canonical
 * record per transaction row, so a file of a million rows is never held in memory.
 */
export async function* readStatement<C extends string>(
  reader: StatementReader<C>,
  input: Readable,
  options: ReadStatementOptions = {},
): AsyncGenerator<PaymentRecord> {
  const { source } = options;
  const report = (error: InputLineError) => {
    if (!options.onError) throw error;
    options.onError(error);
  };
  const parser = input.pipe(
    parse({
      delimiter: reader.delimiter,
      quote: reader.quote === false ? null : reader.quote,
      bom: true,
      from_line: reader.preambleLines + 1,
      relax_column_count: true,
      // Line numbers are counted here rather than with csv-parse's `info`, which allocates an
      // object per row: a third of the read time of a million-row statement. Empty lines are kept
      // (and skipped below) so that every physical line is accounted for.
      skip_empty_lines: false,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  let index: Record<C, number> | null = null;
  let width = 0;
  let values: string[] = [];
  const field = (column: C): string => values[index![column]]!;
  // The line a record starts on: the next physical line, plus the line breaks quoted fields held.
  let nextLine = reader.preambleLines + 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine++;
      for (const value of record) {
        if (value.includes('\n')) nextLine += value.split('\n').length - 1;
      }
      if (record.length === 1 && record[0] === '') continue;
      if (!index) {
        index = headerIndex(reader, record, line, source);
        width = record.length;
        continue;
      }
      if (record.length !== width) {
        report(new InputLineError(line, `expected ${width} fields separated by "${reader.delimiter === '\t' ? '\\t' : reader.delimiter}", found ${record.length}: the row is malformed`, source));
        continue;
      }
      values = record;
      let payment: PaymentRecord | null;
      try {
        payment = reader.parseRow(field, line);
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        report(new InputLineError(line, error.message, source));
        continue;
      }
      if (payment) yield payment;
    }
  } catch (error) {
    const csv = error as { code?: string; lines?: number; message: string };
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) {
      throw new InputLineError(csv.lines ?? 0, `the file is not valid ${reader.displayName} CSV (${csv.message}); reading stopped here`, source);
    }
    throw error;
  }
  if (!index) throw new InputLineError(reader.preambleLines + 1, `the file has no header line: expected a ${reader.displayName} statement`, source);
}
