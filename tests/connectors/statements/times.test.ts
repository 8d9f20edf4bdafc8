import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowError } from '../../../connectors/statements/row-error.js';
import { VIETNAM_OFFSET_MINUTES, WallClockLayout } from '../../../connectors/statements/times.js';

/** How the readers decided before the layouts: a regular expression, then Date.UTC read back. */
function byDate(match: RegExpExecArray | null, order: [number, number, number, number, number, number?], offsetMinutes: number): number | null {
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = order.map((g) => +match[g!]);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hour <= 23 && minute <= 59 && second <= 59;
  return real ? ms - offsetMinutes * 60_000 : Number.NaN;
}

const LAYOUTS = [
  { layout: new WallClockLayout('dd/MM/yyyy HH:mm:ss', VIETNAM_OFFSET_MINUTES), re: /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/, order: [3, 2, 1, 4, 5, 6], offset: VIETNAM_OFFSET_MINUTES },
  { layout: new WallClockLayout('dd-MM-yyyy HH:mm', VIETNAM_OFFSET_MINUTES), re: /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/, order: [3, 2, 1, 4, 5], offset: VIETNAM_OFFSET_MINUTES },
  { layout: new WallClockLayout('yyyyMMddHHmmss', 0), re: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, order: [1, 2, 3, 4, 5, 6], offset: 0 },
] as const;

const two = (n: number) => String(n).padStart(2, '0');

describe('wall-clock layouts', () => {
  it('read a time as the regular expression and Date read-back did (real, rolled-over and malformed texts)', () => {
    const parts = fc.record({
      year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1999, max: 2101 }), fc.integer({ min: 96, max: 104 }), fc.constantFrom(1600, 1700, 1900, 2000, 2100, 2400)),
      month: fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 })),
      day: fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 27, max: 32 })),
      hour: fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 22, max: 25 })),
      minute: fc.integer({ min: 0, max: 99 }),
      second: fc.integer({ min: 0, max: 99 }),
    });
    fc.assert(
      fc.property(parts, fc.nat(2), fc.option(fc.tuple(fc.nat(20), fc.constantFrom(...'0 /-:x٣')), { nil: undefined }), (p, which, damage) => {
        const { layout, re, order, offset } = LAYOUTS[which];
        const values: Record<string, string> = { yyyy: String(p.year).padStart(4, '0'), MM: two(p.month), dd: two(p.day), HH: two(p.hour), mm: two(p.minute), ss: two(p.second) };
        let text = layout.pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (f) => values[f]);
        if (damage) text = text.slice(0, damage[0]) + damage[1] + text.slice(damage[0] + 1);
        const expected = byDate(re.exec(text), [...order] as [number, number, number, number, number, number?], offset);
        expect(layout.ms(text)).toStrictEqual(expected);
        // The same text read as bytes where it lies in a record (a multi-byte character makes it longer than the layout).
        const bytes = Buffer.from(`,${text},`, 'utf8');
        expect(layout.msOf(bytes, 1, bytes.length - 1)).toStrictEqual(expected);
      }),
      { numRuns: 50_000 },
    );
  });

  it('read rows of the same few days as the definition does, whatever came before (real and impossible dates and times in any order)', () => {
    // Each layout remembers the last date it read: a run of rows on a few dates, some impossible
    // (31/11, 29/02 of a common year, 00/…) or with an impossible time, must read as each alone.
    const row = fc.record({
      date: fc.constantFrom<[number, number, number]>([2026, 11, 1], [2026, 11, 30], [2026, 11, 31], [2026, 12, 1], [2028, 2, 29], [2027, 2, 29], [2026, 0, 5], [2026, 5, 0], [1999, 12, 31], [2000, 1, 1]),
      hour: fc.constantFrom(0, 7, 23, 24),
      minute: fc.constantFrom(0, 59, 60),
      second: fc.constantFrom(0, 30, 59, 60),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.nat(2), (rows, which) => {
        const { re, order, offset } = LAYOUTS[which];
        const layout = new WallClockLayout(LAYOUTS[which].layout.pattern, offset);
        for (const r of rows) {
          const [year, month, day] = r.date;
          const values: Record<string, string> = { yyyy: String(year), MM: two(month), dd: two(day), HH: two(r.hour), mm: two(r.minute), ss: two(r.second) };
          const text = layout.pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (f) => values[f]);
          const bytes = Buffer.from(text, 'latin1');
          expect(layout.msOf(bytes, 0, bytes.length), text).toStrictEqual(byDate(re.exec(text), [...order] as [number, number, number, number, number, number?], offset));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('say what is wrong, naming the column', () => {
    const { layout } = LAYOUTS[0];
    expect(layout.read('01/11/2026 08:15:30', 'T')).toBe(Date.parse('2026-11-01T01:15:30Z'));
    expect(() => layout.read('31/11/2026 08:15:30', 'T')).toThrow(new RowError('T "31/11/2026 08:15:30" is not a real date and time'));
    expect(() => layout.read('01/11/0026 08:15:30', 'T')).toThrow(new RowError('T "01/11/0026 08:15:30" is not a real date and time'));
    expect(() => layout.read('1/11/2026 08:15:30', 'T')).toThrow(new RowError('T "1/11/2026 08:15:30" is not dd/MM/yyyy HH:mm:ss'));
    expect(() => LAYOUTS[2].layout.read('2026110108153', 'T', 'yyyyMMddHHmmss (UTC)')).toThrow(new RowError('T "2026110108153" is not yyyyMMddHHmmss (UTC)'));
  });
});
