/**
 * A column of short strings (transaction ids, expected-payment ids) as UTF-8 bytes in one growing
 * buffer plus an end offset per row: about length + 4 bytes a row instead of a heap string and a
 * pointer (40–70 bytes), which matters at a million rows. A string is rebuilt when read; matching
 * reads ids only to break ties and to write items, once each.
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
    const need = Buffer.byteLength(value, 'utf8');
    if (this.used + need > this.bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + need));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    this.used += this.bytes.write(value, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const next = new Uint32Array(this.ends.length * 2);
      next.set(this.ends);
      this.ends = next;
    }
    this.ends[this.count++] = this.used;
  }

  get(i: number): string {
    if (i < 0 || i >= this.count) throw new RangeError(`row ${i} of ${this.count}`);
    return this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }
}
