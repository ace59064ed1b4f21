import { describe, expect, it } from 'vitest';
import { aspectKey, type Fact } from './fact.js';
import { duration } from './period.js';
import { qname } from './qname.js';
import { nonDimensionalContent, nonDimensionalKey, type XmlNode } from './xml.js';

const S = 'http://example.com/scenario';
const node = (local: string, attrs: [string, string][] = [], children: (XmlNode | string)[] = [], prefix = 's', ns = S): XmlNode => ({
  name: qname(ns, local, prefix),
  attributes: new Map(attrs),
  children,
  line: 1,
  column: 1,
});
const key = (segment: XmlNode[], scenario: XmlNode[] = []) => nonDimensionalKey(nonDimensionalContent('a.xbrl', segment, scenario));

describe('non-dimensional content', () => {
  it('is absent when there is none', () => {
    expect(nonDimensionalContent('a.xbrl', [], [])).toBeUndefined();
    expect(nonDimensionalKey(undefined)).toBe('');
  });

  it('compares as XBRL 2.1 s-equality: names by namespace (not prefix), attributes in any order, text trimmed, whitespace between elements ignored', () => {
    const a = node('Forecast', [['basis', 'plan'], [`{${S}}rev`, '2']], ['\n  ', node('Note', [], [' upper ']), '\n']);
    const b = node('Forecast', [[`{${S}}rev`, ' 2'], ['basis', 'plan ']], [node('Note', [], ['upper'], 'x')], 'other');
    expect(key([a])).toBe(key([b]));
    // The file it was read from is not part of it.
    expect(nonDimensionalKey(nonDimensionalContent('b.xbrl', [a], []))).toBe(key([a]));
  });

  it('tells apart what s-equality tells apart', () => {
    const nc = node('NonConsolidated');
    const fc = node('Forecast');
    const all = [
      key([nc]),
      key([], [nc]), // segment vs scenario
      key([nc, fc]),
      key([fc, nc]), // order
      key([node('NonConsolidated', [], [], 's', 'http://example.com/other')]), // namespace
      key([node('NonConsolidated', [['a', '1']])]),
      key([node('NonConsolidated', [['a', '2']])]),
      key([node('NonConsolidated', [[`{${S}}a`, '1']])]), // a namespaced attribute is another attribute
      key([node('NonConsolidated', [], ['x'])]),
      key([node('NonConsolidated', [], ['x y'])]),
      key([node('NonConsolidated', [], [node('x')])]),
    ];
    expect(new Set(all).size).toBe(all.length);
  });

  it('is part of a fact\'s aspect key', () => {
    const fact = (nonDimensional?: ReturnType<typeof nonDimensionalContent>): Fact => ({
      id: 'f',
      concept: qname(S, 'NetSales', 's'),
      entity: { scheme: 'http://www.tse.or.jp/sicc', identifier: '72030' },
      period: duration('2012-04-01', '2013-03-31'),
      dimensions: new Map(),
      value: null,
      sources: [],
      ...(nonDimensional ? { nonDimensional } : {}),
    });
    const group = fact();
    const parent = fact(nonDimensionalContent('a.xbrl', [], [node('NonConsolidated')]));
    const parentAgain = fact(nonDimensionalContent('b.xbrl', [], [node('NonConsolidated', [], [], 'tse')]));
    expect(aspectKey(group)).not.toBe(aspectKey(parent));
    expect(aspectKey(parent)).toBe(aspectKey(parentAgain));
  });
});
