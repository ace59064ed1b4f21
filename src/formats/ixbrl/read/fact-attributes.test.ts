import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChunks } from '../../../core/xml/chunks.js';
import { NS } from '../../../core/model/qname.js';
import type { XmlElement } from '../../../core/xml/parse.js';
import { factAttributes, xmlIdOf } from './fact-attributes.js';
import { readDocument } from './stream.js';

const KEYS = ['name', 'id', 'contextRef', 'unitRef', 'format', 'scale', 'sign', 'decimals', 'precision', 'tupleRef', 'order', 'footnoteRefs'] as const;
const XSI_NIL = `{${NS.xsi}}nil`;

/** What factAttributes must give: each attribute as the element's attribute map has it. */
const byMap = (el: XmlElement) => {
  const a = el.attributes;
  return { ...Object.fromEntries(KEYS.map((k) => [k, a.get(k)])), nil: a.get(XSI_NIL) };
};
const read = (el: XmlElement) => {
  const f = factAttributes(el);
  return { ...Object.fromEntries(KEYS.map((k) => [k, f[k]])), nil: f.nil };
};

const doc = (facts: string[]) =>
  `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xsi="${NS.xsi}" xmlns:x="urn:x"><body>${facts.join('')}</body></html>`;

describe('factAttributes', () => {
  it('reads each attribute as the attribute map has it, whatever the attributes and their order', () => {
    // Facts of shapes that share names in other orders, lack some, or have others (foreign, xsi:nil) among them;
    // some ids empty.
    const names = fc.shuffledSubarray([...KEYS, 'xsi:nil', 'x:other', 'style'], { minLength: 0 });
    const fact = fc.tuple(names, fc.integer({ min: 0, max: 3 })).map(([ns, v]) => `<ix:nonFraction ${ns.map((n) => `${n}="${n === 'xsi:nil' ? 'true' : n === 'id' && v === 0 ? '' : `${n.replace(':', '')}${v}`}"`).join(' ')}>1</ix:nonFraction>`);
    fc.assert(
      fc.property(fc.array(fact, { minLength: 1, maxLength: 12 }), (facts) => {
        const parts = readDocument(textChunks(doc(facts)), 'p.html');
        expect(parts.facts).toHaveLength(facts.length);
        for (const f of parts.facts) {
          expect(read(f)).toEqual(byMap(f));
          expect(read(f)).toEqual(read(f)); // the second read uses the shape's remembered positions
          expect(xmlIdOf(f)).toBe(f.attributes.get('id'));
        }
        // The reading's count of facts without an id (none or empty) decides whether facts keep their own.
        expect(parts.factsWithoutId).toBe(parts.facts.filter((f) => !f.attributes.get('id')).length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads an element of another kind (not built by the streaming reader) through its attribute map', () => {
    const el = { attributes: new Map([['name', 'x:A'], ['scale', '3'], [XSI_NIL, 'false']]) } as unknown as XmlElement;
    expect(read(el)).toEqual({ ...Object.fromEntries(KEYS.map((k) => [k, undefined])), name: 'x:A', scale: '3', nil: 'false' });
  });
});
