import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedStrings } from '../../../../subgraphs/commerce/reconciliation/packed-strings.js';
import { StringIndex, stringHash } from '../../../../subgraphs/commerce/reconciliation/string-index.js';

describe('packed id column', () => {
  it('gives back every string pushed, in order, across growth of its buffers (non-ASCII, empty, long)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 300 }), (values) => {
        const column = new PackedStrings();
        for (const v of values) column.push(v);
        expect(column.length).toBe(values.length);
        expect(values.map((_, i) => column.get(i))).toEqual(values);
      }),
    );
  });

  it('holds texts given as UTF-8 bytes exactly as the strings pushed (short and long, across growth, mixed with push)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 200 })), fc.boolean()), { maxLength: 300 }), (values) => {
        const byBytes = new PackedStrings();
        const byStrings = new PackedStrings();
        for (const [v, asBytes] of values) {
          // In the middle of a larger buffer, as a field of a COPY row is.
          const bytes = Buffer.from(`\t${v}\n`, 'utf8');
          if (asBytes) byBytes.pushBytes(bytes, 1, bytes.length - 1);
          else byBytes.push(v);
          byStrings.push(v);
        }
        expect(byBytes.length).toBe(values.length);
        values.forEach(([v], i) => {
          expect(byBytes.get(i)).toBe(v);
          expect(byBytes.hash(i)).toBe(byStrings.hash(i));
          expect(byBytes.sameTextAs(i, byStrings, i)).toBe(true);
        });
      }),
    );
  });

  it('holds 100,000 transaction ids (past its first 64 KB and 1,024 rows) and refuses a row it does not have', () => {
    const column = new PackedStrings();
    for (let i = 0; i < 100_000; i++) column.push(i % 997 === 0 ? `GD-Đức-${i}` : `VTM${String(i).padStart(12, '0')}`);
    expect(column.get(0)).toBe('GD-Đức-0');
    expect(column.get(1)).toBe('VTM000000000001');
    expect(column.get(99_999)).toBe('VTM000000099999');
    expect(column.get(997 * 100)).toBe(`GD-Đức-${997 * 100}`);
    expect(() => column.get(100_000)).toThrow(RangeError);
    expect(() => column.get(-1)).toThrow(RangeError);
  });

  it('compares and hashes rows in place exactly as the strings would (ASCII, non-ASCII, prefixes, lengths)', () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('DH-1', 'DH-10', 'Đ', 'D', 'é', 'é'));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), fc.array(text, { maxLength: 20 }), (values, keys) => {
        const column = new PackedStrings();
        for (const v of values) column.push(v);
        values.forEach((v, i) => {
          expect(column.hash(i)).toBe(stringHash(v));
          for (const key of [...keys, ...values]) expect(column.matches(i, key)).toBe(v === key);
        });
        // The index over the packed column finds the first row of each value, also after growing.
        const index = new StringIndex(column, 1);
        values.forEach((v, i) => index.addIfAbsent(v, i));
        for (const key of [...keys, ...values]) expect(index.get(key)).toBe(values.indexOf(key));
      }),
    );
  });

  it('indexes its own rows in place as the strings would: the first row of each text, every later equal row found', () => {
    const text = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom('T1', 'T10', 'Đ', 'é', 'é', ''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60 }), (values) => {
        const column = new PackedStrings();
        for (const v of values) column.push(v);
        values.forEach((v, i) => values.forEach((w, j) => expect(column.sameText(i, j)).toBe(v === w)));
        const index = new StringIndex(column, 1);
        // -1 for the first of each text, else that first row: what the matcher's duplicate step reads.
        values.forEach((v, i) => expect(index.addRowIfAbsent(i)).toBe(values.indexOf(v) === i ? -1 : values.indexOf(v)));
        for (const v of values) expect(index.get(v)).toBe(values.indexOf(v));
      }),
    );
  });

  it('holds the same texts in resizable buffers, reserved ahead, trimmed, passed on as state and compared across columns', () => {
    const text = fc.oneof(fc.string({ maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 5 }), fc.constantFrom('DH-1', 'DH-10', 'Đ', ''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 200 }), fc.boolean(), fc.nat({ max: 300 }), (values, releasable, reserveAt) => {
        const column = new PackedStrings(releasable);
        const plain = new PackedStrings();
        values.forEach((v, i) => {
          if (i === reserveAt) column.reserve(values.length, 2);
          column.push(v);
          plain.push(v);
        });
        column.trim();
        const copy = PackedStrings.from(structuredClone(column.state()));
        for (const c of [column, copy]) {
          expect(values.map((_, i) => c.get(i))).toEqual(values);
          values.forEach((v, i) => {
            expect(c.hash(i)).toBe(stringHash(v));
            values.forEach((w, j) => expect(c.sameTextAs(i, plain, j)).toBe(v === w));
          });
        }
        // Rows copied byte for byte into another column, found by an index over it without a string.
        const picked = new PackedStrings();
        values.forEach((_, i) => picked.pushRowOf(copy, i));
        expect(values.map((_, i) => picked.get(i))).toEqual(values);
        const index = new StringIndex(plain, 1);
        values.forEach((v, i) => index.addIfAbsent(v, i));
        values.forEach((v, i) => expect(index.getRowOf(copy, i)).toBe(values.indexOf(v)));
        copy.release();
        expect(copy.length).toBe(0);
      }),
    );
  });

  it('gives the memory of a releasable column back at once', () => {
    const column = new PackedStrings(true);
    for (let i = 0; i < 100_000; i++) column.push(`DH-${i}`);
    const { bytes, ends } = column.state();
    expect(bytes.buffer.resizable && ends.buffer.resizable).toBe(true);
    column.release();
    expect([bytes.buffer.byteLength, ends.buffer.byteLength]).toEqual([0, 0]);
  });
});
