import { describe, expect, it } from 'vitest';
import { KessanError } from '../../../core/errors.js';
import { readCsv, type CsvRecord } from './csv.js';

const LIMITS = { maxField: 1000, maxCells: () => 100 };
function records(text: string, limits = LIMITS): CsvRecord[] {
  const out: CsvRecord[] = [];
  readCsv(text, 't.csv', limits, (r) => void out.push(r));
  return out;
}
function failure(text: string, limits = LIMITS): KessanError {
  try {
    records(text, limits);
  } catch (e) {
    if (e instanceof KessanError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('readCsv', () => {
  it('reads RFC 4180: quotes, doubled quotes, commas and line ends inside quotes, CRLF, LF and CR', () => {
    const r = records('a,b\r\n"x,""y""",2\n"line1\r\nline2",3\r4,\n');
    expect(r.map((x) => x.cells)).toEqual([['a', 'b'], ['x,"y"', '2'], ['line1\r\nline2', '3'], ['4', '']]);
    expect(r.map((x) => x.lines[0])).toEqual([1, 2, 3, 5]);
    expect(r[1]!.columns).toEqual([1, 11]);
    expect(r[2]!.lines).toEqual([3, 4]);
    expect(r[2]!.columns).toEqual([1, 8]);
  });

  it('keeps an empty line as a record with one empty cell (rows keep their numbers) and needs no final line end', () => {
    expect(records('a\n\nb').map((x) => x.cells)).toEqual([['a'], [''], ['b']]);
  });

  it.each([
    ['a quote never closed', 'a,b\n1,"x\n', 'xbrlce:invalidCSVFileFormat', 2, 3],
    ['text after a closing quote', 'a,b\n1,"x"y\n', 'xbrlce:invalidCSVFileFormat', 2, 6],
    ['a quote inside an unquoted cell', 'a,b\n1,x"y\n', 'xbrlce:invalidCSVFileFormat', 2, 4],
    ['a cell over the limit', `a\n${'x'.repeat(1001)}\n`, 'kessan:csvLimit', 2, 1],
    ['a quoted cell over the limit', `a\n"${'x'.repeat(1001)}"\n`, 'kessan:csvLimit', 2, 1],
  ])('refuses %s with its line and column', (_, text, code, line, column) => {
    expect(failure(text)).toMatchObject({ code, location: { file: 't.csv', line, column } });
  });

  it('keeps no more cells than allowed, noting the non-empty ones past them', () => {
    const r = records('a,b\n1,2,,4,5\n', { maxField: 10, maxCells: () => 2 });
    expect(r[1]).toMatchObject({ cells: ['1', '2'], overflow: [4, 5] });
  });
});
