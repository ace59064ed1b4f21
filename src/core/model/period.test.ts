import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInMonth, isIsoDate } from './period.js';

// Reference arithmetic in UTC milliseconds, independent of date-fns and of the local time zone.
const pad = (n: number, w: number) => String(n).padStart(w, '0');
function utcDate(y: number, m: number, d: number): string {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}
const utcDays = (y: number, m: number) => {
  const t = new Date(0);
  t.setUTCFullYear(y, m, 0);
  return t.getUTCDate();
};

// Years far enough from 1 and 9999 that adding 800 days or 60 months stays in four digits.
const date = fc.record({ y: fc.integer({ min: 6, max: 9993 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }).filter(({ y, m, d }) => d <= utcDays(y, m));

describe('period arithmetic (date-fns)', () => {
  it('knows the days of every month, leap years included', () => {
    expect([2003, 2004, 1900, 2000, 0, -4, 10000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29, 29, 29, 29]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => daysInMonth(y, m) === utcDays(y, m)));
  });

  it('tells real dates from impossible ones', () => {
    expect(['2004-02-29', '0001-01-01', '9999-12-31'].map(isIsoDate)).toEqual([true, true, true]);
    expect(['2003-02-29', '2004-13-01', '2004-04-31', '2004-1-01', '20040101'].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });

  it('adds days as the calendar does, across month, year and DST boundaries', () => {
    expect(addDays('2004-09-30', 1)).toBe('2004-10-01');
    expect(addDays('2004-03-01', -1)).toBe('2004-02-29');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    fc.assert(fc.property(date, fc.integer({ min: -800, max: 800 }), ({ y, m, d }, n) => addDays(utcDate(y, m, d), n) === utcDate(y, m, d + n)), { numRuns: 2000 });
  });

  it('adds months keeping month-ends at month-ends, and clamping other days', () => {
    expect(addMonths('2004-06-30', 3)).toBe('2004-09-30');
    expect(addMonths('2004-02-29', 12)).toBe('2005-02-28');
    expect(addMonths('2004-01-30', 1)).toBe('2004-02-29');
    expect(addMonths('2004-04-30', -2)).toBe('2004-02-29');
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), ({ y, m, d }, n) => {
        const total = y * 12 + (m - 1) + n;
        const ny = Math.floor(total / 12);
        const nm = (total % 12) + 1;
        if (ny < 1 || ny > 9999) return true;
        const nd = d === utcDays(y, m) ? utcDays(ny, nm) : Math.min(d, utcDays(ny, nm));
        return addMonths(utcDate(y, m, d), n) === `${pad(ny, 4)}-${pad(nm, 2)}-${pad(nd, 2)}`;
      }),
      { numRuns: 2000 },
    );
  });
});
