import type { Readable } from 'node:stream';
import { InputLineError } from '../../core/domain-errors.js';
import { foldForSearch } from '../../core/text.js';
import type { AmountFormat } from './amounts.js';
import { DelimitedRecords, DelimitedStructureError } from './delimited-records.js';
import { newPaymentRow, toPaymentRecord, type PaymentRecord, type PaymentRow } from './payment-record.js';
import { RowError } from './row-error.js';
import type { WallClockLayout } from './times.js';

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
  /** The one number format of the layout's amount columns (amounts.ts); anything else is a line error. */
  readonly amountFormat: AmountFormat;
  /** Logical column → header text as the provider writes it. */
  readonly columns: Readonly<Record<C, string>>;
  /**
   * One data row → `into` (every field set) and true, or false for a row that is not a transaction
   * (a totals line). Throws RowError with a message naming the column and what was expected.
   */
  parseRow(row: RowFields<C>, line: number, into: PaymentRow): boolean;
  /**
   * A layout with a closing control-total line (ViViet's "TONG CONG"): recognises it and reads the
   * totals it states. The line is required and must agree, to the đồng, with the rows above it, or
   * the file is refused (a truncated or altered file); nothing may follow it.
   */
  readonly controlLine?: {
    /** How the provider names the line, for messages. */
    readonly name: string;
    /** The totals the row states, or null when the row is not the control line. Throws RowError on a bad number. */
    read(row: RowFields<C>): ControlTotals | null;
  };
}

/** A text a reader expects in a field (a status, a currency), with its UTF-8 bytes to compare the field's with. */
export class Spelling {
  readonly bytes: Buffer;
  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
  }
}

/**
 * One row's fields, by the reader's column names. A field becomes a string only through `text`:
 * the fixed fields of a row (currency, status, type, time, amounts) are compared or scanned as the
 * bytes they are in the file, and a million-row statement makes three or four strings a row
 * rather than ten. Each method answers exactly as the same test of `text(column)` would.
 */
export interface RowFields<C extends string> {
  text(column: C): string;
  isEmpty(column: C): boolean;
  /** True when the field is exactly the spelling, byte for byte (no trimming, no folding). */
  is(column: C, spelling: Spelling): boolean;
  /** `format.parse(text(column), label)`. */
  amount(column: C, format: AmountFormat, label: string): number;
  /** `layout.read(text(column), label, description)`. */
  instant(column: C, layout: WallClockLayout, label: string, description?: string): number;
  /**
   * True when the field's bytes are its text, read in place from `bytes` between `start(column)`
   * and `end(column)`: no doubled quotes, ASCII only, not empty, and when `trimmed`, nothing that
   * String.prototype.trim removes at either end (so the bytes are `text(column).trim()`).
   */
  isAsciiText(column: C, trimmed: boolean): boolean;
  /** The bytes the row lies in (valid during parseRow). */
  readonly bytes: Buffer;
  start(column: C): number;
  end(column: C): number;
}

/**
 * Sets `into.transactionId` from `column`, trimmed when the layout trims: left in the file's bytes
 * when they are its text (PaymentRow), made a string otherwise. False when the field is empty (the
 * reader names the column in its error).
 */
export function readTransactionId<C extends string>(row: RowFields<C>, column: C, trimmed: boolean, into: PaymentRow): boolean {
  if (row.isAsciiText(column, trimmed)) {
    into.setTransactionIdBytes(row.bytes, row.start(column), row.end(column));
    return true;
  }
  const text = fieldText(row, column, trimmed);
  into.transactionId = text;
  return text !== '';
}

/** Sets `into.reference` from `column` as readTransactionId does; an empty field is no reference (null). */
export function readReference<C extends string>(row: RowFields<C>, column: C, trimmed: boolean, into: PaymentRow): void {
  if (row.isAsciiText(column, trimmed)) into.setReferenceBytes(row.bytes, row.start(column), row.end(column));
  else into.reference = fieldText(row, column, trimmed) || null;
}

