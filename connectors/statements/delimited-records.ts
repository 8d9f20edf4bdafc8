/**
 * Delimited text (CSV, semicolon- or tab-separated) split into records straight from the bytes,
 * chunk by chunk, for the statement readers. A field becomes a string only when a reader asks for
 * it: a million-row statement through csv-parse cost more than the rest of reading it (its state
 * machine runs per byte and every field of every row becomes a string), and the target of
 * `npm run bench -- reconcile` leaves no room for that.
 *
 * The records are the ones csv-parse gives with the options the readers used
 * (`bom`, `relax_column_count`, `skip_empty_lines: false`, default escape): a UTF-8 BOM dropped, a
 * UTF-16LE one (Excel's "Unicode Text") read as that encoding; the
 * record delimiter is the first line end outside quotes (CRLF, LF or CR) and any other line-end
 * byte is data; a field opening with the quote runs to the quote that is not doubled, `""` inside
 * it is one quote; an empty line is one empty field; no record after a last line end.
 * tests/connectors/statements/delimited-records.test.ts holds the two to the same records on
 * random texts, and to the same refusals: a quote inside an unquoted field, anything but a
 * delimiter or line end after a closing quote, a quote left open at the end.
 */

import { StringDecoder } from 'node:string_decoder';

const LF = 0x0a;
const CR = 0x0d;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
/** Line end of the file, fixed by the first one seen outside quotes. */
const enum Breaks {
  UNKNOWN,
  LF,
  CRLF,
  CR,
}
/** A field's bytes as they are, or quoted (the quotes excluded), with doubled quotes inside. */
const enum Field {
  PLAIN,
  QUOTED,
  ESCAPED,
}

/**
 * A record longer than this is refused: no statement row comes near it, and a file without line
 * ends would otherwise be gathered whole in memory.
 */
export const MAX_RECORD_BYTES = 1 << 20;

/** Broken structure: nothing after it can be trusted. `line` is where the record it broke started. */
export class DelimitedStructureError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'DelimitedStructureError';
  }
}

export interface DelimitedFormat {
  /** One character. */
  readonly delimiter: string;
  /** One character, or false when the format never quotes (a " is then data). */
  readonly quote: string | false;
}

function oneByte(character: string, what: string): number {
  const code = character.charCodeAt(0);
  if (character.length !== 1 || code >= 0x80 || code === LF || code === CR) throw new Error(`the ${what} must be one ASCII character other than a line end`);
  return code;
}

/**
 * Push chunks in, get each complete record through a callback that reads it from this object
 * (`line`, `length`, `value(k)`); the record is valid only during the call.
 */
export class DelimitedRecords {
  private readonly delimiter: number;
  private readonly quote: number;
  private breaks = Breaks.UNKNOWN;
  private bomChecked = false;
  /** Set by a UTF-16LE BOM: the text is turned into UTF-8 as it comes. */
  private utf16: StringDecoder | null = null;
  /** The start of a record the last chunk did not complete. */
  private rest: Buffer | null = null;
  private nextLine = 1;
  private buffer: Buffer = Buffer.alloc(0);
  private starts = new Int32Array(32);
  private ends = new Int32Array(32);
  private kinds = new Uint8Array(32);
  private count = 0;
  /** Line the current record starts on (1-based, BOM and all). */
  line = 0;

  constructor(format: DelimitedFormat) {
    this.delimiter = oneByte(format.delimiter, 'delimiter');
    this.quote = format.quote === false ? -1 : oneByte(format.quote, 'quote');
    if (this.quote === this.delimiter) throw new Error('the quote and the delimiter must differ');
  }

  /** The line the next record starts on: one past the last line read so far. */
  get lineAfter(): number {
    return this.nextLine;
  }

  /** Fields of the current record. */
  get length(): number {
    return this.count;
  }

  /** Field k of the current record. */
  value(k: number): string {
    if (this.starts[k] === this.ends[k]) return '';
    const text = this.buffer.toString('utf8', this.starts[k], this.ends[k]);
    return this.kinds[k] === Field.ESCAPED ? text.replaceAll(String.fromCharCode(this.quote).repeat(2), String.fromCharCode(this.quote)) : text;
  }

  /**
   * Field k's UTF-8 bytes in place, from `fieldStart(k)` to `fieldEnd(k)`, for readers that compare
   * or scan a field without making it a string; null when the field holds doubled quotes (its
   * bytes are not its text: read it with `value`). Valid only during the callback.
   */
  raw(k: number): Buffer | null {
    return this.kinds[k] === Field.ESCAPED ? null : this.buffer;
  }

