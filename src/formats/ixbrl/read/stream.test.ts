import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChunks } from '../../../core/xml/chunks.js';
import { parseXmlText, type XmlElement } from '../../../core/xml/parse.js';
import { isIx } from './collect.js';
import { readDocument } from './stream.js';

/** The tree parser's elements that `keep` keeps, in document order. */
function elements(el: XmlElement, keep: (el: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (keep(el)) out.push(el);
  for (const c of el.children) if (typeof c !== 'string') elements(c, keep, out);
  return out;
}

describe('readDocument attributes', () => {
  it("gives each element the attributes, in order, that the tree parser gives it", () => {
    const name = fc.constantFrom('name', 'id', 'contextRef', 'unitRef', 'scale', 'format', 'xml:lang', 'x:a', 'y:a', 'xmlns:w', 'z:b', 'xsi:nil', 'style');
    const attrs = fc.uniqueArray(name, { maxLength: 8 }).map((ns) => ns.map((n, i) => `${n}="${n === 'xsi:nil' ? 'false' : n.startsWith('xmlns') ? 'urn:z' : `v${i}`}"`).join(' '));
    const el = fc.tuple(fc.constantFrom('ix:nonFraction', 'ix:nonNumeric', 'span', 'ix:exclude'), attrs, fc.boolean()).map(([tag, a, empty]) => (empty ? `<${tag} ${a}/>` : `<${tag} ${a}>1</${tag}>`));
    const doc = (els: string[]) =>
      `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="urn:x" xmlns:y="urn:y" xmlns:z="urn:z"><body><ix:nonNumeric name="x:T" contextRef="c">${els.join('')}</ix:nonNumeric><p>${els.join('')}</p></body></html>`;
    fc.assert(
      fc.property(fc.array(el, { maxLength: 6 }), (els) => {
        const text = doc(els);
        const parts = readDocument(textChunks(text), 'd.html');
        const tree = parseXmlText(text, 'd.html');
        const attributes = (e: XmlElement) => [...e.attributes];
        expect(parts.ixElements.map(attributes)).toEqual(elements(tree, (e) => isIx(e.name.namespace)).map(attributes));
        // Outside ix content too: the elements built for their id.
        expect(parts.ids.map(attributes)).toEqual(elements(tree, (e) => e.attributes.has('id')).map(attributes));
      }),
      { numRuns: 200 },
    );
  });
});
