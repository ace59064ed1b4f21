import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInstance } from '../../formats/xbrl/read/read.js';
import { loadTaxonomy } from '../../core/taxonomy/loader.js';
import type { Finding } from '../../core/model/finding.js';
import { validate } from '../validate.js';
import { instanceRules } from './instance.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures', 'instance');
const taxonomy = loadTaxonomy([join(fixtures, 'fx.xsd')]);

const C = (id: string, period: string, extra = '') =>
  `  <xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier>${extra}</xbrli:entity><xbrli:period>${period}</xbrli:period></xbrli:context>`;
const INSTANT = '<xbrli:instant>2020-12-31</xbrli:instant>';
const CS = (scenario: string) => C('I', INSTANT).replace('</xbrli:context>', `${scenario}</xbrli:context>`);
const FN = (from = 'f', to = 'n', href = '#c1', lang = ' xml:lang="en"') => [
  '  <link:footnoteLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">',
  `    <link:loc xlink:type="locator" xlink:label="f" xlink:href="${href}"/>`,
  `    <link:footnote xlink:type="resource" xlink:label="n" xlink:role="http://www.xbrl.org/2003/role/footnote"${lang}>Note</link:footnote>`,
  `    <link:footnoteArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/fact-footnote" xlink:from="${from}" xlink:to="${to}"/>`,
];

/** The valid base instance; line n of the document is BASE[n - 1]. */
const BASE = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:fx="http://example.com/fx">',
  '  <link:schemaRef xlink:type="simple" xlink:href="fx.xsd"/>',
  C('I', INSTANT),
  C('D', '<xbrli:startDate>2020-01-01</xbrli:startDate><xbrli:endDate>2020-12-31</xbrli:endDate>'),
  '  <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>',
  '  <xbrli:unit id="sh"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>',
  '  <xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>',
  '  <fx:Cash contextRef="I" unitRef="JPY" decimals="0" id="c1">100</fx:Cash>',
  '  <fx:Revenue contextRef="D" unitRef="JPY" decimals="-3">5000</fx:Revenue>',
  '  <fx:Shares contextRef="I" unitRef="sh" decimals="0">10</fx:Shares>',
  '  <fx:Note contextRef="I" xml:lang="en">text</fx:Note>',
  '  <fx:Fixed contextRef="I" unitRef="JPY">1.25</fx:Fixed>',
  '  <fx:Count contextRef="I" unitRef="pure" decimals="0">255</fx:Count>',
  '  <fx:Flag contextRef="I">true</fx:Flag>',
  '  <fx:Day contextRef="I">2020-02-29</fx:Day>',
  '  <fx:Group><fx:Note contextRef="I" xml:lang="en">in tuple</fx:Note></fx:Group>',
  ...FN(),
  '  </link:footnoteLink>',
  '</xbrli:xbrl>',
];

function check(lines: readonly string[]): Finding[] {
  const file = join(fixtures, 'test-instance.xml');
  const report = readInstance(lines.join('\n'), file);
  return validate({ report, instance: report.instance, taxonomy, taxonomyIncomplete: false, file }, instanceRules);
}

const withLine = (n: number, text: string) => BASE.map((l, i) => (i === n - 1 ? text : l));
const TWO = '  <xbrli:unit id="two"><xbrli:measure>iso4217:JPY</xbrli:measure><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>';