  /** The buffer the current record lies in: field k between fieldStart(k) and fieldEnd(k). Valid only during the callback. */
  get bytes(): Buffer {
    return this.buffer;
  }

  fieldStart(k: number): number {
    return this.starts[k];
  }

  fieldEnd(k: number): number {
    return this.ends[k];
  }

  /** Every field of the current record. */
  values(): string[] {
    return Array.from({ length: this.count }, (_, k) => this.value(k));
  }

  /** Reads the records `chunk` completes; keeps the start of one it leaves incomplete for the next. */
  push(chunk: Buffer | string, onRecord: () => void): void {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (!this.bomChecked) {
      bytes = this.rest ? Buffer.concat([this.rest, bytes]) : bytes;
      this.rest = null;
      if (bytes.length < UTF8_BOM.length) {
        this.rest = bytes;
        return;
      }
      bytes = this.afterBom(bytes);
    } else if (this.utf16) bytes = Buffer.from(this.utf16.write(bytes), 'utf8');
    const rest = this.rest;
    if (rest) {
      // The record the last chunk left open mostly ends at this chunk's first line end: joined up
      // to there only, rather than copying every chunk whole behind it.
      const lf = bytes.indexOf(LF);
      if (lf >= 0 && lf + 1 < bytes.length) {
        this.rest = null;
        this.read(Buffer.concat([rest, bytes.subarray(0, lf + 1)]), false, onRecord);
        bytes = bytes.subarray(lf + 1);
      }
    }
    this.read(this.rest ? Buffer.concat([this.rest, bytes]) : bytes, false, onRecord);
  }

  /** The end of the input: its last record, which needs no line end. */
  end(onRecord: () => void): void {
    let rest = this.rest ?? Buffer.alloc(0);
    this.rest = null;
    if (!this.bomChecked) rest = this.afterBom(rest);
    if (this.utf16) rest = Buffer.concat([rest, Buffer.from(this.utf16.end(), 'utf8')]);
    if (rest.length) this.read(rest, true, onRecord);
  }

  private afterBom(bytes: Buffer): Buffer {
    this.bomChecked = true;
    if (bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) return bytes.subarray(UTF8_BOM.length);
    if (!bytes.subarray(0, UTF16LE_BOM.length).equals(UTF16LE_BOM)) return bytes;
    this.utf16 = new StringDecoder('utf16le');
    return Buffer.from(this.utf16.write(bytes.subarray(UTF16LE_BOM.length)), 'utf8');
  }

  private read(buffer: Buffer, final: boolean, onRecord: () => void): void {
    let pos = 0;
    this.buffer = buffer;
    const length = buffer.length;
    let nextQuote = this.quote < 0 ? length : buffer.indexOf(this.quote, pos);
    if (nextQuote < 0) nextQuote = length;
    while (pos < length) {
      if (nextQuote < pos) {
        nextQuote = buffer.indexOf(this.quote, pos);
        if (nextQuote < 0) nextQuote = length;
      }
      const line = this.nextLine;
      const next = this.plainLine(buffer, pos, nextQuote) || this.record(buffer, pos, final);
      if (next < 0) break;
      this.line = line;
      onRecord();
      pos = next;
    }
    if (pos < length) {
      if (length - pos > MAX_RECORD_BYTES) throw new DelimitedStructureError(this.nextLine, `a line longer than ${MAX_RECORD_BYTES} bytes: this is not a statement`);
      this.rest = buffer.subarray(pos);
    } else this.rest = null;
  }

  /**
   * Nearly every line: no quote before its LF, and the file's line end known to be LF or CRLF.
   * Splits it at each delimiter and returns where the next record starts, or 0 for anything else.
   */
  private plainLine(buffer: Buffer, pos: number, nextQuote: number): number {
    const breaks = this.breaks;
    if (breaks !== Breaks.LF && breaks !== Breaks.CRLF) return 0;
    const lf = buffer.indexOf(LF, pos);
    if (lf < 0 || nextQuote < lf) return 0;
    let end = lf;
    if (breaks === Breaks.CRLF) {
      // A lone LF is data in a CRLF file: the general path reads on past it.
      if (lf === pos || buffer[lf - 1] !== CR) return 0;
      end = lf - 1;
    }
    const d = this.delimiter;
    let k = 0;
    let start = pos;
    for (let p = pos; p < end; p++) {
      if (buffer[p] !== d) continue;
      this.field(k++, start, p, Field.PLAIN);
      start = p + 1;
    }
    this.field(k++, start, end, Field.PLAIN);
    this.count = k;
    this.nextLine++;
    return lf + 1;
  }

