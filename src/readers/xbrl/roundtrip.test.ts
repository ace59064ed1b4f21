import { describe, expect, it } from 'vitest';
import type { Fact } from '../../model/fact.js';
import { periodKey } from '../../model/period.js';
import { clark } from '../../model/qname.js';
import type { Report } from '../../model/report.js';
import { unitKey } from '../../model/unit.js';
import { writeXbrl } from '../../writers/xbrl/index.js';
import { sampleReport } from '../../writers/xbrl/testing.js';
import { readExample } from '../../../test/support/example.js';
import { readInstance } from './read.js';

/** Everything a fact says, as plain data: concept, entity, period, unit, value, decimals, dimensions, language. */
function aspects(f: Fact) {
  return {
    id: f.id,
    concept: clark(f.concept),
    entity: `${f.entity.scheme}#${f.entity.identifier}`,
    period: periodKey(f.period),
    unit: f.unit ? unitKey(f.unit) : undefined,
    value: f.value === null ? null : typeof f.value === 'string' ? `text:${f.value}` : `number:${f.value.toFixed()}`,
    decimals: f.decimals,
    dimensions: [...f.dimensions].map(([d, v]) => `${clark(d)}=${'typed' in v ? v.typed : clark(v)}`).sort(),
    lang: f.lang,
  };
}

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
