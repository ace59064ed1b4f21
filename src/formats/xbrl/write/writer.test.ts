import { Decimal } from 'decimal.js';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { KessanError } from '../../../core/errors.js';
import type { Fact } from '../../../core/model/fact.js';
import { forever, instant } from '../../../core/model/period.js';
import { NS, qname } from '../../../core/model/qname.js';
import { divideUnit, simpleUnit } from '../../../core/model/unit.js';
import { formatDecimal } from './facts.js';
import { ENTITY, fact, H1, JPY, JPY_PER_SHARE, MAR31, PURE, Q2, report, sampleReport, SEP30, t, T } from '../../../../test/support/reports.js';
import { writeXbrl } from './writer.js';

const section = (xml: string, from: string, to: string) => xml.slice(xml.indexOf(from), xml.lastIndexOf(to));
const count = (xml: string, s: string) => xml.split(s).length - 1;
const ids = (xml: string, el: string) => [...xml.matchAll(new RegExp(`<xbrli:${el} id="([^"]+)"`, 'g'))].map((m) => m[1]);

function throwsCode(f: () => unknown, code: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KessanError);
    expect((e as KessanError).code).toBe(code);
    return;
  }
  throw new Error(`expected a KessanError ${code}`);
}

describe('writeXbrl', () => {
  it('writes well-formed XML with LF, 2-space indent, schemaRef, contexts, units, then facts', () => {
    const xml = writeXbrl(sampleReport());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('\r');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xbrli:xbrl ')).toBe(true);
    expect(xml.endsWith('</xbrli:xbrl>\n')).toBe(true);
    expect(xml).toContain('\n  <link:schemaRef xlink:type="simple" xlink:href="tiny.xsd"/>\n');
    const order = ['<link:schemaRef', '<xbrli:context', '<xbrli:unit', '<t:Revenues'].map((s) => xml.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(xml.lastIndexOf('<xbrli:context')).toBeLessThan(xml.indexOf('<xbrli:unit'));
    for (const line of xml.split('\n').slice(2, -2)) expect(line).toMatch(/^( {2})+</);
  });

  it('declares exactly the namespaces it needs', () => {
    const xml = writeXbrl(report([fact('a', t('Revenues'), Q2, new Decimal(1), { unit: JPY, decimals: 0 })]));
    const root = xml.split('\n')[1]!;
    expect(root).toBe(
      `<xbrli:xbrl xmlns:xbrli="${NS.xbrli}" xmlns:link="${NS.link}" xmlns:xlink="${NS.xlink}" xmlns:iso4217="${NS.iso4217}" xmlns:t="${T}">`,
    );
    const full = writeXbrl(sampleReport()).split('\n')[1]!;
    expect(full).toContain(`xmlns:xbrldi="${NS.xbrldi}"`);
    expect(full).toContain(`xmlns:xsi="${NS.xsi}"`);
  });

  it('keeps one context per distinct entity, period and dimensions, with readable ids, sorted', () => {
    const xml = writeXbrl(sampleReport());
    expect(ids(xml, 'context')).toEqual([
      'I2004-03-31',
      'I2004-09-30',
      'D2004-04-01_2004-09-30',
      'D2004-04-01_2004-09-30_RegionAxis-Kanto_Tohoku',
      'D2004-07-01_2004-09-30',
      'D2004-07-01_2004-09-30_SegmentAxis-NetworkMember',
    ]);
    expect(count(xml, 'contextRef="D2004-07-01_2004-09-30"')).toBe(6);
  });

  it('writes forever and other-entity contexts', () => {
    const other = { scheme: 'http://www.example.com/entity', identifier: 'SUB 1' };
    const xml = writeXbrl(
      report([
        fact('a', t('Remarks'), forever, 'x'),
        fact('b', t('Remarks'), Q2, 'y'),
        fact('c', t('Remarks'), Q2, 'z', { entity: other }),
        fact('d', t('Remarks'), H1, 'w'),
      ]),
    );
    expect(ids(xml, 'context')).toEqual(['FOREVER', 'D2004-04-01_2004-09-30', 'D2004-07-01_2004-09-30', 'D2004-07-01_2004-09-30_SUB_1']);
    expect(xml).toContain('<xbrli:forever/>');
    expect(xml).toContain('<xbrli:identifier scheme="http://www.example.com/entity">SUB 1</xbrli:identifier>');
  });

  it('writes explicit and typed dimensions in a segment', () => {
    const xml = writeXbrl(sampleReport());
    expect(xml).toContain(
      [
        '      <xbrli:segment>',
        '        <xbrldi:explicitMember dimension="t:SegmentAxis">t:NetworkMember</xbrldi:explicitMember>',
        '      </xbrli:segment>',
      ].join('\n'),
    );
    expect(xml).toContain('<xbrldi:typedMember dimension="t:RegionAxis"><t:Region>Kanto &amp; Tohoku</t:Region></xbrldi:typedMember>');
  });

  it('sorts dimensions and keeps contexts with the same dimensions in any order together', () => {
    const dims1: [ReturnType<typeof t>, ReturnType<typeof t>][] = [
      [t('B'), t('M1')],
      [t('A'), t('M2')],
    ];
    const xml = writeXbrl(
      report([
        fact('a', t('Remarks'), Q2, 'x', { dims: dims1 }),
        fact('b', t('Remarks'), Q2, 'y', { dims: [...dims1].reverse() }),
      ]),
    );
    expect(ids(xml, 'context')).toEqual(['D2004-07-01_2004-09-30_A-M2_B-M1']);
    expect(xml.indexOf('dimension="t:A"')).toBeLessThan(xml.indexOf('dimension="t:B"'));
  });

  it('rejects typed dimension values that are not one element or use undeclared prefixes', () => {
    const typed = (s: string) => report([fact('a', t('Remarks'), Q2, 'x', { dims: [[t('RegionAxis'), { typed: s }]] })]);
    throwsCode(() => writeXbrl(typed('Kanto')), 'kessan:invalidTypedMember');
    throwsCode(() => writeXbrl(typed('<t:R>1</t:R><t:R/>')), 'kessan:invalidTypedMember');
    throwsCode(() => writeXbrl(typed('<zz:R>1</zz:R>')), 'kessan:invalidTypedMember');
  });

  it('writes units: simple, divide, sorted products, with readable ids sorted', () => {
    const usd = qname(NS.iso4217, 'USD', 'iso4217');
    const shares = qname(NS.xbrli, 'shares', 'xbrli');
    const ads = qname('http://example.com/iij', 'ADS', 'iij');
    const gbps = qname('http://example.com/iij', 'Gbps', 'iij');
    const xml = writeXbrl(
      report([
        fact('a', t('EarningsPerShare'), Q2, new Decimal('1.5'), { unit: divideUnit(qname(NS.iso4217, 'JPY', 'iso4217'), ads), decimals: 2 }),
        fact('b', t('X'), Q2, new Decimal('10'), { unit: simpleUnit(gbps), decimals: 0 }),
        fact('c', t('X'), Q2, new Decimal('10'), { unit: { numerator: [usd, shares], denominator: [] }, decimals: 0 }),
        fact('d', t('X'), Q2, new Decimal('10'), { unit: { numerator: [shares, usd], denominator: [] }, decimals: 0 }),
        fact('e', t('EarningsPerShare'), Q2, new Decimal('2'), { unit: JPY_PER_SHARE, decimals: 2 }),
        fact('f', t('GrossMargin'), Q2, new Decimal('0.5'), { unit: PURE, decimals: 2 }),
      ]),
    );
    expect(ids(xml, 'unit')).toEqual(['Gbps', 'JPY-per-ADS', 'JPY-per-shares', 'pure', 'shares-times-USD']);
    expect(xml).toContain(`xmlns:iij="http://example.com/iij"`);
    expect(xml).toContain(
      [
        '  <xbrli:unit id="JPY-per-ADS">',
        '    <xbrli:divide>',
        '      <xbrli:unitNumerator>',
        '        <xbrli:measure>iso4217:JPY</xbrli:measure>',
        '      </xbrli:unitNumerator>',
        '      <xbrli:unitDenominator>',
        '        <xbrli:measure>iij:ADS</xbrli:measure>',
        '      </xbrli:unitDenominator>',
        '    </xbrli:divide>',
        '  </xbrli:unit>',
      ].join('\n'),
    );
    // measures sorted by expanded name ({…/instance}shares before {…/iso4217}USD), whatever order given
    expect(xml).toContain('  <xbrli:unit id="shares-times-USD">\n    <xbrli:measure>xbrli:shares</xbrli:measure>\n    <xbrli:measure>iso4217:USD</xbrli:measure>\n');
    expect(count(xml, 'unitRef="shares-times-USD"')).toBe(2);
  });

  it('makes ids unique when readable ones collide, also with fact ids', () => {
    const other = qname('http://example.com/other', 'JPY', 'o');
    const xml = writeXbrl(
      report([
        fact('I2004-09-30', t('Cash'), SEP30, new Decimal(1), { unit: JPY, decimals: 0 }),
        fact('b', t('Cash'), SEP30, new Decimal(2), { unit: simpleUnit(other), decimals: 0 }),
      ]),
    );
    expect(ids(xml, 'context')).toEqual(['I2004-09-30_2']);
    expect(ids(xml, 'unit')).toEqual(['JPY', 'JPY_2']);
    expect(xml).toContain('<xbrli:unit id="JPY">\n    <xbrli:measure>iso4217:JPY</xbrli:measure>');
  });

  it('writes numbers in plain form: negative, zero, large, small, decimals INF', () => {
    const xml = writeXbrl(
      report([
        fact('a', t('NetIncome'), Q2, new Decimal('-2035'), { unit: JPY, decimals: 0 }),
        fact('b', t('NetIncome'), H1, new Decimal('-0'), { unit: JPY, decimals: 0 }),
        fact('c', t('Cash'), SEP30, new Decimal('1e21'), { unit: JPY, decimals: 'INF' }),
        fact('d', t('GrossMargin'), Q2, new Decimal('1.2e-7'), { unit: PURE, decimals: 9 }),
      ]),
    );
    expect(xml).toContain('decimals="0" id="a">-2035</t:NetIncome>');
    expect(xml).toContain('decimals="0" id="b">0</t:NetIncome>');
    expect(xml).toContain('decimals="INF" id="c">1000000000000000000000</t:Cash>');
    expect(xml).toContain('decimals="9" id="d">0.00000012</t:GrossMargin>');
    expect(formatDecimal(new Decimal('1.50'))).toBe('1.5');
    expect(formatDecimal(new Decimal('-0.000'))).toBe('0');
    throwsCode(() => formatDecimal(new Decimal(NaN)), 'kessan:invalidValue');
  });

  it('writes nil facts with xsi:nil, no decimals, empty content', () => {
    const xml = writeXbrl(sampleReport());
    expect(xml).toContain('  <t:Cash contextRef="I2004-03-31" unitRef="JPY" id="f5" xsi:nil="true"/>\n');
    expect(xml).toContain('  <t:Remarks contextRef="D2004-04-01_2004-09-30" id="f10" xsi:nil="true"/>\n');
  });

  it('escapes text and writes xml:lang', () => {
    const xml = writeXbrl(
      report([fact('a', t('Remarks'), Q2, 'a < b & c > d "q" \'s\'\r\nnext', { lang: 'en-US' }), fact('b', t('Remarks'), H1, '日本語', { lang: 'ja' })]),
    );
    expect(xml).toContain('id="a" xml:lang="en-US">a &lt; b &amp; c &gt; d "q" \'s\'&#xD;\nnext</t:Remarks>');
    expect(xml).toContain('id="b" xml:lang="ja">日本語</t:Remarks>');
    throwsCode(() => writeXbrl(report([fact('a', t('Remarks'), Q2, 'bell\u0007')])), 'kessan:invalidXmlChar');
    throwsCode(() => writeXbrl(report([fact('a', t('Remarks'), Q2, 'x', { lang: 'en us' })])), 'kessan:invalidLang');
  });

  it('rejects invalid or duplicate fact ids and inconsistent facts', () => {
    for (const id of ['1abc', 'a b', 'a:b', '']) {
      throwsCode(() => writeXbrl(report([fact(id, t('Remarks'), Q2, 'x')])), 'kessan:invalidFactId');
    }
    throwsCode(() => writeXbrl(report([fact('a', t('Remarks'), Q2, 'x'), fact('a', t('Remarks'), H1, 'y')])), 'kessan:duplicateFactId');
    throwsCode(() => writeXbrl(report([fact('a', t('Cash'), SEP30, new Decimal(1), { decimals: 0 })])), 'kessan:missingUnit');
    throwsCode(() => writeXbrl(report([fact('a', t('Cash'), SEP30, new Decimal(1), { unit: JPY })])), 'kessan:missingDecimals');
    throwsCode(() => writeXbrl(report([fact('a', t('Cash'), SEP30, new Decimal(1), { unit: JPY, decimals: 1.5 })])), 'kessan:invalidDecimals');
    throwsCode(() => writeXbrl(report([fact('a', t('Remarks'), Q2, 'x', { unit: JPY })])), 'kessan:unexpectedUnit');
    throwsCode(() => writeXbrl(report([fact('a', t('Cash'), instant('2004-02-30'), null, { unit: JPY })])), 'kessan:invalidPeriod');
    throwsCode(() => writeXbrl(report([fact('a', t('Remarks'), Q2, 'x')], [])), 'kessan:noSchemaRef');
  });

  it('uses options.schemaRef instead of the report’s', () => {
    const xml = writeXbrl(report([fact('a', t('Remarks'), Q2, 'x')], ['a.xsd', 'b.xsd']), { schemaRef: '../taxonomy/x&y.xsd' });
    expect(count(xml, '<link:schemaRef')).toBe(1);
    expect(xml).toContain('xlink:href="../taxonomy/x&amp;y.xsd"');
    const two = writeXbrl(report([fact('a', t('Remarks'), Q2, 'x')], ['a.xsd', 'b.xsd']));
    expect(count(two, '<link:schemaRef')).toBe(2);
  });

  it('chooses prefixes without clashes: report prefixes, then QName prefixes, then ns1, ns2…', () => {
    const clash = qname('http://example.com/clash', 'C', 't'); // carries prefix t, which the report gives to T
    const bare1 = qname('http://example.com/b1', 'X');
    const bare2 = qname('http://example.com/b2', 'Y');
    const xbrliLike = qname('http://example.com/fake', 'Z', 'xbrli');
    const xml = writeXbrl(
      report([
        fact('a', t('Remarks'), Q2, 'x'),
        fact('b', clash, Q2, 'x'),
        fact('c', bare2, Q2, 'x'),
        fact('d', bare1, Q2, 'x'),
        fact('e', xbrliLike, Q2, 'x'),
      ]),
    );
    expect(xml).toContain(`xmlns:t="${T}"`);
    expect(xml).toContain('xmlns:ns1="http://example.com/b1" xmlns:ns2="http://example.com/b2"');
    expect(xml).toContain('xmlns:ns3="http://example.com/clash"');
    expect(xml).toContain('xmlns:ns4="http://example.com/fake"');
    expect(xml).toContain('<ns3:C contextRef');
    expect(xml).toContain('<ns4:Z contextRef');
    expect(XMLValidator.validate(xml)).toBe(true);
    throwsCode(() => writeXbrl(report([fact('a', qname('', 'NoNs'), Q2, 'x')])), 'kessan:noNamespace');
  });

  it('is deterministic: the same report gives the same bytes', () => {
    expect(writeXbrl(sampleReport())).toBe(writeXbrl(sampleReport()));
  });

  it('gives the same contexts and units whatever order the facts come in', () => {
    const base = sampleReport();
    const header = (facts: Fact[]) => section(writeXbrl({ ...base, facts }), '<link:schemaRef', '</xbrli:unit>');
    const expected = header(base.facts);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 20; round++) {
      const shuffled = [...base.facts];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(header(shuffled)).toBe(expected);
    }
    // …and the facts themselves stay in report order.
    const reversed = writeXbrl({ ...base, facts: [...base.facts].reverse() });
    expect(reversed.indexOf('id="f13"')).toBeLessThan(reversed.indexOf('id="f1"'));
  });

  it('keeps the main entity the same whatever order facts come in', () => {
    const other = { ...ENTITY, identifier: 'OTHER' };
    const facts = [fact('a', t('Cash'), MAR31, null, { unit: JPY, entity: other }), fact('b', t('Cash'), SEP30, null, { unit: JPY }), fact('c', t('Cash'), MAR31, null, { unit: JPY })];
    const a = ids(writeXbrl(report(facts)), 'context');
    const b = ids(writeXbrl(report([...facts].reverse())), 'context');
    expect(a).toEqual(['I2004-03-31', 'I2004-09-30', 'I2004-03-31_OTHER']);
    expect(b).toEqual(a);
  });
});
