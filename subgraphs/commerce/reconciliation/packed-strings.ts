import type { JsonBytes } from './json-bytes.js';
import { stringHash } from './string-index.js';

/**
 * A column of short strings (transaction ids, expected-payment ids, references) as UTF-8 bytes in
 * one growing buffer plus an end offset per row: about length + 4 bytes a row instead of a heap
 * string and a pointer (40–70 bytes), which matters at a million rows. A string is rebuilt when
 * read; `matches` and `hash` work on the bytes, so a hash index over the column (StringIndex)
 * probes it without building a string per probe.
 */
export class PackedStrings {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private ends = new Uint32Array(1024);
  private used = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: string): void {
    if (!this.pushAscii(value)) this.pushUtf8(value);
    if (this.count === this.ends.length) {
      const next = new Uint32Array(this.ends.length * 2);
      next.set(this.ends);
      this.ends = next;
    }
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

  private pushUtf8(value: string): void {
    const need = Buffer.byteLength(value, 'utf8');
    if (this.used + need > this.bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + need));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
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
    const startA = a === 0 ? 0 : this.ends[a - 1];
    const startB = b === 0 ? 0 : this.ends[b - 1];
    const size = this.ends[a] - startA;
    if (this.ends[b] - startB !== size) return false;
    for (let k = 0; k < size; k++) if (this.bytes[startA + k] !== this.bytes[startB + k]) return false;
    return true;
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

  /** Gives back the room kept for growth once the column is complete (up to half of it at a million rows). */
  trim(): void {
    if (this.bytes.length > this.used) {
      const exact = Buffer.allocUnsafeSlow(this.used);
      this.bytes.copy(exact, 0, 0, this.used);
      this.bytes = exact;
    }
    if (this.ends.length > this.count) this.ends = this.ends.slice(0, this.count);
  }
}
