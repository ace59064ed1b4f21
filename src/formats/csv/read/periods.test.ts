import { describe, expect, it } from 'vitest';
import { csvPeriod } from './periods.js';

const p = (raw: string, at?: 'start' | 'end') => {
  const r = csvPeriod(raw, at);
  return 'error' in r ? r.error : r.period;
};

describe('csvPeriod', () => {
  it.each([
    ['2004-07-01..2004-09-30', undefined, { kind: 'duration', start: '2004-07-01', end: '2004-09-30' }],
    ['2004-09-30@end', undefined, { kind: 'instant', date: '2004-09-30' }],
    ['2004-10-01@start', undefined, { kind: 'instant', date: '2004-09-30' }],
    ['2004-09-30', undefined, { kind: 'duration', start: '2004-09-30', end: '2004-09-30' }],
    ['2004-02', undefined, { kind: 'duration', start: '2004-02-01', end: '2004-02-29' }],
    ['2004', undefined, { kind: 'duration', start: '2004-01-01', end: '2004-12-31' }],
    ['2004Q3', undefined, { kind: 'duration', start: '2004-07-01', end: '2004-09-30' }],
    ['2004H2', undefined, { kind: 'duration', start: '2004-07-01', end: '2004-12-31' }],
    ['2004W01', undefined, { kind: 'duration', start: '2003-12-29', end: '2004-01-04' }],
    ['2004W53', undefined, { kind: 'duration', start: '2004-12-27', end: '2005-01-02' }],
    ['2004Q3@end', undefined, { kind: 'instant', date: '2004-09-30' }],
    ['2004@start', undefined, { kind: 'instant', date: '2003-12-31' }],
    ['2004-07-01T00:00:00/2004-10-01T00:00:00', undefined, { kind: 'duration', start: '2004-07-01', end: '2004-09-30' }],
    ['2004-10-01T00:00:00', undefined, { kind: 'instant', date: '2004-09-30' }],
    ['2004Q3', 'end', { kind: 'instant', date: '2004-09-30' }],
    ['2004-07-01..2004-09-30', 'start', { kind: 'instant', date: '2004-06-30' }],
    ['2004-07-01T00:00:00/2004-10-01T00:00:00', 'end', { kind: 'instant', date: '2004-09-30' }],
  ] as const)('%s (%s)', (raw, at, expected) => {
    expect(p(raw, at)).toEqual(expected);
  });

  it.each(['2004-02-30', '2004-13', '2004Q5', '2004H3', '2003W53', '2004W1', '0000', '2004-09-30..2004-07-01', 'FY2004', '', '2004-09-30@middle'])('refuses %s', (raw) => {
    expect(p(raw)).toBe('xbrlce:invalidPeriodRepresentation');
  });

  it('refuses @start/@end on a target that is not a duration', () => {
    expect(p('2004-09-30@end', 'end')).toBe('xbrlce:referenceTargetNotDuration');
    expect(p('2004-10-01T00:00:00', 'start')).toBe('xbrlce:referenceTargetNotDuration');
  });
});
