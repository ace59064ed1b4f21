import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KessanError } from '../../../core/errors.js';
import { loadTaxonomy } from '../../../core/taxonomy/loader.js';
import { ARCROLE } from '../../../core/taxonomy/model.js';
import { generateTaxonomy, readSpec } from './index.js';

/** A small spec with every kind of thing a spec says (also built and checked by Arelle in test/taxonomy-spec-arelle.test.ts). */
const SPEC = readFileSync(join(import.meta.dirname, 'fixtures', 'acme.spec.yaml'), 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'kessan-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problem(text: string): KessanError {
  try {
    readSpec(text, '/x/acme.spec.yaml');
  } catch (e) {
    if (e instanceof KessanError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('taxonomy spec', () => {
  it('says where a spec is wrong: YAML syntax, the schema, an unknown concept, each at its line', () => {
    const syntax = problem('namespace: http://x\nprefix: [a\n');
    expect([syntax.code, syntax.location.line]).toEqual(['kessan:specInvalid', 3]);
    const extra = problem(SPEC.replace('  - { name: Bandwidth,', '  - { name: Bandwidth, colour: red,'));
    expect(extra.message).toMatch(/must NOT have additional properties \(colour\)/);
    expect(extra.location.line).toBe(11);
    const type = problem(SPEC.replace('period: instant }', 'period: sometimes }'));
    expect(type.location.line).toBe(11);
    const spec = readSpec(SPEC.replace('          - Sales: Net sales', '          - Saels: Net sales'), '/x/acme.spec.yaml');
    const unknown = (() => {
      try {
        generateTaxonomy(spec, 'acme.spec.yaml');
      } catch (e) {
        return e as KessanError;
      }
      throw new Error('built');
    })();
    expect(unknown.message).toMatch(/row "Net sales" uses the unknown concept Saels/);
    expect(unknown.location).toEqual({ file: '/x/acme.spec.yaml', line: 32, column: 13 });
  });

  it('builds a DTS that loads: labels and aliases, negation, a calculation, an XBRL Dimensions cube, variants', () => {
    const files = generateTaxonomy(readSpec(SPEC, join(dir, 'acme.spec.yaml')), 'acme.spec.yaml');
    expect([...files.keys()]).toEqual(['acme-2024.xsd', 'acme-2024_lab.xml', 'acme-2024_pre.xml', 'acme-2024_cal.xml', 'acme-2024_def.xml']);
    for (const [name, content] of files) writeFileSync(join(dir, name), content);
    const t = loadTaxonomy([join(dir, 'acme-2024.xsd')]);
    expect(t.findings).toEqual([]);
    const q = (local: string) => ({ namespace: 'http://example.com/taxonomy/acme', localName: local, prefix: 'acme' });
    expect(t.labels(q('Sales')).map((l) => `${l.role.split('/').pop()}: ${l.text}`)).toEqual(['label: Net sales', 'alias: Revenues', 'alias: Sales, net']);
    expect(t.label(q('CostOfSales'), 'http://www.xbrl.org/2009/role/negatedLabel')).toBe('Cost of sales');
    const role = 'http://example.com/taxonomy/acme/role/Income';
    expect(t.relationships(ARCROLE.summationItem, role).map((r) => `${r.from.localName} ${r.weight} ${r.to.localName}`)).toEqual(['GrossProfit 1 Sales', 'GrossProfit -1 CostOfSales']);
    const all = t.relationships(ARCROLE.all, role);
    expect(all.map((r) => [r.from.localName, r.to.localName, r.attributes?.['{http://xbrl.org/2005/xbrldt}closed'], r.attributes?.['{http://xbrl.org/2005/xbrldt}contextElement']])).toEqual([['IncomeHeading', 'IncomeHypercube', 'true', 'segment']]);
    expect(t.relationships(ARCROLE.domainMember, role).map((r) => `${r.from.localName}>${r.to.localName}`).sort()).toEqual(['AmericasMember>UsMember', 'IncomeHeading>CostOfSales', 'IncomeHeading>GrossProfit', 'IncomeHeading>Sales', 'SegmentDomain>AmericasMember']);
    expect(t.relationships(ARCROLE.dimensionDefault).map((r) => `${r.from.localName}>${r.to.localName}`)).toEqual(['SegmentAxis>SegmentDomain']);
    // A heading worded otherwise than its member is the member's label in the table's label role.
    expect(t.label(q('UsMember'), 'http://example.com/taxonomy/acme/role/label/Income')).toBe('U.S.');
    const items = 'http://example.com/taxonomy/acme/role/Items';
    expect(t.relationships('http://kessan.dev/taxonomy/arcrole/column-variant', items).map((r) => `${r.from.localName}>${r.to.localName}`)).toEqual(['Charges>ChargesPerShareEffect']);
    expect(t.concept(q('ChargesPerShareEffect'))?.type.perShare).toBe(true);
    expect(t.label(q('ChargesPerShareEffect'))).toBe('Special charges, per share effect');
    expect(t.label(q('ItemsHeading'), 'http://example.com/taxonomy/acme/role/label/Items')).toBe('Pretax');
    expect(t.concept(q('Bandwidth'))?.type.name.localName).toBe('gbpsItemType');
  });

  it('gives the same bytes for the same spec', () => {
    const a = generateTaxonomy(readSpec(SPEC, '/a/acme.spec.yaml'), 'acme.spec.yaml');
    const b = generateTaxonomy(readSpec(SPEC, '/b/acme.spec.yaml'), 'acme.spec.yaml');
    expect(a).toEqual(b);
  });
});
