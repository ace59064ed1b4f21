import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KessanError } from '../errors.js';
import { clark, NS, qname } from '../model/qname.js';
import { loadTaxonomy } from './loader.js';
import { ARCROLE, LABEL_ROLE } from './model.js';
import { projectRoot } from './resolver.js';

const FX = 'http://example.com/fx';
const fx = (local: string) => qname(FX, local);
const fixture = join(projectRoot(), 'src/core/taxonomy/fixtures/basic/fx.xsd');
const IS = 'http://example.com/fx/role/IncomeStatement';

describe('loadTaxonomy on the hand-made fixture', () => {
  const t = loadTaxonomy([fixture]);
  const calc = (role = IS) => t.relationships(ARCROLE.summationItem, role).map((r) => `${r.from.localName}>${r.to.localName}:${r.weight}@${r.priority}`);

  it('discovers every document once and lists the unavailable one', () => {
    expect(t.entryPoints).toEqual([fixture]);
    expect(t.documents.filter((d) => d.includes('fixtures'))).toHaveLength(4); // fx.xsd, fx_lab, fx_cal, fx_cal2
    expect(new Set(t.documents).size).toBe(t.documents.length);
    expect(t.unavailable).toEqual(['https://example.com/gone/gone-2020.xsd']);
  });

  it('collects concepts (items, tuples, derived substitution groups) with their properties', () => {
    const fxConcepts = [...t.concepts.values()].filter((c) => c.name.namespace === FX);
    expect(fxConcepts.map((c) => c.name.localName).sort()).toEqual(
      ['CostOfSales', 'EarningsPerShare', 'GrossMargin', 'GrossProfit', 'Headcount', 'IncomeStatementAbstract', 'Notes', 'OperatingExpenses', 'OperatingIncome', 'OtherIncome', 'Revenue', 'Segment', 'SharesOutstanding', 'specialItem'].sort(),
    );
    expect(t.concept(fx('NotAConcept'))).toBeUndefined();
    const rev = t.concept(fx('Revenue'))!;
    expect(rev).toMatchObject({ id: 'fx_Revenue', periodType: 'duration', balance: 'credit', abstract: false, nillable: true, file: fixture, line: 50 }); // grep -n 'name="Revenue"' fx.xsd
    expect(rev.type).toMatchObject({ baseXsd: 'decimal', numeric: true, monetary: true, shares: false, perShare: false });
    expect(t.concept(fx('IncomeStatementAbstract'))!.abstract).toBe(true);
    expect(clark(t.concept(fx('OtherIncome'))!.substitutionGroup)).toBe(`{${FX}}specialItem`);
    expect(clark(t.concept(fx('Segment'))!.substitutionGroup)).toBe(`{${NS.xbrli}}tuple`);
    // xbrldt is not in this DTS; xbrli:item itself is not a concept
    expect(t.concept(qname(NS.xbrli, 'item'))).toBeUndefined();
  });

  it('resolves types through the derivation chain', () => {
    const eps = t.concept(fx('EarningsPerShare'))!.type;
    expect(eps.ancestors.map((a) => a.localName)).toEqual(['perShareItemType', 'decimalItemType']);
    expect(eps).toMatchObject({ numeric: true, perShare: true, monetary: false, baseXsd: 'decimal' });
    expect(eps.unresolved).toBeUndefined();
    const margin = t.concept(fx('GrossMargin'))!.type;
    expect(margin.ancestors.map(clark)).toEqual([`{${FX}}ratioItemType`, `{${NS.num}}percentItemType`, `{${NS.xbrli}}pureItemType`]);
    expect(margin).toMatchObject({ pure: true, numeric: true });
    expect(t.concept(fx('SharesOutstanding'))!.type).toMatchObject({ shares: true, numeric: true });
    expect(t.concept(fx('Notes'))!.type).toMatchObject({ textBlock: true, numeric: false, baseXsd: 'string' });
    const headcount = t.concept(fx('Headcount'))!.type;
    expect(headcount).toMatchObject({ baseXsd: '', numeric: false, ancestors: [qname('http://example.com/gone', 'headcountItemType', 'gone')] });
    expect(headcount.unresolved?.localName).toBe('headcountItemType');
    expect(t.concept(fx('Segment'))!.type).toMatchObject({ baseXsd: 'anyType', numeric: false });
  });

  it('reads role and arcrole types', () => {
    expect(t.roleTypes.get(IS)).toMatchObject({ definition: 'Income statement', file: fixture });
    expect(t.roleTypes.get(IS)!.usedOn.map((q) => q.localName)).toEqual(['calculationLink', 'presentationLink']);
    expect(t.arcroleTypes.get('http://example.com/fx/arcrole/related')).toMatchObject({ cyclesAllowed: 'undirected', definition: 'Related' });
  });

  it('applies prohibition and override (equivalence by non-exempt attributes, priority)', () => {
    expect(calc()).toEqual([
      'GrossProfit>Revenue:1@2', // prohibited at 1, re-instated at 2 (order "1.0" is s-equal to "1")
      'GrossProfit>CostOfSales:-1@0',
      'OperatingIncome>GrossProfit:1@0', // a prohibition with another weight is not equivalent
      'OperatingIncome>OtherIncome:-1@1', // replaced in fx_cal2.xml
      'OperatingIncome>Bonus:1@3', // prohibition at a lower priority does not apply
    ]);
    // OperatingExpenses: prohibited in another document at the same priority
    expect(calc().some((s) => s.includes('OperatingExpenses'))).toBe(false);
    // another base set is untouched
    expect(calc('http://www.xbrl.org/2003/role/link')).toEqual(['GrossProfit>Revenue:1@0']);
    expect(t.linkroles(ARCROLE.summationItem)).toEqual(['http://example.com/fx/role/IncomeStatement', 'http://www.xbrl.org/2003/role/link']);
    expect(t.relationships(ARCROLE.summationItem)).toHaveLength(6);
    expect(t.relationships(ARCROLE.parentChild, 'nope')).toEqual([]);
    expect(t.relationships('http://example.com/none')).toEqual([]);
  });

  it('keeps relationships to concepts of unavailable schemas as placeholders, with the imported namespace', () => {
    const bonus = qname('http://example.com/gone', 'Bonus');
    const rel = t.relationships(ARCROLE.summationItem, IS).find((r) => r.to.localName === 'Bonus')!;
    expect(clark(rel.to)).toBe(clark(bonus));
    expect(rel.to.prefix).toBe('gone');
    expect(t.placeholders.get(clark(bonus))).toMatchObject({ href: 'https://example.com/gone/gone-2020.xsd#gone_Bonus' });
    expect(t.concept(bonus)).toBeUndefined();
    expect(t.label(bonus)).toBe('Bonus');
  });

  it('reads the embedded presentation linkbase (bare and element() fragments), sorted by order', () => {
    const pres = t.relationships(ARCROLE.parentChild, IS);
    expect(pres.map((r) => [r.from.localName, r.to.localName, r.order, r.preferredLabel])).toEqual([
      ['IncomeStatementAbstract', 'Revenue', 1, LABEL_ROLE.terse],
      ['IncomeStatementAbstract', 'CostOfSales', 2, undefined],
    ]);
    expect(pres[0]).toMatchObject({ file: fixture, linkrole: IS, arcrole: ARCROLE.parentChild });
  });

  it('finds labels by role and language, with fallbacks, and honours label prohibition', () => {
    const rev = fx('Revenue');
    expect(t.labels(rev)).toHaveLength(3);
    expect(t.label(rev)).toBe('Revenue');
    expect(t.label(rev, LABEL_ROLE.standard, 'ja')).toBe('売上高');
    expect(t.label(rev, LABEL_ROLE.terse, 'en')).toBe('Sales');
    expect(t.label(rev, LABEL_ROLE.terse, 'ja')).toBe('売上高'); // standard label in the language first
    expect(t.label(rev, LABEL_ROLE.total, 'fr')).toBe('Revenue'); // then any language
    expect(t.label(rev, LABEL_ROLE.standard, 'EN-gb')).toBe('Revenue'); // en-GB matches en
    const cos = fx('CostOfSales');
    expect(t.labels(cos)).toEqual([{ concept: qname(FX, 'CostOfSales', 'fx'), role: LABEL_ROLE.standard, lang: 'en-US', text: 'Cost of sales' }]);
    expect(t.label(cos, LABEL_ROLE.standard, 'en')).toBe('Cost of sales');
    expect(t.label(fx('GrossProfit'))).toBeUndefined();
    expect(t.resources(rev, ARCROLE.conceptReference).map((r) => r.text)).toEqual(['606']);
  });
});

