import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedStrings } from '../../../../subgraphs/commerce/reconciliation/packed-strings.js';

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
});
