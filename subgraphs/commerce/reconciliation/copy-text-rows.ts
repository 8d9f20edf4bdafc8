/**
 * The rows of PostgreSQL's COPY text format, read from its bytes as they arrive.
 *
 * Why: a million rows through node-postgres made an array (or object) and a string per field per
 * row before the caller copied them into a column table; the young generation filled with them,
 * and reading the ledger cost more than the statement that filled it. Here the caller reads each
 * row's fields in place, as it needs them (a number parsed from its digits, text decoded once),
 * and nothing is made per row.
 *
 * The format (COPY … TO STDOUT, text, no options): fields separated by a tab, rows ended by a
 * newline, NULL written \N, and in a field backslash written \\ and backspace, form feed, newline,
 * CR, tab and vertical tab as \b \f \n \r \t \v. None of those bytes is part of a multibyte UTF-8
 * character, so rows and fields are found on the bytes; a row is read only once its newline has
 * arrived, so a row or a character cut between chunks is whole by then.
 */

const TAB = 0x09;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;

/** A field holds a backslash: an escape, or the whole field \N. */
const ESCAPED = 1;
/** A field holds a byte of a multibyte character. */
const NON_ASCII = 2;

/** The byte each escape letter stands for; 0 for letters COPY TO does not write. */
const UNESCAPED = new Uint8Array(128);
UNESCAPED[BACKSLASH] = BACKSLASH;
UNESCAPED[0x62] = 0x08; // b
UNESCAPED[0x66] = 0x0c; // f
UNESCAPED[0x6e] = 0x0a; // n
UNESCAPED[0x72] = 0x0d; // r
UNESCAPED[0x74] = 0x09; // t
UNESCAPED[0x76] = 0x0b; // v

export class CopyTextRows {
  /** The buffer the current row lies in, and where each of its fields starts and ends there. */
  private buffer: Buffer = Buffer.alloc(0);
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly flags: Uint8Array;
  /** The start of a row whose newline has not arrived yet. */
  private pending: Buffer[] = [];
  /** Rows read so far. */
  rows = 0;

  /**
   * @param columns fields per row; a row with another count is an error
   * @param onRow called once per row, in order; it reads the row through `text`, `textOrNull`,
   * `integer` and `isNull`, which are valid only during the call
   */
  constructor(
    readonly columns: number,
    private readonly onRow: (row: CopyTextRows) => void,
  ) {
    this.starts = new Int32Array(columns);
    this.ends = new Int32Array(columns);
    this.flags = new Uint8Array(columns);
  }

  /** The next bytes of the COPY output. */
  push(chunk: Buffer): void {
    let from = 0;
    if (this.pending.length) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        this.pending.push(Buffer.from(chunk));
        return;
      }
      const row = Buffer.concat([...this.pending, chunk.subarray(0, newline + 1)]);
      this.pending = [];
      this.read(row, 0, row.length);
      from = newline + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= from) {
      this.read(chunk, from, last + 1);
      from = last + 1;
    }
    // Copied: the caller may reuse its buffer.
    if (from < chunk.length) this.pending.push(Buffer.from(chunk.subarray(from)));
  }

  /** The output has ended: an unfinished row is an error. */
  end(): void {
    if (this.pending.length) throw new Error(`COPY output ended inside row ${this.rows + 1}`);
  }

  /** Reads the whole rows of buffer[from, to), `to` just past a newline. */
  private read(buffer: Buffer, from: number, to: number): void {
    const { starts, ends, flags, columns } = this;
    this.buffer = buffer;
    let field = 0;
    let start = from;
    let flag = 0;
    for (let i = from; i < to; i++) {
      const b = buffer[i];
      if (b > BACKSLASH) {
        if (b >= 0x80) flag |= NON_ASCII;
      } else if (b === BACKSLASH) flag |= ESCAPED;
      else if (b === TAB || b === NEWLINE) {
        if (field === columns) throw new Error(`COPY row ${this.rows + 1} has more than ${columns} fields`);
        starts[field] = start;
        ends[field] = i;
        flags[field] = flag;
        field++;
        start = i + 1;
        flag = 0;
        if (b === NEWLINE) {
          if (field !== columns) throw new Error(`COPY row ${this.rows + 1} has ${field} fields, not ${columns}`);
          this.rows++;
          this.onRow(this);
          field = 0;
        }
      }
    }
  }

  /** The bytes the current row lies in: field k is bytes[fieldStart(k), fieldEnd(k)), its text as is when isPlain(k). */
  get bytes(): Buffer {
    return this.buffer;
  }

  fieldStart(k: number): number {
    return this.starts[k];
  }

  fieldEnd(k: number): number {
    return this.ends[k];
  }

  /** Field k holds no backslash: its bytes are its UTF-8 text (not NULL, nothing escaped). */
  isPlain(k: number): boolean {
    return (this.flags[k] & ESCAPED) === 0;
  }

  /** Field k of the current row is NULL. */
  isNull(k: number): boolean {
    const start = this.starts[k];
    return (this.flags[k] & ESCAPED) !== 0 && this.ends[k] - start === 2 && this.buffer[start] === BACKSLASH && this.buffer[start + 1] === 0x4e;
  }

  /** Field k as text, or null. */
  textOrNull(k: number): string | null {
    return this.isNull(k) ? null : this.text(k);
  }

  /** Field k as text; NULL is an error. */
  text(k: number): string {
    const flag = this.flags[k];
    if (flag === 0) return this.buffer.toString('latin1', this.starts[k], this.ends[k]);
    if (!(flag & ESCAPED)) return this.buffer.toString('utf8', this.starts[k], this.ends[k]);
    if (this.isNull(k)) throw new Error(`COPY row ${this.rows}: field ${k + 1} is NULL`);
    return this.unescaped(k);
  }

  private unescaped(k: number): string {
    const buffer = this.buffer;
    const end = this.ends[k];
    // Each escape is two bytes for one.
    const out = Buffer.allocUnsafe(end - this.starts[k]);
    let at = 0;
    for (let i = this.starts[k]; i < end; i++) {
      const b = buffer[i];
      if (b !== BACKSLASH) {
        out[at++] = b;
        continue;
      }
      const letter = ++i < end ? buffer[i] : 0;
      const byte = letter < 0x80 ? UNESCAPED[letter] : 0;
      if (!byte) throw new Error(`COPY row ${this.rows}: field ${k + 1} holds an escape COPY TO does not write (\\${String.fromCharCode(letter)})`);
      out[at++] = byte;
    }
    return out.toString('utf8', 0, at);
  }

  /** Field k as an integer (an optional minus sign, then decimal digits), exact up to 2^53; anything else is an error. */
  integer(k: number): number {
    const buffer = this.buffer;
    const end = this.ends[k];
    let i = this.starts[k];
    const negative = i < end && buffer[i] === MINUS;
    if (negative) i++;
    if (i === end) throw new Error(`COPY row ${this.rows}: field ${k + 1} is not an integer`);
    let value = 0;
    for (; i < end; i++) {
      const digit = buffer[i] - ZERO;
      if (digit < 0 || digit > 9) throw new Error(`COPY row ${this.rows}: field ${k + 1} is not an integer`);
      value = value * 10 + digit;
    }
    if (value > Number.MAX_SAFE_INTEGER) throw new RangeError(`COPY row ${this.rows}: field ${k + 1} is beyond 2^53`);
    return negative ? -value : value;
  }
}