/** [code, the document, the line the finding must be on]. */
const CASES: [string, string[], number][] = [
  ['xbrl.4.7.2:contextDateError', withLine(4, C('I', '<xbrli:instant>2020-02-30</xbrli:instant>')), 4],
  ['xbrl.4.7.2:periodStartBeforeEnd', withLine(5, C('D', '<xbrli:startDate>2021-01-01</xbrli:startDate><xbrli:endDate>2020-12-31</xbrli:endDate>')), 5],
  ['xbrl.4.7.2:contextPeriodType', withLine(9, '<fx:Cash contextRef="D" unitRef="JPY" decimals="0" id="c1">100</fx:Cash>'), 9],
  ['xbrl.4.7.3.2:segmentXbrliElement', withLine(4, C('I', INSTANT, '<xbrli:segment><xbrli:measure>x</xbrli:measure></xbrli:segment>')), 4],
  ['xbrl.4.7.3.2:segmentItemOrTuple', withLine(4, C('I', INSTANT, '<xbrli:segment><fx:Cash>1</fx:Cash></xbrli:segment>')), 4],
  ['xbrl.4.7.3.2:segmentEmpty', withLine(4, C('I', INSTANT, '<xbrli:segment/>')), 4],
  ['xbrl.4.7.4:scenarioXbrliElement', withLine(4, CS('<xbrli:scenario><xbrli:unit/></xbrli:scenario>')), 4],
  ['xbrl.4.7.4:scenarioItemOrTuple', withLine(4, CS('<xbrli:scenario><fx:Note>x</fx:Note></xbrli:scenario>')), 4],
  ['xbrl.4.7.4:scenarioEmpty', withLine(4, CS('<xbrli:scenario/>')), 4],
  ['xbrl.4.8.2:measureElement', withLine(8, '  <xbrli:unit id="pure"><xbrli:measure>xbrli:foo</xbrli:measure></xbrli:unit>'), 8],
  ['xbrl.4.8.4:measureBothNumDenom', withLine(8, '  <xbrli:unit id="pure"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unitDenominator></xbrli:divide></xbrli:unit>'), 8],
  ['xbrl:schemaImportMissing', withLine(15, '  <fx:Unknown contextRef="I">x</fx:Unknown>'), 15],
  ['xmlSchema:abstractElement', withLine(15, '  <fx:Heading contextRef="I">x</fx:Heading>'), 15],
  ['xbrl.4.6.1:itemContextRef', withLine(9, '  <fx:Cash contextRef="JPY" unitRef="JPY" decimals="0" id="c1">100</fx:Cash>'), 9],
  ['xbrl.4.6.1:tupleContextRef', withLine(17, '  <fx:Group contextRef="I"><fx:Note contextRef="I" xml:lang="en">in tuple</fx:Note></fx:Group>'), 17],
  ['xbrl.4.6.2:numericUnit', withLine(10, '  <fx:Revenue contextRef="D" decimals="-3">5000</fx:Revenue>'), 10],
  ['xbrl.4.8.2:monetaryFactUnit-notSingleMeasure', withLine(10, '  <fx:Revenue contextRef="D" unitRef="two" decimals="-3">5000</fx:Revenue>').map((l, i) => (i === 7 ? `${l}\n${TWO}` : l)), 11],
  ['xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure', withLine(10, '  <fx:Revenue contextRef="D" unitRef="sh" decimals="-3">5000</fx:Revenue>'), 10],
  ['xbrl.4.8.2:sharesFactUnit-notSingleMeasure', withLine(11, '  <fx:Shares contextRef="I" unitRef="two" decimals="0">10</fx:Shares>').map((l, i) => (i === 7 ? `${l}\n${TWO}` : l)), 12],
  ['xbrl.4.8.2:sharesFactUnit-notSharesMeasure', withLine(11, '  <fx:Shares contextRef="I" unitRef="JPY" decimals="0">10</fx:Shares>'), 11],
  ['xbrl.4.6.4:precision', withLine(9, '  <fx:Cash contextRef="I" unitRef="JPY" precision="x" id="c1">100</fx:Cash>'), 9],
  ['xbrl.4.6.5:decimals', withLine(9, '  <fx:Cash contextRef="I" unitRef="JPY" decimals="1.5" id="c1">100</fx:Cash>'), 9],
  ['xbrl.4.6.3:bothPrecisionAndDecimals', withLine(9, '  <fx:Cash contextRef="I" unitRef="JPY" decimals="0" precision="3" id="c1">100</fx:Cash>'), 9],
  ['xbrl.4.6.3:nilPrecisionDecimals', withLine(9, '  <fx:Cash contextRef="I" unitRef="JPY" decimals="0" xsi:nil="true" id="c1"/>'), 9],
  ['xbrl.4.6.3:nilPrecisionDecimals', withLine(13, '  <fx:Fixed contextRef="I" unitRef="JPY" xsi:nil="true"/>'), 13],
  ['xbrl.4.6.3:missingPrecisionDecimals', withLine(9, '  <fx:Cash contextRef="I" unitRef="JPY" id="c1">100</fx:Cash>'), 9],
  ['xbrl.4.6.3:extraneousPrecisionDecimals', withLine(12, '  <fx:Note contextRef="I" xml:lang="en" decimals="0">text</fx:Note>'), 12],
  ['xbrl.4.6.3:tuplePrecisionDecimals', withLine(17, '  <fx:Group decimals="0"><fx:Note contextRef="I" xml:lang="en">in tuple</fx:Note></fx:Group>'), 17],
  ['xbrl.5.1.1:itemMixedContent', withLine(12, '  <fx:Note contextRef="I"><fx:Member>1</fx:Member></fx:Note>'), 12],
  ['xmlSchema:nilNonNillableElement', withLine(10, '  <fx:Revenue contextRef="D" unitRef="JPY" xsi:nil="true"/>'), 10],
  ['xmlSchema:nilElementHasContent', withLine(12, '  <fx:Note contextRef="I" xsi:nil="true">x</fx:Note>'), 12],
  ['xmlSchema:valueError', withLine(14, '  <fx:Count contextRef="I" unitRef="pure" decimals="0">256</fx:Count>'), 14],
  ['xmlSchema:valueError', withLine(15, '  <fx:Flag contextRef="I">yes</fx:Flag>'), 15],
  ['xmlSchema:valueError', withLine(16, '  <fx:Day contextRef="I">2021-02-29</fx:Day>'), 16],
  ['xmlSchema:valueError', withLine(4, C('I', INSTANT, '<xbrli:segment><fx:Member>abc</fx:Member></xbrli:segment>')), 4],
  ['xmlSchema:valueError', withLine(8, '  <xbrli:unit id="pure"><xbrli:measure>nope:pure</xbrli:measure></xbrli:unit>'), 8],
  ['xbrl.4:xbrlRootElement', [BASE[0]!, '<wrap>', ...BASE.slice(1), '</wrap>'], 1],
  ['xmlSchema:elementOccurrencesError', withLine(3, '  <!-- no schemaRef -->'), 1],
  ['xbrl.4.7:instanceElementOrder', withLine(6, '  <link:schemaRef xlink:type="simple" xlink:href="fx.xsd"/>'), 6],
  // A schemaRef after a roleRef: the references' own order (line 4, the schemaRef).
  ['xbrl.4.7:instanceElementOrder', [...BASE.slice(0, 2), '  <link:roleRef roleURI="http://example.com/role" xlink:type="simple" xlink:href="fx.xsd#r"/>', ...BASE.slice(2)], 4],
  ['xbrl.4.2.2:schemaRefHref', withLine(3, '  <link:schemaRef xlink:type="simple" xlink:href="fx.xsd"/><link:schemaRef xlink:type="simple" xlink:href="notaschema.xsd"/>'), 3],
  ['xbrl.4.11.1.1:footnoteLinkLocTarget', [...BASE.slice(0, 17), ...FN('f', 'n', '#I'), ...BASE.slice(21)], 19],
  ['xbrl.4.11.1.1:instanceLoc', [...BASE.slice(0, 17), ...FN('f', 'n', 'other.xml#c1'), ...BASE.slice(21)], 19],
  ['xbrl.3.5.3.9.2:arcResource', [...BASE.slice(0, 17), ...FN('zz'), ...BASE.slice(21)], 21],
  ['xbrl.4.11.1.3.1:factFootnoteArcFrom', [...BASE.slice(0, 17), ...FN('n', 'n'), ...BASE.slice(21)], 21],
  ['xbrl.4.11.1.3.1:factFootnoteArcTo', [...BASE.slice(0, 17), ...FN('f', 'f'), ...BASE.slice(21)], 21],
  ['xbrl.4.11.1.2.1:footnoteLang', [...BASE.slice(0, 17), ...FN('f', 'n', '#c1', ''), ...BASE.slice(21)], 20],
];

describe('XBRL 2.1 instance rules', () => {
  it('find nothing wrong in a valid instance', () => {
    expect(check(BASE).map((f) => `${f.code} ${f.line} ${f.message}`)).toEqual([]);
  });

  it.each(CASES)('%s', (code, lines, line) => {
    const found = check(lines);
    const hit = found.find((f) => f.code === code);
    expect(hit, found.map((f) => `${f.code} ${f.line}`).join('; ')).toBeDefined();
    expect(hit!.line).toBe(line);
    expect(hit!.severity).toBe('error');
    expect(hit!.message.length).toBeGreaterThan(10);
  });

  it('every registered rule has a code ending in its file name and docs', () => {
    for (const r of instanceRules) {
      expect(r.code).toMatch(/^[\w.]+:[\w-]+$/);
      expect(r.docs.length).toBeGreaterThan(20);
    }
  });
});
