/**
 * Property tests: random fact sets through xBRL-JSON (writer → reader) and through XBRL then xBRL-JSON
 * (XBRL writer → reader → JSON writer) come out the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXbrlJson } from '../src/formats/json/read/index.js';
import { readInstance } from '../src/formats/xbrl/read/index.js';
import { writeXbrlJson } from '../src/formats/json/write/index.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { reportArb } from './support/arbitraries.js';
import { aspects } from './support/facts.js';

describe('xBRL-JSON properties', () => {
  it('JSON writer → reader gives the same facts (no taxonomy needed)', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const back = readXbrlJson(writeXbrlJson(report), 'p.json');
        expect(back.facts.map(aspects)).toEqual(report.facts.map(aspects));
      }),
      { numRuns: 300 },
    );
  });

  it('XBRL writer → reader → JSON writer gives the JSON the JSON writer gives', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const viaXbrl = readInstance(writeXbrl(report), 'p.xbrl');
        expect(writeXbrlJson(viaXbrl)).toBe(writeXbrlJson(report));
      }),
      { numRuns: 300 },
    );
  });
});