  /**
   * Any record, byte by byte: quoted fields, line ends inside them, the first line end of the file.
   * Returns where the next record starts, or -1 when the buffer ends first (and more may come).
   */
  private record(buffer: Buffer, pos: number, final: boolean): number {
    const { delimiter: d, quote: q } = this;
    const length = buffer.length;
    // Line ends inside fields: the next record starts that many lines further down.
    let inner = 0;
    let k = 0;
    let p = pos;
    for (;;) {
      let kind = Field.PLAIN;
      let start = p;
      let end: number;
      if (q >= 0 && p < length && buffer[p] === q) {
        start = p + 1;
        kind = Field.QUOTED;
        let s = start;
        for (;;) {
          const close = buffer.indexOf(q, s);
          if (close < 0 || (close + 1 === length && !final)) {
            if (final) throw new DelimitedStructureError(this.nextLine, `a quoted field opened on line ${this.nextLine} is never closed`);
            return -1;
          }
          if (buffer[close + 1] === q) {
            kind = Field.ESCAPED;
            s = close + 2;
            continue;
          }
          end = close;
          p = close + 1;
          break;
        }
        for (let x = start; x < end; x++) if (buffer[x] === LF) inner++;
        if (p < length && buffer[p] !== d) {
          const size = this.lineEnd(buffer, p, final);
          if (size < 0) return -1;
          if (size === 0) {
            throw new DelimitedStructureError(
              this.nextLine,
              `field ${k + 1} of the record on line ${this.nextLine} goes on after its closing quote (${JSON.stringify(String.fromCharCode(buffer[p]))}): a quote inside a field must be doubled`,
            );
          }
        }
      } else {
        for (;;) {
          while (p < length) {
            const c = buffer[p];
            if (c === d || c === LF || c === CR || c === q) break;
            p++;
          }
          if (p === length || buffer[p] !== q) {
            const size = p < length && buffer[p] !== d ? this.lineEnd(buffer, p, final) : 1;
            if (size < 0) return -1;
            if (size === 0) {
              // A line-end byte that is not the file's line end: data.
              if (buffer[p] === LF) inner++;
              p++;
              continue;
            }
          } else {
            throw new DelimitedStructureError(
              this.nextLine,
              `field ${k + 1} of the record on line ${this.nextLine} has a quote inside it: a field holding a quote must be quoted whole, its quotes doubled`,
            );
          }
          break;
        }
        if (p === length && !final) return -1;
        end = p;
      }
      this.field(k++, start, end, kind);
      if (p === length) {
        this.count = k;
        this.nextLine += 1 + inner;
        return p;
      }
      if (buffer[p] === d) {
        p++;
        continue;
      }
      const size = this.lineEnd(buffer, p, final);
      this.count = k;
      this.nextLine += 1 + inner;
      return p + size;
    }
  }

  /**
   * The size of the file's line end at p (the first one seen sets it: CRLF, LF or CR), 0 for a
   * line-end byte that is data (a CR in an LF file, say), -1 when the next chunk must say.
   */
  private lineEnd(buffer: Buffer, p: number, final: boolean): number {
    const c = buffer[p];
    if (c !== LF && c !== CR) return 0;
    const more = p + 1 < buffer.length;
    switch (this.breaks) {
      case Breaks.LF:
        return c === LF ? 1 : 0;
      case Breaks.CR:
        return c === CR ? 1 : 0;
      case Breaks.CRLF:
        if (c !== CR) return 0;
        if (!more) return final ? 0 : -1;
        return buffer[p + 1] === LF ? 2 : 0;
      case Breaks.UNKNOWN:
        if (c === LF) {
          this.breaks = Breaks.LF;
          return 1;
        }
        if (!more && !final) return -1;
        this.breaks = more && buffer[p + 1] === LF ? Breaks.CRLF : Breaks.CR;
        return this.breaks === Breaks.CRLF ? 2 : 1;
    }
  }

  private field(k: number, start: number, end: number, kind: Field): void {
    if (k === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T) => {
        const next = make(a.length * 2);
        next.set(a);
        return next;
      };
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
      this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    }
    this.starts[k] = start;
    this.ends[k] = end;
    this.kinds[k] = kind;
  }
}
