import type { Readable } from 'node:stream';
import { InputLineError } from '../../../core/domain-errors.js';
import type { PaymentRow } from '../../../connectors/statements/payment-record.js';
import { readStatementRows, type StatementReader } from '../../../connectors/statements/reader.js';
import { vietnamTime, type Period } from './period.js';
import { sizeAhead } from './table-sizing.js';
import { PaymentTable, type LedgerTable } from './tables.js';

/** A statement that failed validation: every problem found (up to a limit), each with its line. */
export class StatementRejectedError extends Error {
  constructor(
    readonly errors: InputLineError[],
    readonly total: number,
    readonly source: string,
  ) {
    const shown = errors.map((e) => `  ${e.message}`).join('\n');
    const more = total > errors.length ? `\n  ... and ${total - errors.length} more` : '';
    super(`${source} was not imported: ${total} problem${total === 1 ? '' : 's'} found. Nothing was written; fix the file and import it again.\n${shown}${more}`);
    this.name = 'StatementRejectedError';
  }
}

export interface LoadedStatement {
  table: PaymentTable;
  /** Transaction rows read (header, title and totals lines excluded). */
  rows: number;
  /** Pending or failed rows, validated but left out of matching. */
  ignoredRows: number;
  /** Line of the last transaction row (for messages about the file as a whole). */
  lastLine: number;
}

export interface LoadOptions {
  period: Period;
  source: string;
  /** How many problems to list before only counting them. */
  maxErrors?: number;
  /** The ledger, when loaded first: references it knows are stored once (see PaymentTable). */
  ledger?: LedgerTable;
  /**
   * The file's size and how much of it has been handed to the reader: after the first chunk the
   * table makes room for as many rows as the file holds at that rate (PaymentTable.reserve).
   */
  size?: { fileBytes: number; bytesRead(): number };
}

/** Rows read before the table is sized for the whole file: enough to measure a row's bytes. */
const SIZING_ROWS = 500;

/**
 * Reads a whole statement into a PaymentTable, checking every row (format, currency, whole đồng,
 * inside the period). Throws StatementRejectedError listing the problems if there is any, so the
 * caller writes nothing for a bad file.
 */
export async function loadStatement(reader: StatementReader, input: Readable, options: LoadOptions): Promise<LoadedStatement> {
  const { period, source } = options;
  const maxErrors = options.maxErrors ?? 20;
  const errors: InputLineError[] = [];
  let total = 0;
  const onError = (error: InputLineError) => {
    total++;
    if (errors.length < maxErrors) errors.push(error);
  };
  const table = new PaymentTable(options.ledger);
  let rows = 0;
  let ignoredRows = 0;
  let lastLine = 0;
  const start = period.start.getTime();
  const end = period.end.getTime();
  const onRow = (row: PaymentRow) => {
    rows++;
    lastLine = row.line;
    const t = row.occurredAtMs;
    // Reported as the row comes, among the reader's own row errors: every problem in line order.
    if (t < start || t >= end) {
      onError(
        new InputLineError(
          row.line,
          `the transaction time ${vietnamTime(new Date(t))} is outside the period ${period.label} of this run: is this the statement of another period?`,
          source,
        ),
      );
      return;
    }
    if (row.status !== 'SUCCESS') ignoredRows++;
    else table.pushRow(row, t);
  };
  try {
    let sized = !options.size;
    for await (const _ of readStatementRows(reader, input, { source, onError }, onRow)) {
      if (sized || table.length < SIZING_ROWS) continue;
      sized = true;
      const { fileBytes, bytesRead } = options.size!;
      sizeAhead(table, table.length, (table.length * fileBytes) / Math.max(bytesRead(), 1));
    }
  } catch (error) {
    if (!(error instanceof InputLineError)) throw error;
    onError(error);
  }
  if (total) throw new StatementRejectedError(errors, total, source);
  return { table, rows, ignoredRows, lastLine };
}
