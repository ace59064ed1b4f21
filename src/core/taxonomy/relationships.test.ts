import { describe, expect, it } from 'vitest';
import type { RawArc, RawLink } from './linkbase.js';
import { effectiveArcs, type ArcInstance } from './relationships.js';

const T = '{http://example.com/t}';
const link: RawLink = { element: '{http://www.xbrl.org/2003/linkbase}calculationLink', role: 'http://www.xbrl.org/2003/role/link', file: 'x.xml', locators: [], resources: [], arcs: [] };
const concept = (l: string) => ({ kind: 'concept' as const, key: `${T}${l}`, name: { namespace: T.slice(1, -1), localName: l } });
const arc = (attributes: Record<string, string>, prohibited: boolean, extra: Partial<RawArc> = {}): ArcInstance => ({
  arc: { element: '{http://www.xbrl.org/2003/linkbase}calculationArc', from: 'a', to: 'b', arcrole: 'summation-item', order: 1, priority: prohibited ? 1 : 0, prohibited, weight: 1, attributes, line: 1, ...extra },
  link,
  from: concept('A'),
  to: concept('B'),
});
const TYPES: Record<string, string> = { [`${T}dec`]: 'decimal', [`${T}dbl`]: 'double', [`${T}flag`]: 'boolean', [`${T}str`]: 'string' };
const types = (k: string) => TYPES[k];

describe('arc equivalence compares attribute values by their XML Schema types (§3.5.3.9.7.4)', () => {
  const base = { [`${T}dec`]: '1.23', [`${T}dbl`]: '4.56', [`${T}flag`]: 'true', [`${T}str`]: 'abc' };
  const prohibits = (attrs: Record<string, string>) => effectiveArcs([arc(base, false), arc({ ...base, ...attrs }, true)], types).length === 0;

  it('equal values in other lexical forms are equivalent: the prohibition applies', () => {
    expect(prohibits({ [`${T}dec`]: '001.230' })).toBe(true);
    expect(prohibits({ [`${T}dbl`]: '456e-2' })).toBe(true);
    expect(prohibits({ [`${T}flag`]: '1' })).toBe(true);
  });
  it('different values, or strings written differently, are not', () => {
    expect(prohibits({ [`${T}dbl`]: '456e2' })).toBe(false);
    expect(prohibits({ [`${T}str`]: 'abd' })).toBe(false);
    const nan = { ...base, [`${T}dbl`]: 'NaN' };
    expect(effectiveArcs([arc(nan, false), arc(nan, true)], types)).toHaveLength(1); // NaN equals nothing, itself included
  });
  it('without declared types, attributes compare as text; order and weight always by value', () => {
    expect(effectiveArcs([arc(base, false), arc({ ...base, [`${T}dec`]: '001.23' }, true)])).toHaveLength(1);
    expect(effectiveArcs([arc({}, false, { order: 1 }), arc({}, true, { order: Number('1.0') })])).toHaveLength(0);
  });
});
