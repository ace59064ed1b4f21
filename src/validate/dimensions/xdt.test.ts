import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/model/finding.js';
import { readInstance } from '../../formats/xbrl/read/read.js';
import { loadTaxonomy } from '../../core/taxonomy/loader.js';
import { DEFAULT_OPTIONS, type RuleContext } from '../rule.js';
import { findingsOf, validate } from '../validate.js';
import { xdtRules } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
const taxonomy = loadTaxonomy([join(fixtures, 'dim.xsd')]);

const dim = (d: string, m: string) => `<xbrldi:explicitMember dimension="d:${d}">d:${m}</xbrldi:explicitMember>`;
const typed = (d: string, content: string) => `<xbrldi:typedMember dimension="d:${d}">${content}</xbrldi:typedMember>`;
/** A context with segment and scenario content (empty: none). */
const C = (id: string, segment = '', scenario = '') =>
  `  <xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier>${segment ? `<xbrli:segment>${segment}</xbrli:segment>` : ''}</xbrli:entity><xbrli:period><xbrli:startDate>2020-01-01</xbrli:startDate><xbrli:endDate>2020-12-31</xbrli:endDate></xbrli:period>${scenario ? `<xbrli:scenario>${scenario}</xbrli:scenario>` : ''}</xbrli:context>`;

/** The valid base instance; line n of the document is BASE[n - 1]. */
const BASE = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:d="http://example.com/dim">',
  '  <link:schemaRef xlink:type="simple" xlink:href="dim.xsd"/>',
  C('D'),
  C('Europe', dim('RegionAxis', 'Europe')),
  C('Asia', dim('RegionAxis', 'Asia')),
  C('Customer', '', typed('CustomerAxis', '<d:CustomerId>C-1</d:CustomerId>')),
  '  <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>',
  '  <d:Sales contextRef="D" unitRef="JPY" decimals="0">100</d:Sales>',
  '  <d:Sales contextRef="Europe" unitRef="JPY" decimals="0">60</d:Sales>',
  '  <d:Costs contextRef="Asia" unitRef="JPY" decimals="0">30</d:Costs>',
  '  <d:Plain contextRef="Europe" unitRef="JPY" decimals="0">5</d:Plain>',
  '  <d:Orders contextRef="Customer" unitRef="JPY" decimals="0">7</d:Orders>',
  '</xbrli:xbrl>',
];

function check(lines: readonly string[]): Finding[] {
  const file = join(fixtures, 'test-instance.xml');
  const report = readInstance(lines.join('\n'), file);
  return validate({ report, instance: report.instance, taxonomy, taxonomyIncomplete: false, file }, xdtRules);
}
const withLine = (n: number, text: string) => BASE.map((l, i) => (i === n - 1 ? text : l));
const at = (fs: readonly Finding[]) => fs.map((f) => `${f.code} ${f.file?.split('/').pop()}:${f.line}`).sort();

