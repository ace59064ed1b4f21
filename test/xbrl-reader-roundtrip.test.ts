import { describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model/report.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { sampleReport } from './support/reports.js';
import { readExample } from './support/example.js';
import { readInstance } from '../src/formats/xbrl/read/read.js';
import { aspects } from './support/facts.js';


function roundTrip(report: Report) {
  const xml = writeXbrl(report);
  const back = readInstance(xml, 'roundtrip.xbrl');
  expect(back.instance.facts.filter((f) => f.notInReport)).toEqual([]);
  expect(back.taxonomy.schemaRefs).toEqual(report.taxonomy.schemaRefs);
  expect(back.facts.map(aspects)).toEqual(report.facts.map(aspects));
  // And writing what was read gives the same document again.
  expect(writeXbrl(back)).toBe(xml);
  return back;
}

describe('readInstance(writeXbrl(report)) gives the report\'s facts back', () => {
  it('for the example release (695 facts: 694 figures and the release text, 16 nil)', () => {
    const report = readExample();
    const back = roundTrip(report);
    expect(back.facts).toHaveLength(695);
    expect(back.facts.filter((f) => f.value === null)).toHaveLength(16);
  });

  it('for the writer\'s sample (divided units, explicit and typed dimensions, languages, nil text)', () => {
    roundTrip(sampleReport());
  });
});
