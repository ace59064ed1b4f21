import { describe, expect, it } from 'vitest';
import { parseXbrlDate } from './dates.js';

describe('parseXbrlDate (XBRL 2.1 §4.7.2)', () => {
  it.each([
    ['2004-09-30', 'end', '2004-09-30', false],
    ['2004-09-30', 'start', '2004-09-30', false],
    [' 2004-09-30 ', 'end', '2004-09-30', false],
    ['2004-09-30Z', 'end', '2004-09-30', false],
    ['2004-09-30+09:00', 'start', '2004-09-30', false],
    // Midnight at the start of day D, as an end or instant, is the end of day D-1.
    ['2004-10-01T00:00:00', 'end', '2004-09-30', true],
    ['2004-03-01T00:00:00.000', 'end', '2004-02-29', true],
    ['2005-01-01T00:00:00Z', 'end', '2004-12-31', true],
    ['2004-10-01T00:00:00', 'start', '2004-10-01', true],
    ['2004-09-30T24:00:00', 'end', '2004-09-30', true],
    ['2004-09-30T24:00:00', 'start', '2004-10-01', true],
    ['2004-09-30T12:30:00', 'end', '2004-09-30', true],
    ['2004-09-30T12:30:00-05:00', 'start', '2004-09-30', true],
  ] as const)('%s as %s → %s', (raw, role, date, hasTime) => {
    expect(parseXbrlDate(raw, role)).toEqual({ date, hasTime });
  });

  it.each(['2004-02-30', '2004-9-30', '04-09-30', '2004-09-30T25:00:00', '2004-09-30T24:00:01', '2004-09-30T12:60:00', '2004-09-30T12:00', '2004-09-30+15:00', '20040930', 'x', ''])(
    'rejects %j',
    (raw) => {
      expect(parseXbrlDate(raw, 'end')).toBeUndefined();
    },
  );
});
