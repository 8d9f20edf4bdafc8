import type { JsonBytes } from './json-bytes.js';
import { stringHash, type KeyColumn } from './string-index.js';

/** A PackedStrings as plain data, to pass to another thread (structured clone; its buffers transferable). */
export interface PackedStringsState {
  bytes: Uint8Array<ArrayBuffer>;
  ends: Uint32Array<ArrayBuffer>;
  used: number;
  count: number;
}

/**
 * A column of short strings (transaction ids, expected-payment ids, references) as UTF-8 bytes in
 * one growing buffer plus an end offset per row: about length + 4 bytes a row instead of a heap
 * string and a pointer (40–70 bytes), which matters at a million rows. A string is rebuilt when
 * read; `matches` and `hash` work on the bytes, so a hash index over the column (StringIndex)
 * probes it without building a string per probe.
 */
/** How far a releasable column may grow: address space reserved, not memory. */
const MAX_RELEASABLE_BYTES = 2 ** 31 - 1;

export class PackedStrings implements KeyColumn {
  private bytes: Buffer<ArrayBuffer>;
  private ends: Uint32Array<ArrayBuffer>;
  private used = 0;
  private count = 0;

  /**
   * @param releasable the column lives in resizable buffers, which grow in place and which
   * release() gives back at once: for a column that is dropped long before the process ends (a
   * statement's references once the ledger's replace them), whose memory a full collection would
   * otherwise free only some time later. Reading it costs a little more.
   */
  constructor(private readonly releasable = false) {
    this.bytes = Buffer.from(this.buffer(64 * 1024));
    this.ends = new Uint32Array(this.buffer(1024 * 4));
  }

  private buffer(size: number): ArrayBuffer {
    return this.releasable ? new ArrayBuffer(size, { maxByteLength: MAX_RELEASABLE_BYTES }) : new ArrayBuffer(size);
  }

  /** Bytes room for `size` in all, keeping what is there. */
  private growBytes(size: number): void {
    const buffer = this.bytes.buffer;
    if (buffer.resizable) {
      buffer.resize(size);
      this.bytes = Buffer.from(buffer, 0, size);
      return;
    }
    const next = Buffer.allocUnsafe(size);
    this.bytes.copy(next, 0, 0, this.used);
    this.bytes = next;
  }

  /** Room for `rows` ends in all, keeping what is there. */
  private growEnds(rows: number): void {
    const buffer = this.ends.buffer;
    if (buffer.resizable) {
      buffer.resize(rows * 4);
      this.ends = new Uint32Array(buffer, 0, rows);
      return;
    }
    const next = new Uint32Array(rows);
    next.set(this.ends.subarray(0, this.count));
    this.ends = next;
  }

  get length(): number {
    return this.count;
  }

  /** The column as plain data (its buffers, not copies: the column must not be used afterwards). */
  state(): PackedStringsState {
    return { bytes: this.bytes, ends: this.ends, used: this.used, count: this.count };
  }

  /** Empties the column and, for a releasable one, gives its memory back now (13 MB at a million references). */
  release(): void {
    for (const buffer of [this.bytes.buffer, this.ends.buffer]) if (buffer.resizable) buffer.resize(0);
    this.bytes = Buffer.alloc(0) as Buffer<ArrayBuffer>;
    this.ends = new Uint32Array(0);
    this.used = 0;
    this.count = 0;
  }

  /** A column from state() of one made elsewhere (another thread). */
  static from(state: PackedStringsState): PackedStrings {
    const column = new PackedStrings(state.bytes.buffer.resizable);
    column.bytes = Buffer.from(state.bytes.buffer, state.bytes.byteOffset, state.bytes.byteLength);
    column.ends = state.ends;
    column.used = state.used;
    column.count = state.count;
    return column;
  }

  push(value: string): void {
    if (!this.pushAscii(value)) this.pushUtf8(value);
    if (this.count === this.ends.length) this.growEnds(this.ends.length * 2);
    this.ends[this.count++] = this.used;
  }

  /**
   * Copies an ASCII value a unit a byte, when it fits without growing; false for anything else
   * (nothing is counted as used then). Ids are short ASCII: a loop here costs less than
   * Buffer.byteLength and Buffer.write, a million times each.
   */
  private pushAscii(value: string): boolean {
    const bytes = this.bytes;
    const at = this.used;
    if (at + value.length > bytes.length) return false;
    for (let k = 0; k < value.length; k++) {
      const c = value.charCodeAt(k);
      if (c >= 0x80) return false;
      bytes[at + k] = c;
    }
    this.used = at + value.length;
    return true;
  }

