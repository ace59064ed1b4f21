import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt } from '../../../../test/support/cut.js';
import { xmlPieces } from './html.js';

const join = (pieces: Iterable<string>) => [...pieces].join('');


describe('XHTML pieces as XML', () => {
  it('makes named references numeric, blanks the DOCTYPE (lines kept) and drops a BOM', () => {
    const [line1, line2] = ['<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN"', ' "x.dtd">'];
    const doc = `\uFEFF${line1}\n${line2}\n<p>a&nbsp;b&amp;&hellip;&unknown;&constructorX;</p>`;
    const out = join(xmlPieces([doc]));
    expect(out).toBe(`${' '.repeat(line1.length)}\n${' '.repeat(line2.length)}\n<p>a&#160;b&amp;&#8230;&unknown;&constructorX;</p>`);
  });

  it('gives the same text however the document is cut into pieces (references and the DOCTYPE across cuts)', () => {
    const part = fc.constantFrom('&nbsp;', '&hellip;', '&amp;', '&lsaquo;', '&unknown;', '&', 'a', ';', 'x1', '\n', '<p>', '</p>', '&#160;', '\uFEFF');
    // A comment of about 4 KiB first: what follows the document's first 4,096 characters is made XML piece by piece.
    const doc = fc.tuple(fc.boolean(), fc.array(part, { maxLength: 300 }), fc.nat({ max: 4200 })).map(([doctype, parts, pad]) =>
      `<?xml version="1.0"?><!--${'c'.repeat(pad)}-->${doctype ? '<!DOCTYPE html>' : ''}<html>${parts.join('')}</html>`,
    );
    // Cuts anywhere, and cuts in the part after the first 4,096 characters (where references are).
    const cuts = fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }));
    fc.assert(
      fc.property(doc, cuts, (text, [anywhere, late]) => {
        const after = Math.min(text.length, 4000);
        const at = [...anywhere, ...late.map((c) => after + (c % (text.length - after + 1)))];
        expect(join(xmlPieces(cutAt(text, at)))).toBe(join(xmlPieces([text])));
      }),
      { numRuns: 500 },
    );
  });
});
