import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../core/xml/parse.js';
import { readInline } from '../read/read.js';
import { factLine } from '../../../../test/support/example.js';
import { fact, JPY, Q2, report, sampleReport, t } from '../../../../test/support/reports.js';
import { inlineXhtml } from './inline.js';
import { tagPrinting } from './tags.js';
import { writeInlineXbrl } from './writer.js';
import { contextKey } from '../../xbrl/write/contexts.js';

const sorted = (facts: Parameters<typeof factLine>[0][]) => facts.map(factLine).sort();

describe('writeInlineXbrl without a release layout', () => {
  it('writes well-formed XHTML with a hidden ix:header, and reads back to the same facts', () => {
    const r = sampleReport();
    const html = writeInlineXbrl(r);
    expect(() => parseXml(html, 'x.html')).not.toThrow();
    expect(html).toContain('<div style="display:none">\n<ix:header>');
    expect(html).toContain('<link:schemaRef xlink:type="simple" xlink:href="tiny.xsd"/>');
    expect(html).toContain('xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"');
    expect(html).toContain('<xbrldi:typedMember dimension="t:RegionAxis"><t:Region>Kanto &amp; Tohoku</t:Region></xbrldi:typedMember>');
    expect(html).toMatch(/\(<ix:nonFraction name="t:NetIncome"[^>]* sign="-">2,035,000,000<\/ix:nonFraction>\)/);
    const back = readInline([{ text: html, file: 'x.html' }]);
    expect(back.findings).toEqual([]);
    expect(sorted(back.facts)).toEqual(sorted(r.facts));
    expect(writeInlineXbrl(sampleReport())).toBe(html);
  });

  it('splits text at blank lines into ix:nonNumeric and ix:continuation, and the value survives', () => {
    const text = 'First paragraph.\n\nSecond & <last> one.\n\nThird.';
    const r = report([fact('n1', t('Remarks'), Q2, text, { lang: 'en' })]);
    const html = writeInlineXbrl(r);
    expect(html).toContain('continuedAt="c1_n1"');
    expect(html).toContain('<ix:continuation id="c2_n1">Third.</ix:continuation>');
    expect(readInline([{ text: html, file: 'x.html' }]).facts[0]!.value).toBe(text);
  });
});

describe('tagging a printing', () => {
  const ctx = () => ({ names: { name: (q: { localName: string }) => `t:${q.localName}` } as never, contextIds: new Map([[`http://www.example.com/entity#TINY|2004-07-01/2004-09-30|`, 'D']]), contextKeyOf: contextKey, unitIds: new Map([['{http://www.xbrl.org/2003/iso4217}JPY', 'JPY']]), printings: new Map() });
  it('puts parentheses outside the tag with sign="-", scale and decimals from the printing', () => {
    const f = fact('f1', t('NetIncome'), Q2, new Decimal('-2035379000'), { unit: JPY, decimals: -3 });
    const c = ctx();
    expect(tagPrinting(f, '(2,035,379)', 3, c)).toBe('(<ix:nonFraction name="t:NetIncome" contextRef="D" unitRef="JPY" id="f1" decimals="-3" scale="3" format="ixt:num-dot-decimal" sign="-">2,035,379</ix:nonFraction>)');
    // the same fact printed in millions elsewhere: a consistent duplicate at its own precision
    expect(tagPrinting(f, '(2,035)', 6, c)).toContain('id="f1_p2" decimals="-6" scale="6"');
    expect(tagPrinting(f, '(2,036)', 6, c)).toBeUndefined();
  });
});

describe('inline markup', () => {
  it('turns release markup into balanced XHTML', () => {
    expect(inlineXhtml('**Bold** and *it* 2<sup>nd</sup> &amp; \\$5 <http://x.jp/>')).toBe('<b>Bold</b> and <i>it</i> 2<sup>nd</sup> &amp; $5 <a href="http://x.jp/">http://x.jp/</a>');
    expect(inlineXhtml('***both***')).toBe('<b><i>both</i></b>');
    expect(inlineXhtml('***open')).toBe('<b><i>open</i></b>');
    expect(inlineXhtml('a < b </b>')).toBe('a &lt; b ');
  });
});
