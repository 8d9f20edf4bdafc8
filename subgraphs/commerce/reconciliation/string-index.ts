/** FNV-1a over UTF-16 units: the hash StringIndex and its columns agree on. */
export function stringHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A string column as the index reads it: compared and hashed in place (a packed column builds no string per probe). */
export interface KeyColumn {
  /** True when `row` holds `key`. */
  matches(row: number, key: string): boolean;
  /** stringHash of the row's value. */
  hash(row: number): number;
  /** True when rows a and b hold the same text (compared in place, no string made). */
  sameText(a: number, b: number): boolean;
  /** True when `row` here and row `at` of `other`, a column of the same kind, hold the same text. */
  sameTextAs?(row: number, other: KeyColumn, at: number): boolean;
}

/**
 * A hash index from a string to the first row holding it, over a string column the caller already
 * keeps (read through `column`, so the column may be packed): an open-addressing table of row
 * numbers in one Int32Array (4–8 bytes a row) instead of a Map entry per row (~35 bytes), which
 * matters at a million rows.
 */
export class StringIndex {
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  constructor(
    private readonly column: KeyColumn,
    expected = 1024,
  ) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** The first row holding `key`, or -1. */
  get(key: string): number {
    let slot = stringHash(key) & this.mask;
    for (;;) {
      const row = this.slots[slot];
      if (row < 0) return -1;
      if (this.column.matches(row, key)) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * The first row holding the text of row `at` of `other`, a column of the same kind as this
   * index's own (packed: hashed and compared as bytes, no string made).
   */
  getRowOf(other: KeyColumn, at: number): number {
    const column = this.column;
    if (!column.sameTextAs) throw new Error('getRowOf needs an index over a column that compares with another in place');
    let slot = other.hash(at) & this.mask;
    for (;;) {
      const row = this.slots[slot];
      if (row < 0) return -1;
      if (column.sameTextAs(row, other, at)) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Records `row` (whose value is `key`) unless the key is known; returns the first row holding it, or -1 when `row` was added. */
  addIfAbsent(key: string, row: number): number {
    let slot = stringHash(key) & this.mask;
    for (;;) {
      const existing = this.slots[slot];
      if (existing < 0) break;
      if (this.column.matches(existing, key)) return existing;
      slot = (slot + 1) & this.mask;
    }
    this.slots[slot] = row;
    if (++this.size * 2 > this.slots.length) this.grow();
    return -1;
  }

  /**
   * As addIfAbsent with the column's own row as the key: hashed and compared in place, so indexing
   * a million transaction ids makes no string.
   */
  addRowIfAbsent(row: number): number {
    let slot = this.column.hash(row) & this.mask;
    for (;;) {
      const existing = this.slots[slot];
      if (existing < 0) break;
      if (this.column.sameText(existing, row)) return existing;
      slot = (slot + 1) & this.mask;
    }
    this.slots[slot] = row;
    if (++this.size * 2 > this.slots.length) this.grow();
    return -1;
  }

  /** Room for `expected` keys without growing (each growth leaves the old table to a full collection). */
  reserve(expected: number): void {
    let capacity = this.slots.length;
    while (capacity < expected * 2) capacity *= 2;
    if (capacity > this.slots.length) this.grow(capacity);
  }

  private grow(capacity = this.slots.length * 2): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = this.slots.length - 1;
    for (const row of old) {
      if (row < 0) continue;
      let slot = this.column.hash(row) & this.mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = row;
    }
  }
}
