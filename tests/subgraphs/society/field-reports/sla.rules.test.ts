import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VIETNAM_OFFSET_MS } from '../../../../core/time.js';
import { addWorkingDays } from '../../../../subgraphs/society/field-reports/sla.rules.js';

const DAY_MS = 86_400_000;
/** Day of the week in Vietnam: 0 Sunday … 6 Saturday. */
const weekday = (d: Date) => new Date(d.getTime() + VIETNAM_OFFSET_MS).getUTCDay();
const isWorkingDay = (d: Date) => weekday(d) !== 0 && weekday(d) !== 6;
/** Working days after `from` up to and including `to`, counted day by day. */
function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let t = from.getTime() + DAY_MS; t <= to.getTime(); t += DAY_MS) if (isWorkingDay(new Date(t))) count++;
  return count;
}

const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
const days = fc.integer({ min: 0, max: 60 });

describe('society: working-day arithmetic (Monday–Friday, Asia/Ho_Chi_Minh)', () => {
  it('counts from Friday afternoon to Monday, and from a Saturday to the next Friday', () => {
    expect(addWorkingDays(new Date('2026-11-27T15:00:00+07:00'), 1).toISOString()).toBe(new Date('2026-11-30T15:00:00+07:00').toISOString());
    expect(addWorkingDays(new Date('2026-11-28T09:00:00+07:00'), 5).toISOString()).toBe(new Date('2026-12-04T09:00:00+07:00').toISOString());
    // 23:30 UTC on a Sunday is already Monday in Vietnam.
    expect(weekday(new Date('2026-11-29T23:30:00Z'))).toBe(1);
  });

  it('lands on a working day at the same time of day, exactly n working days later (property)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(from, n);
        expect((due.getTime() - from.getTime()) % DAY_MS).toBe(0);
        expect(isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(from, due)).toBe(n);
      }),
    );
  });

  it('adds up: n then m working days is n + m; zero is no change; at most two weekend days per five (property)', () => {
    fc.assert(
      fc.property(instant, days, days, (from, n, m) => {
        expect(addWorkingDays(addWorkingDays(from, n), m).getTime()).toBe(addWorkingDays(from, n + m).getTime());
        expect(addWorkingDays(from, 0).getTime()).toBe(from.getTime());
        const calendarDays = (addWorkingDays(from, n).getTime() - from.getTime()) / DAY_MS;
        expect(calendarDays).toBeGreaterThanOrEqual(n);
        expect(calendarDays).toBeLessThanOrEqual(n + 2 * Math.ceil(n / 5) + 2);
      }),
    );
  });
});
