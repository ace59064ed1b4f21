import { describe, expect, it } from 'vitest';
import { readColumns } from './columns.js';

const IIJ = { endMonth: 3, endDay: 31, naming: 'start' } as const;
const Q2_04 = { kind: 'duration', start: '2004-07-01', end: '2004-09-30' };

describe('column headers', () => {
  it('reads the summary table: fiscal tokens and change columns take the later period', () => {
    const cols = readColumns([['', '1H04', '1H03', 'YoY % change', '2Q04', '2Q03', 'YoY % change', '1Q04', 'QoQ % change']], 9, { dates: [] }, IIJ);
    expect(cols.map((c) => c.kind)).toEqual(['amount', 'amount', 'changePriorYear', 'amount', 'amount', 'changePriorYear', 'amount', 'changePriorQuarter']);
    expect(cols[2]!.period).toEqual({ kind: 'duration', start: '2004-04-01', end: '2004-09-30' });
    expect(cols[5]!.period).toEqual(Q2_04);
    expect(cols[7]!.period).toEqual(Q2_04);
  });

  it('reads the statement: spanning dates, currencies, % of total and changes', () => {
    const rows = [
      ['', 'Year-over-year Comparison', '', '', '', '', '', 'Sequential Comparison', '', ''],
      ['', 'Sept 30, 2004', '', '', 'Sept 30, 2003', '', '', 'Jun 30, 2004', '', ''],
      ['', 'USD (1)', 'JPY', '% of Total Revenues', 'JPY', '% of Total Revenues', 'YOY Chg %', 'JPY', '% of Total Revenues', 'QOQ Chg %'],
    ];
    const cols = readColumns(rows, 10, { months: 3, dates: [] }, IIJ);
    expect(cols.map((c) => [c.kind, c.currency ?? ''])).toEqual([
      ['amount', 'USD'], ['amount', 'JPY'], ['percentOfTotal', ''], ['amount', 'JPY'], ['percentOfTotal', ''],
      ['changePriorYear', ''], ['amount', 'JPY'], ['percentOfTotal', ''], ['changePriorQuarter', ''],
    ]);
    expect(cols[0]!.period).toEqual(Q2_04);
    expect(cols[3]!.period).toEqual({ kind: 'duration', start: '2003-07-01', end: '2003-09-30' });
    expect(cols[5]!.period).toEqual(Q2_04);
    expect(cols[6]!.period).toEqual({ kind: 'duration', start: '2004-04-01', end: '2004-06-30' });
    expect(cols[8]!.period).toEqual(Q2_04);
  });

  it('reads balance-sheet dates as instants', () => {
    const cols = readColumns([['', 'Sept 30, 2004', '', '', 'Sept 30, 2003', ''], ['', 'USD (1)', 'JPY', '%', 'JPY', '%']], 6, { instant: true, dates: [] }, IIJ);
    expect(cols.map((c) => c.period)).toEqual([
      { kind: 'instant', date: '2004-09-30' }, { kind: 'instant', date: '2004-09-30' }, { kind: 'instant', date: '2004-09-30' },
      { kind: 'instant', date: '2003-09-30' }, { kind: 'instant', date: '2003-09-30' },
    ]);
    expect(cols[2]!.kind).toBe('percentOfTotal');
  });
});