describe('loadTaxonomy errors', () => {
  it('throws KessanError with file and line for a document that is not well-formed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-tax-'));
    writeFileSync(join(dir, 'a.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"><xs:annotation><xs:appinfo><link:linkbaseRef xlink:type="simple" xlink:href="b.xml"/></xs:appinfo></xs:annotation></xs:schema>');
    writeFileSync(join(dir, 'b.xml'), '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase">\n<oops>\n</link:linkbase>');
    let err: unknown;
    try {
      loadTaxonomy([join(dir, 'a.xsd')]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KessanError);
    expect((err as KessanError).code).toBe('kessan:xmlNotWellFormed');
    expect((err as KessanError).exitCode).toBe(1);
    expect((err as KessanError).location).toMatchObject({ file: join(dir, 'b.xml'), line: 3 });
  });

  it('throws for a missing entry point file (exit 2)', () => {
    expect(() => loadTaxonomy(['/nonexistent/entry.xsd'])).toThrow(KessanError);
  });
});

const iij = join(projectRoot(), 'taxonomy/iij/iij-2004.xsd');
describe('the project taxonomy', () => {
  it.skipIf(!existsSync(iij))('iij-2004 loads completely offline, with English labels and presentation roles', () => {
    const t0 = performance.now();
    const t = loadTaxonomy([iij]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(t.unavailable).toEqual([]);
    expect(t.findings).toEqual([]);
    const own = [...t.concepts.values()].filter((c) => c.file === iij);
    expect(own.length).toBeGreaterThan(0);
    const missing = own.filter((c) => !t.labels(c.name).some((l) => l.role === LABEL_ROLE.standard && /^en\b/i.test(l.lang)));
    expect(missing.map((c) => c.name.localName)).toEqual([]);
    expect(t.linkroles(ARCROLE.parentChild).length).toBeGreaterThan(0);
    for (const role of t.linkroles(ARCROLE.parentChild)) {
      if (role !== 'http://www.xbrl.org/2003/role/link') expect(t.roleTypes.has(role), role).toBe(true);
    }
    for (const c of own) expect(c.type.unresolved, c.name.localName).toBeUndefined();
  });
});
