/**
 * Property tests: random fact sets through xBRL-JSON (writer → reader) and through XBRL then xBRL-JSON
 * (XBRL writer → reader → JSON writer) come out the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXbrlJson } from '../src/readers/json/index.js';
import { readInstance } from '../src/readers/xbrl/index.js';
import { writeXbrlJson } from '../src/writers/json/index.js';
import { writeXbrl } from '../src/writers/xbrl/index.js';
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
