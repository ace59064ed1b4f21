/**
 * Calculation (§5.2.5.2), s-equal (§4.10) and essence-alias (§5.2.6.2.2) consistency on instances of the
 * fixtures/consistency taxonomy: type-defaulted decimals, element defaults, nil duplicates, typed s-equal
 * segment/scenario values, essence-alias units and values.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInstance } from '../../formats/xbrl/read/read.js';
import { loadTaxonomy } from '../../core/taxonomy/loader.js';
import { validate } from '../validate.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'consistency');
const taxonomy = loadTaxonomy([join(fixtures, 'ea.xsd')]);

const ctx = (id: string, scenario = '') =>
  `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2020-12-31</xbrli:instant></xbrli:period>${scenario ? `<xbrli:scenario>${scenario}</xbrli:scenario>` : ''}</xbrli:context>`;

function check(body: string, contexts = ctx('I')): string[] {
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:ea="http://example.com/ea">',
    '  <link:schemaRef xlink:type="simple" xlink:href="ea.xsd"/>',
    contexts,
    '  <xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>',
    '  <xbrli:unit id="EUR"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>',
    body,
    '</xbrli:xbrl>',
  ].join('\n');
  const file = join(fixtures, 'test-instance.xml');
  const report = readInstance(text, file);
  return validate({ report, instance: report.instance, taxonomy, taxonomyIncomplete: false, file, options: { calc: 'xbrl21' } }).map((f) => f.code);
}

const CALC = 'xbrl.5.2.5.2:calcInconsistency';
const fact = (concept: string, value: string, attrs = 'decimals="INF"', context = 'I', unit = 'USD') =>
  `<ea:${concept} contextRef="${context}" unitRef="${unit}" ${attrs}>${value}</ea:${concept}>`;

/** Only the calculation findings (other rules, e.g. duplicate facts, may see the same instance too). */
const calc = (body: string, contexts?: string) => check(body, contexts).filter((c) => c === CALC);

describe('summation-item check', () => {
  it('rounds an item by the decimals its type defaults (XBRL 2.1 §4.6.3)', () => {
    expect(calc([fact('Total', '1.23', 'decimals="2"'), fact('Part1', '0'), fact('Part2', '1.234', '')].join('\n'))).toEqual([]);
    expect(calc([fact('Total', '1.24', 'decimals="2"'), fact('Part1', '0'), fact('Part2', '1.234', '')].join('\n'))).toEqual([CALC]);
  });

  it('skips a total duplicated by a nil fact of the same binding', () => {
    expect(calc([fact('Part1', '1'), '<ea:Total contextRef="I" unitRef="USD" xsi:nil="true"/>', fact('Total', '0')].join('\n'))).toEqual([]);
    expect(calc([fact('Part1', '1'), fact('Total', '0')].join('\n'))).toEqual([CALC]);
  });

  it("takes an empty item's value from its element's default (and that value is valid)", () => {
    expect(calc([fact('Part1', '1'), '<ea:Part3 contextRef="I" unitRef="USD" decimals="INF"/>', fact('Total', '6')].join('\n'))).toEqual([]);
    expect(calc([fact('Part1', '1'), '<ea:Part3 contextRef="I" unitRef="USD" decimals="INF"/>', fact('Total', '1')].join('\n'))).toEqual([CALC]);
  });
});

describe('s-equal scenarios compare XML Schema values', () => {
  const items = [fact('Total', '3', 'decimals="0"', 'A'), fact('Part1', '1', 'decimals="0"', 'A'), fact('Part2', '2', 'decimals="0"', 'B')].join('\n');
  const scn = (attrs: string, content: string) => `<ea:Scn ${attrs}>${content}</ea:Scn>`;
  const a = ctx('A', scn('dec="1" dbl="0.321E1" flag="true" kind="x"', '<ea:Num>1.5</ea:Num><ea:Planet>Mars</ea:Planet>'));

  it('numbers by value, booleans 1/true, attribute and element defaults, attribute order', () => {
    const b = ctx('B', scn('flag="1" dbl="321E-2" dec="+1.0"', '<ea:Num> 0001.50 </ea:Num><ea:Planet/>'));
    expect(check(items, `${a}\n${b}`)).toEqual([]);
  });

  it('different values are not s-equal', () => {
    const b = ctx('B', scn('dec="1.01" dbl="0.321E1" flag="true"', '<ea:Num>1.5</ea:Num><ea:Planet>Mars</ea:Planet>'));
    expect(check(items, `${a}\n${b}`)).toEqual([CALC]);
  });

  it('NaN equals nothing, itself included', () => {
    const nan = (id: string) => ctx(id, scn('dbl="NaN"', '<ea:Num>1.5</ea:Num>'));
    expect(check(items, `${nan('A')}\n${nan('B')}`)).toEqual([CALC]);
  });
});

describe('essence-alias consistency (XBRL 2.1 §5.2.6.2.2)', () => {
  const UNITS = 'xbrl.5.2.6.2.2:essenceAliasUnitsInconsistency';
  const VALUE = 'xbrl.5.2.6.2.2:essenceAliasValueInconsistency';
  const text = (concept: string, value: string) => `<ea:${concept} contextRef="I">${value}</ea:${concept}>`;

  it('accepts v-equal, u-equal facts (100 and 100.0 are the same decimal)', () => {
    expect(check([fact('Essence', '100', 'precision="3"'), fact('Alias', '100.0', 'precision="4"')].join('\n'))).toEqual([]);
  });
  it('reports different values', () => {
    expect(check([fact('Essence', '200'), fact('Alias', '100')].join('\n'))).toEqual([VALUE]);
  });
  it('reports different units', () => {
    expect(check([fact('Essence', '100'), fact('Alias', '100', 'decimals="INF"', 'I', 'EUR')].join('\n'))).toEqual([UNITS]);
  });
  it('compares strings as strings, within the same tuple only', () => {
    expect(check(`<ea:Group>${text('Text', '100')}${text('TextAlias', '100.0')}</ea:Group>`)).toEqual([VALUE]);
    expect(check(`<ea:Group>${text('Text', '100')}</ea:Group><ea:Group>${text('TextAlias', '100.0')}</ea:Group>`)).toEqual([]);
  });
});
