import { describe, expect, it } from 'vitest';
import { fiscalSpan, findDates, hintPeriod, parseFiscalToken, parsePeriodHint, parseSpanWords, shiftPeriod, weeksYearEnded } from './periods.js';

const IIJ = { endMonth: 3, endDay: 31, naming: 'start' } as const;
const CAL_END = { endMonth: 3, endDay: 31, naming: 'end' } as const;
const DEC = { endMonth: 12, endDay: 31, naming: 'end' } as const;

describe('fiscal tokens', () => {
  it.each([
    ['2Q04', '2004-07-01', '2004-09-30'],
    ['1Q04', '2004-04-01', '2004-06-30'],
    ['3Q04', '2004-10-01', '2004-12-31'],
    ['4Q04', '2005-01-01', '2005-03-31'],
    ['2Q03', '2003-07-01', '2003-09-30'],
    ['1H04', '2004-04-01', '2004-09-30'],
    ['2H04', '2004-10-01', '2005-03-31'],
    ['FY2004', '2004-04-01', '2005-03-31'],
    ['FY04', '2004-04-01', '2005-03-31'],
    ['9M04', '2004-04-01', '2004-12-31'],
    ['Q2 FY2004', '2004-07-01', '2004-09-30'],
  ])('%s is %s..%s for a fiscal year named by its start and ending in March', (token, start, end) => {
    const h = parseFiscalToken(token, IIJ);
    expect(h?.kind === 'span' && h.period).toEqual({ kind: 'duration', start, end });
  });

  it('names fiscal years by their end when told so', () => {
    expect(fiscalSpan(2004, 0, 12, CAL_END)).toEqual({ kind: 'duration', start: '2003-04-01', end: '2004-03-31' });
    expect(fiscalSpan(2004, 3, 3, DEC)).toEqual({ kind: 'duration', start: '2004-04-01', end: '2004-06-30' });
  });

  it('rejects what is not a fiscal token', () => {
    for (const t of ['5Q04', 'Q0 04', '3H04', 'FY', 'YoY % change', '2004']) expect(parseFiscalToken(t, IIJ)).toBeUndefined();
  });
});

describe('dates and spans', () => {
  it('finds dates in the spellings releases use and rejects impossible ones', () => {
    expect(findDates('For the Three Months Ended Sept 30, 2004, Sept 30, 2003 and Jun 30, 2004')).toEqual(['2004-09-30', '2003-09-30', '2004-06-30']);
    expect(findDates('December 31, 2004 and Dec. 31 2003; March 31, 2005')).toEqual(['2004-12-31', '2003-12-31', '2005-03-31']);
    expect(findDates('Feb 30, 2004')).toEqual([]);
  });

  it('reads span words', () => {
    expect(parseSpanWords('For the Three Months Ended Sept 30, 2004')).toBe(3);
    expect(parseSpanWords('For the nine months ended December 31, 2004')).toBe(9);
    expect(parseSpanWords('For the Year Ended March 31, 2005')).toBe(12);
    expect(parseSpanWords('As of Sept 30, 2004')).toBeUndefined();
  });

  it('turns a bare date into a span when the caption says so, else an instant', () => {
    const h = parsePeriodHint('Sept 30, 2004', IIJ)!;
    expect(hintPeriod(h, 3)).toEqual({ kind: 'duration', start: '2004-07-01', end: '2004-09-30' });
    expect(hintPeriod(h, 6)).toEqual({ kind: 'duration', start: '2004-04-01', end: '2004-09-30' });
    expect(hintPeriod(h, undefined)).toEqual({ kind: 'instant', date: '2004-09-30' });
    expect(hintPeriod(parsePeriodHint('Three Months Ended Dec 31, 2004', IIJ)!, undefined)).toEqual({ kind: 'duration', start: '2004-10-01', end: '2004-12-31' });
  });

  it('moves a comparison base to the later period', () => {
    expect(shiftPeriod({ kind: 'duration', start: '2003-07-01', end: '2003-09-30' }, 'priorYear')).toEqual({ kind: 'duration', start: '2004-07-01', end: '2004-09-30' });
    expect(shiftPeriod({ kind: 'duration', start: '2004-04-01', end: '2004-06-30' }, 'priorQuarter')).toEqual({ kind: 'duration', start: '2004-07-01', end: '2004-09-30' });
    expect(shiftPeriod({ kind: 'duration', start: '2004-10-01', end: '2004-12-31' }, 'priorQuarter')).toEqual({ kind: 'duration', start: '2005-01-01', end: '2005-03-31' });
    expect(shiftPeriod({ kind: 'instant', date: '2004-02-29' }, 'priorYear')).toEqual({ kind: 'instant', date: '2005-02-28' });
  });
});

describe('52/53-week years', () => {
  it('a year ended on its Saturday starts the day after the previous one, 52 or 53 weeks earlier', () => {
    // Buckle: the Saturday nearest January 31 (fiscal 2023 had 53 weeks).
    const buckle = { endMonth: 1, endDay: 31, naming: 'start', weeks: 'nearest-saturday' } as const;
    expect(weeksYearEnded('2024-02-03', buckle)).toEqual({ kind: 'duration', start: '2023-01-29', end: '2024-02-03' });
    expect(weeksYearEnded('2025-02-01', buckle)).toEqual({ kind: 'duration', start: '2024-02-04', end: '2025-02-01' });
    // Apple: the last Saturday of September.
    const apple = { endMonth: 9, endDay: 30, naming: 'end', weeks: 'last-saturday' } as const;
    expect(weeksYearEnded('2010-09-25', apple)).toEqual({ kind: 'duration', start: '2009-09-27', end: '2010-09-25' });
    expect(weeksYearEnded('2003-09-27', apple)).toEqual({ kind: 'duration', start: '2002-09-29', end: '2003-09-27' });
    // Sears: the Saturday nearest December 31.
    expect(weeksYearEnded('2004-01-03', { endMonth: 12, endDay: 31, naming: 'end', weeks: 'nearest-saturday' })).toEqual({ kind: 'duration', start: '2002-12-29', end: '2004-01-03' });
    // Not a year end of the calendar, or no 52/53-week calendar: not a period.
    expect(weeksYearEnded('2024-02-10', buckle)).toBeUndefined();
    expect(weeksYearEnded('2024-02-03', { endMonth: 1, endDay: 31, naming: 'start' })).toBeUndefined();
  });
});