/** Sets `into.payer` from `column` as readReference sets the reference; an empty field is no payer (null). */
export function readPayer<C extends string>(row: RowFields<C>, column: C, trimmed: boolean, into: PaymentRow): void {
  if (row.isAsciiText(column, trimmed)) into.setPayerBytes(row.bytes, row.start(column), row.end(column));
  else into.payer = fieldText(row, column, trimmed) || null;
}

/** The field's text, trimmed when the layout trims. */
function fieldText<C extends string>(row: RowFields<C>, column: C, trimmed: boolean): string {
  return trimmed ? row.text(column).trim() : row.text(column);
}

/** Bytes String.prototype.trim removes that are ASCII: tab, line feed, vertical tab, form feed, CR, space. */
const isAsciiSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** RowFields over the record being read, through the header's column positions. */
class RecordFields<C extends string> implements RowFields<C> {
  index: Record<C, number> | null = null;

  constructor(private readonly records: DelimitedRecords) {}

  text(column: C): string {
    return this.records.value(this.index![column]);
  }

  isEmpty(column: C): boolean {
    const k = this.index![column];
    return this.records.fieldStart(k) === this.records.fieldEnd(k);
  }

  is(column: C, spelling: Spelling): boolean {
    const { records } = this;
    const k = this.index![column];
    const bytes = records.raw(k);
    if (!bytes) return records.value(k) === spelling.text;
    const start = records.fieldStart(k);
    const expected = spelling.bytes;
    if (records.fieldEnd(k) - start !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) if (bytes[start + i] !== expected[i]) return false;
    return true;
  }

  amount(column: C, format: AmountFormat, label: string): number {
    const k = this.index![column];
    const bytes = this.records.raw(k);
    const value = bytes ? format.scan(bytes, this.records.fieldStart(k), this.records.fieldEnd(k)) : -1;
    return value >= 0 ? value : format.parse(this.records.value(k), label);
  }

  isAsciiText(column: C, trimmed: boolean): boolean {
    const { records } = this;
    const k = this.index![column];
    const bytes = records.raw(k);
    const start = records.fieldStart(k);
    const end = records.fieldEnd(k);
    if (!bytes || start === end) return false;
    if (trimmed && (isAsciiSpace(bytes[start]) || isAsciiSpace(bytes[end - 1]))) return false;
    for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return false;
    return true;
  }

  get bytes(): Buffer {
    return this.records.bytes;
  }

  start(column: C): number {
    return this.records.fieldStart(this.index![column]);
  }

  end(column: C): number {
    return this.records.fieldEnd(this.index![column]);
  }

  instant(column: C, layout: WallClockLayout, label: string, description?: string): number {
    const k = this.index![column];
    const bytes = this.records.raw(k);
    const ms = bytes ? layout.msOf(bytes, this.records.fieldStart(k), this.records.fieldEnd(k)) : null;
    // Only a real instant is taken as scanned; anything else is read again as text, which says why.
    return ms !== null && !Number.isNaN(ms) ? ms : layout.read(this.records.value(k), label, description);
  }
}

/** What a control-total line states: Σ payment (credit) rows, Σ reversal (debit) rows, Σ fees; exact. */
export interface ControlTotals {
  paymentsVnd: bigint;
  reversalsVnd: bigint;
  feesVnd: bigint;
}

function describeTotals(t: ControlTotals): string {
  return `payments ${t.paymentsVnd}, reversals ${t.reversalsVnd}, fees ${t.feesVnd} đồng`;
}

