/**
 * Property test: random fact sets whose contexts carry random non-dimensional segment and scenario content
 * (nested elements, prefixes that clash, default and absent namespaces, namespaced attributes, text with markup
 * characters) come back the same through the XBRL 2.1 and Inline XBRL writers and readers, and the XBRL
 * writer's output is a fixed point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qname } from '../src/core/model/qname.js';
import type { Report } from '../src/core/model/report.js';
import { nonDimensionalContent, type XmlNode } from '../src/core/model/xml.js';
import { readInline } from '../src/formats/ixbrl/read/index.js';
import { readInstance } from '../src/formats/xbrl/read/index.js';
import { writeInlineXbrl } from '../src/formats/ixbrl/write/index.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { reportArb } from './support/arbitraries.js';
import { aspects } from './support/facts.js';

/** [namespace, prefix]: `a` names two namespaces, `undefined` is the default namespace, '' no namespace at all. */
const NAMES: [string, string | undefined][] = [['urn:a', 'a'], ['urn:b', 'b'], ['urn:c', 'a'], ['urn:d', undefined], ['', undefined]];
const ATTRIBUTES = ['p', 'q', '{urn:a}r', '{urn:e}s', '{http://www.w3.org/XML/1998/namespace}lang'];
/** Text XML can carry (CR is written as a character reference). */
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '?'));

const { node } = fc.letrec<{ node: XmlNode; children: (XmlNode | string)[] }>((tie) => ({
  node: fc
    .record({
      name: fc.constantFrom(...NAMES),
      local: fc.constantFrom('X', 'Item-1', 'é', 'NonConsolidated'),
      attrs: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTES), text), { maxLength: 3, selector: ([k]) => k }),
      children: tie('children'),
    })
    .map(({ name: [ns, prefix], local, attrs, children }) => ({ name: qname(ns, local, prefix), attributes: new Map(attrs), children, line: 1, column: 1 })),
  children: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<(XmlNode | string)[]>([]),
    fc.array(fc.oneof(text, tie('node')), { maxLength: 3 }).map(mergeText),
  ),
}));

/** Adjacent text is one text node once read: generate it that way. */
function mergeText(children: (XmlNode | string)[]): (XmlNode | string)[] {
  const out: (XmlNode | string)[] = [];
  for (const c of children) {
    const last = out[out.length - 1];
    if (typeof c === 'string' && typeof last === 'string') out[out.length - 1] = last + c;
    else if (c !== '') out.push(c);
  }
  return out;
}

const contents = fc.array(fc.tuple(fc.array(node, { maxLength: 2 }), fc.array(node, { maxLength: 2 })), { minLength: 1, maxLength: 3 });

const reportWithContent: fc.Arbitrary<Report> = fc.tuple(reportArb, contents, fc.array(fc.nat(), { maxLength: 25 })).map(([report, cs, picks]) => ({
  ...report,
  facts: report.facts.map((f, i) => {
    const pick = picks[i];
    const c = pick === undefined ? undefined : cs[pick % cs.length]!;
    const nonDimensional = c && nonDimensionalContent('p.xbrl', c[0], c[1]);
    return nonDimensional ? { ...f, nonDimensional } : f;
  }),
}));

describe('non-dimensional content properties', () => {
  it('XBRL writer → reader gives the same facts, and writing them again the same bytes', () => {
    fc.assert(
      fc.property(reportWithContent, (report) => {
        const xml = writeXbrl(report);
        const back = readInstance(xml, 'p.xbrl');
        expect(back.facts.map(aspects)).toEqual(report.facts.map(aspects));
        expect(writeXbrl(back)).toBe(xml);
      }),
      { numRuns: 200 },
    );
  });

  it('Inline XBRL writer → reader gives the same facts', () => {
    fc.assert(
      fc.property(reportWithContent, (report) => {
        const back = readInline([{ text: writeInlineXbrl(report), file: 'p.html' }]);
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(back.facts.map(aspects).sort(byId)).toEqual(report.facts.map(aspects).sort(byId));
      }),
      { numRuns: 100 },
    );
  });
});