describe('XBRL Dimensions instance rules', () => {
  it('the valid instance has no findings', () => {
    expect(at(check(BASE))).toEqual([]);
  });

  /** [code, the document, the line the finding must be on]. */
  const CASES: [string, string[], number][] = [
    ['xbrldie:PrimaryItemDimensionallyInvalidError', withLine(10, '  <d:Sales contextRef="Hidden" unitRef="JPY" decimals="0">60</d:Sales>').map((l, i) => (i === 3 ? `${l}\n${C('Hidden', dim('RegionAxis', 'Hidden'))}` : l)), 11],
    ['xbrldie:PrimaryItemDimensionallyInvalidError', withLine(13, '  <d:Orders contextRef="D" unitRef="JPY" decimals="0">7</d:Orders>'), 13],
    ['xbrldie:PrimaryItemDimensionallyInvalidError', withLine(4, C('D', '<d:Other>x</d:Other>')), 9],
    ['xbrldie:PrimaryItemDimensionallyInvalidError', withLine(5, C('Europe', dim('RegionAxis', 'Europe') + typed('CustomerAxis', '<d:CustomerId>C-1</d:CustomerId>'))), 10],
    ['xbrldie:DefaultValueUsedInInstanceError', withLine(5, C('Europe', dim('RegionAxis', 'RegionDomain'))), 5],
    ['xbrldie:ExplicitMemberNotExplicitDimensionError', withLine(5, C('Europe', dim('CustomerAxis', 'Europe'))), 5],
    ['xbrldie:ExplicitMemberNotExplicitDimensionError', withLine(5, C('Europe', dim('Sales', 'Europe'))), 5],
    ['xbrldie:TypedMemberNotTypedDimensionError', withLine(7, C('Customer', '', typed('RegionAxis', '<d:CustomerId>C-1</d:CustomerId>'))), 7],
    ['xbrldie:RepeatedDimensionInInstanceError', withLine(5, C('Europe', dim('RegionAxis', 'Europe') + dim('RegionAxis', 'Asia'))), 5],
    ['xbrldie:RepeatedDimensionInInstanceError', withLine(5, C('Europe', dim('RegionAxis', 'Europe'), dim('RegionAxis', 'Europe'))), 5],
    ['xbrldie:IllegalTypedDimensionContentError', withLine(7, C('Customer', '', typed('CustomerAxis', '<d:Other>C-1</d:Other>'))), 7],
    ['xbrldie:IllegalTypedDimensionContentError', withLine(7, C('Customer', '', typed('CustomerAxis', ''))), 7],
    ['xbrldie:ExplicitMemberUndefinedQNameError', withLine(5, C('Europe', dim('RegionAxis', 'Nowhere'))), 5],
  ];
  it.each(CASES)('reports %s', (code, doc, line) => {
    const fs = check(doc);
    expect(at(fs)).toContain(`${code} test-instance.xml:${line}`);
    for (const f of fs) expect(f.severity).toBe('error');
  });

  it('a primary item without hypercubes is valid in any context', () => {
    const doc = withLine(12, '  <d:Plain contextRef="Customer" unitRef="JPY" decimals="0">5</d:Plain>');
    expect(at(check(doc))).toEqual([]);
  });

  it('an incomplete DTS: facts whose verdict depends on what is missing are not judged', () => {
    const doc = withLine(10, '  <d:Sales contextRef="Hidden" unitRef="JPY" decimals="0">60</d:Sales>').map((l, i) => (i === 3 ? `${l}\n${C('Hidden', dim('RegionAxis', 'Hidden'))}` : l));
    const file = join(fixtures, 'test-instance.xml');
    const report = readInstance(doc.join('\n'), file);
    const ctx = { report, instance: report.instance, taxonomy, taxonomyIncomplete: true, file };
    // Hidden is declared and unusable: still decidable.
    expect(at(validate(ctx, xdtRules))).toContain('xbrldie:PrimaryItemDimensionallyInvalidError test-instance.xml:11');
    // A member from a namespace the DTS does not have could come from what is missing.
    const other = doc.map((l) => l.replace('d:Hidden</xbrldi', 'x:Hidden</xbrldi').replace('xmlns:d=', 'xmlns:x="http://example.com/missing" xmlns:d='));
    const r2 = readInstance(other.join('\n'), file);
    expect(at(validate({ ...ctx, report: r2, instance: r2.instance }, xdtRules))).toEqual([]);
  });
});

function runTaxonomy(entry: string): Finding[] {
  const t = loadTaxonomy([entry]);
  const ctx: RuleContext = {
    report: { facts: [], taxonomy: { schemaRefs: [] }, namespaces: {}, documentInfo: {}, findings: [] },
    taxonomy: t, taxonomyIncomplete: t.unavailable.length > 0, options: DEFAULT_OPTIONS, file: entry,
  };
  return xdtRules.filter((r) => !r.needs.includes('instance')).flatMap((r) => [...findingsOf(r, ctx)]);
}

describe('XBRL Dimensions taxonomy rules', () => {
  it('the valid taxonomy has no findings', () => {
    expect(at(runTaxonomy(join(fixtures, 'dim.xsd')))).toEqual([]);
  });

  const fs = runTaxonomy(join(fixtures, 'bad.xsd'));
  it.each([
    'xbrldte:HypercubeElementIsNotAbstractError bad.xsd:8',
    'xbrldte:DimensionElementIsNotAbstractError bad.xsd:10',
    'xbrldte:TypedDomainRefError bad.xsd:11',
    'xbrldte:TypedDimensionError bad.xsd:12',
    'xbrldte:TypedDimensionURIError bad.xsd:13',
    'xbrldte:OutOfDTSSchemaError bad.xsd:14',
    'xbrldte:HypercubeDimensionSourceError bad_def.xml:24',
    'xbrldte:HypercubeDimensionTargetError bad_def.xml:25',
    'xbrldte:HasHypercubeSourceError bad_def.xml:26',
    'xbrldte:HasHypercubeTargetError bad_def.xml:27',
    'xbrldte:HasHypercubeMissingContextElementAttributeError bad_def.xml:28',
    'xbrldte:TargetRoleNotResolvedError bad_def.xml:29',
    'xbrldte:DimensionDomainSourceError bad_def.xml:30',
    'xbrldte:DimensionDomainTargetError bad_def.xml:31',
    'xbrldte:DomainMemberSourceError bad_def.xml:32',
    'xbrldte:DomainMemberTargetError bad_def.xml:33',
    'xbrldte:DimensionDefaultSourceError bad_def.xml:34',
    'xbrldte:DimensionDefaultTargetError bad_def.xml:35',
    'xbrldte:TooManyDefaultMembersError bad_def.xml:37',
    'xbrldte:DRSDirectedCycleError bad_def.xml:38',
    'xbrldte:PrimaryItemPolymorphismError bad_def.xml:43',
    'sche:XmlSchemaError bad_def.xml:46',
  ])('reports %s', (want) => {
    expect(at(fs)).toContain(want);
  });
});
