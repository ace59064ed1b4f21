import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChunks } from '../../../core/xml/chunks.js';
import { createParser, parseXmlText } from '../../../core/xml/parse.js';
import { readDocument } from './stream.js';

/** What reading `text` gives: the error's message and place, or the ix elements' attributes. */
function outcome(read: () => unknown, attributes: (r: never) => unknown): unknown {
  try {
    return { ok: attributes(read() as never) };
  } catch (e) {
    const err = e as { message: string; finding?: { line?: number; column?: number } };
    return { error: err.message, line: err.finding?.line, column: err.finding?.column };
  }
}

describe('listAttributes (saxes without its dictionary of attributes)', () => {
  it('finds the array saxes 6 keeps a tag’s attributes in', () => {
    // Were a saxes without it installed, the reader would still be right (it reads the dictionary) but slower.
    expect(Array.isArray((createParser('a.xml') as unknown as { attribList?: unknown }).attribList)).toBe(true);
  });

  it('reports what saxes reports, at the same place: repeated and unbound names, xmlns, malformed names', () => {
    // Names that repeat (as written, or as expanded: p and q are bound to one namespace), are unbound (u), declare
    // prefixes, or are not names saxes takes with namespaces; many of them for the Set saxes uses past a few.
    const name = fc.constantFrom('a', 'b', 'id', 'p:a', 'q:a', 'p:b', 'u:a', 'xmlns', 'xmlns:r', 'r:a', 'xml:lang', 'a:b:c', 'xmlns:xml', 'xmlns:xmlns');
    const many = fc.array(fc.constantFrom(...'cdefghijklmnopqrstuvwxyz'.split('')), { minLength: 15, maxLength: 20 });
    const names = fc.oneof(fc.array(name, { maxLength: 6 }), fc.tuple(many, fc.array(name, { maxLength: 3 })).map(([m, n]) => [...new Set(m), ...n]));
    const tagName = fc.constantFrom('ix:nonFraction', 'span', 'u:x', 'xmlns:x', 'p:x');
    const element = fc.tuple(tagName, names).map(([t, ns]) => `<${t} ${ns.map((n, i) => `${n}="${n.startsWith('xmlns:') ? 'urn:r' : `v${i}`}"`).join(' ')}/>`);
    const doc = (els: string[]) =>
      `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:p="urn:p" xmlns:q="urn:p">\n<body>\n<ix:nonNumeric name="p:T" contextRef="c">${els.join('\n')}</ix:nonNumeric></body></html>`;
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 4 }), (els) => {
        const text = doc(els);
        const listed = outcome(
          () => readDocument(textChunks(text), 'd.html'),
          (r: ReturnType<typeof readDocument>) => r.ixElements.map((e) => [...e.attributes]),
        );
        const stock = outcome(
          () => parseXmlText(text, 'd.html'),
          () => undefined,
        );
        if ('error' in (stock as object)) expect(listed).toEqual(stock);
        else expect(listed).toHaveProperty('ok');
      }),
      { numRuns: 500 },
    );
  });
});