/** True when the header line of this layout is where the layout puts it in `lines` (the file's first lines). */
export function hasLayoutHeader(reader: StatementReader, lines: readonly string[]): boolean {
  const header = lines[reader.preambleLines];
  if (header === undefined) return false;
  const folded = new Set(header.split(reader.delimiter).map((h) => foldForSearch(h.replace(/^"|"$/g, ''))));
  return Object.values<string>(reader.columns).every((title) => folded.has(foldForSearch(title)));
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
 * Streams a statement: the input is split into records chunk by chunk (delimited-records.ts) and
 * this yields one canonical record per transaction row, so a file of a million rows is never held in memory.
 */
export async function* readStatement<C extends string>(
  reader: StatementReader<C>,
  input: Readable,
  options: ReadStatementOptions = {},
): AsyncGenerator<PaymentRecord> {
  let records: PaymentRecord[] = [];
  for await (const _ of readStatementRows(reader, input, options, (row) => records.push(toPaymentRecord(row)))) {
    const chunk = records;
    records = [];
    yield* chunk;
  }
}

/**
 * Streams a statement into `onRow`, one call per transaction row with the same PaymentRow filled
 * again (copy what must outlive the call), and yields once per parsed chunk (a few thousand rows).
 * A million-row import pays one turn of the event loop per chunk rather than two per row
 * (csv-parse's stream, then a generator), and builds no record or Date per row.
 */
export async function* readStatementRows<C extends string>(
  reader: StatementReader<C>,
  input: Readable,
  options: ReadStatementOptions,
  onRow: (row: PaymentRow) => void,
): AsyncGenerator<void> {
  const { source } = options;
  const report = (error: InputLineError) => {
    if (!options.onError) throw error;
    options.onError(error);
  };
  const records = new DelimitedRecords(reader);
  const fields = new RecordFields<C>(records);
  let width = 0;
  const control = reader.controlLine;
  // Exact sums for the control line (bigint: a total may pass 2^53 even when no row does).
  const sums: ControlTotals = { paymentsVnd: 0n, reversalsVnd: 0n, feesVnd: 0n };
  let rowErrors = 0;
  // Set inside onRecord, which the compiler does not follow: typed by assertion.
  let closed = null as { line: number; totals: ControlTotals } | null;
  const row = newPaymentRow();
  let delivered = 0;
  const onRecord = () => {
    const line = records.line;
    // The title lines above the header.
    if (line <= reader.preambleLines) return;
    if (records.length === 1 && records.value(0) === '') return;
    if (!fields.index) {
      fields.index = headerIndex(reader, records.values(), line, source);
      width = records.length;
      return;
    }
    if (closed) {
      rowErrors++;
      report(new InputLineError(line, `a row after the closing ${control!.name} line (line ${closed.line}): the file was altered or joined from several exports`, source));
      return;
    }
    if (records.length !== width) {
      rowErrors++;
      report(new InputLineError(line, `expected ${width} fields separated by "${reader.delimiter === '\t' ? '\\t' : reader.delimiter}", found ${records.length}: the row is malformed`, source));
      return;
    }
    try {
      const totals = control ? control.read(fields) : null;
      if (totals) {
        closed = { line, totals };
        return;
      }
      if (!reader.parseRow(fields, line, row)) return;
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      rowErrors++;
      report(new InputLineError(line, error.message, source));
      return;
    }
    if (control) {
      if (row.kind === 'REVERSAL') sums.reversalsVnd += BigInt(row.amountVnd);
      else sums.paymentsVnd += BigInt(row.amountVnd);
      sums.feesVnd += BigInt(row.feeVnd);
    }
    onRow(row);
    delivered++;
  };
  try {
    for await (const chunk of input) {
      records.push(chunk as Buffer | string, onRecord);
      if (delivered) {
        delivered = 0;
        yield;
      }
    }
    records.end(onRecord);
    if (delivered) yield;
  } catch (error) {
    if (error instanceof DelimitedStructureError) {
      throw new InputLineError(error.line, `the file is not valid ${reader.displayName} CSV: ${error.message}; reading stopped here`, source);
    }
    throw error;
  }
  if (!fields.index) throw new InputLineError(reader.preambleLines + 1, `the file has no header line: expected a ${reader.displayName} statement`, source);
  if (control && !closed) {
    report(new InputLineError(records.lineAfter, `the closing ${control.name} line is missing: the file may be truncated; ask the provider for the whole statement`, source));
  } else if (control && closed && rowErrors === 0) {
    const stated = closed.totals;
    if (stated.paymentsVnd !== sums.paymentsVnd || stated.reversalsVnd !== sums.reversalsVnd || stated.feesVnd !== sums.feesVnd) {
      report(
        new InputLineError(
          closed.line,
          `the ${control.name} line states ${describeTotals(stated)} but the rows add up to ${describeTotals(sums)}: the file was altered or is incomplete, so it is refused`,
          source,
        ),
      );
    }
  }
}
