/**
 * Property tests: random fact sets through xBRL-CSV (writer → reader) come out the same (ids aside: xBRL-CSV's
 * are table.row.column), and through XBRL first (XBRL writer → reader → xBRL-CSV writer) give the same files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInstance } from '../src/formats/xbrl/read/index.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { reportArb } from './support/arbitraries.js';
import { csvFilesOf, factSet, readCsvFiles } from './support/csv.js';

describe('xBRL-CSV properties', () => {
  it('xBRL-CSV writer → reader gives the same facts (no taxonomy needed), and the same files again', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const files = csvFilesOf(report);
        const back = readCsvFiles(files);
        expect(back.findings).toEqual([]);
        expect(factSet(back)).toEqual(factSet(report));
        expect(csvFilesOf(back)).toEqual(files);
      }),
      { numRuns: 300 },
    );
  });

  it('XBRL writer → reader → xBRL-CSV writer gives the files the xBRL-CSV writer gives', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const viaXbrl = readInstance(writeXbrl(report), 'p.xbrl');
        expect(csvFilesOf(viaXbrl)).toEqual(csvFilesOf(report));
      }),
      { numRuns: 300 },
    );
  });
});