  /** Appends the text whose UTF-8 bytes are source[start, end) (a field read in place), no string made. */
  pushBytes(source: Uint8Array, start: number, end: number): void {
    const size = end - start;
    if (this.used + size > this.bytes.length) this.growBytes(Math.max(this.bytes.length * 2, this.used + size));
    const bytes = this.bytes;
    const at = this.used;
    // Short texts (ids, references): a loop costs less than a native copy's call.
    if (size < 64) for (let k = 0; k < size; k++) bytes[at + k] = source[start + k];
    else bytes.set(source.subarray(start, end), at);
    this.used = at + size;
    if (this.count === this.ends.length) this.growEnds(this.ends.length * 2);
    this.ends[this.count++] = this.used;
  }

  private pushUtf8(value: string): void {
    const need = Buffer.byteLength(value, 'utf8');
    if (this.used + need > this.bytes.length) this.growBytes(Math.max(this.bytes.length * 2, this.used + need));
    this.used += this.bytes.write(value, this.used, 'utf8');
  }

  get(i: number): string {
    if (i < 0 || i >= this.count) throw new RangeError(`row ${i} of ${this.count}`);
    return this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  /** Row i as a JSON string into `out`, from its bytes when nothing in it needs escaping (no string made). */
  writeJson(i: number, out: JsonBytes): void {
    if (i < 0 || i >= this.count) throw new RangeError(`row ${i} of ${this.count}`);
    if (!out.utf8String(this.bytes, i === 0 ? 0 : this.ends[i - 1], this.ends[i])) out.string(this.get(i));
  }

  /** True when row i holds `key`. ASCII is compared byte by byte; other text through the decoded string. */
  matches(i: number, key: string): boolean {
    const start = i === 0 ? 0 : this.ends[i - 1];
    const size = this.ends[i] - start;
    // UTF-8 takes at least one byte per UTF-16 unit, exactly one for ASCII only.
    if (size < key.length) return false;
    if (size === key.length) {
      for (let k = 0; k < size; k++) {
        const c = key.charCodeAt(k);
        if (c >= 0x80) return false;
        if (this.bytes[start + k] !== c) return false;
      }
      return true;
    }
    return this.get(i) === key;
  }

  /** Rows a and b hold the same text: the same UTF-8 bytes (the texts come from decoded UTF-8, so no lone surrogate makes two texts one). */
  sameText(a: number, b: number): boolean {
    return PackedStrings.sameBytes(this, a, this, b);
  }

  /** Row i here and row j of `other` hold the same text (compared as bytes, as sameText). */
  sameTextAs(i: number, other: KeyColumn, j: number): boolean {
    if (!(other instanceof PackedStrings)) throw new Error('a packed column compares in place only with another packed column');
    return PackedStrings.sameBytes(this, i, other, j);
  }

  private static sameBytes(x: PackedStrings, i: number, y: PackedStrings, j: number): boolean {
    const startX = i === 0 ? 0 : x.ends[i - 1];
    const startY = j === 0 ? 0 : y.ends[j - 1];
    const size = x.ends[i] - startX;
    if (y.ends[j] - startY !== size) return false;
    for (let k = 0; k < size; k++) if (x.bytes[startX + k] !== y.bytes[startY + k]) return false;
    return true;
  }

  /** Appends row j of `other`, byte for byte. */
  pushRowOf(other: PackedStrings, j: number): void {
    const start = j === 0 ? 0 : other.ends[j - 1];
    const size = other.ends[j] - start;
    if (this.used + size > this.bytes.length) this.growBytes(Math.max(this.bytes.length * 2, this.used + size));
    other.bytes.copy(this.bytes, this.used, start, start + size);
    this.used += size;
    if (this.count === this.ends.length) this.growEnds(this.ends.length * 2);
    this.ends[this.count++] = this.used;
  }

  /** stringHash of row i: computed on the bytes when they are ASCII (the same units), else on the decoded string. */
  hash(i: number): number {
    const start = i === 0 ? 0 : this.ends[i - 1];
    const end = this.ends[i];
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) {
      const b = this.bytes[k];
      if (b >= 0x80) return stringHash(this.get(i));
      h = Math.imul(h ^ b, 0x01000193);
    }
    return h >>> 0;
  }

  /** Room for `rows` rows and for the rows to come at `factor` times the bytes held so far (PaymentTable.reserve). */
  reserve(rows: number, factor: number): void {
    if (rows > this.ends.length) this.growEnds(rows);
    const bytes = Math.ceil(this.used * factor);
    if (bytes > this.bytes.length) this.growBytes(bytes);
  }

  /**
   * Gives back the room kept for growth once the column is complete (up to half of it at a million
   * rows). A column within a sixteenth of its size (reserved ahead) stays: a copy would only add
   * garbage.
   */
  trim(): void {
    if (this.bytes.length - this.used > this.used / 16) {
      if (this.bytes.buffer.resizable) this.growBytes(this.used);
      else {
        const exact = Buffer.allocUnsafeSlow(this.used);
        this.bytes.copy(exact, 0, 0, this.used);
        this.bytes = exact;
      }
    }
    if (this.ends.length - this.count > this.count / 16) {
      if (this.ends.buffer.resizable) this.growEnds(this.count);
      else this.ends = this.ends.slice(0, this.count);
    }
  }
}
