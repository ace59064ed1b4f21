/**
 * Property test: random fact sets through Inline XBRL (writer → reader) come out the same, as they do through
 * XBRL and xBRL-JSON (test/json-property.test.ts, whose generators this reuses).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInline } from '../src/formats/ixbrl/read/index.js';
import { writeInlineXbrl } from '../src/formats/ixbrl/write/index.js';
import { reportArb } from './support/arbitraries.js';
import { aspects } from './support/facts.js';

describe('Inline XBRL properties', () => {
  it('Inline XBRL writer → reader gives the same facts', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const back = readInline([{ text: writeInlineXbrl(report), file: 'p.html' }]);
        // The page lays facts out by table (dimension group), so compare as sets, by id.
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(back.facts.map(aspects).sort(byId)).toEqual(report.facts.map(aspects).sort(byId));
      }),
      { numRuns: 200 },
    );
  });
});
