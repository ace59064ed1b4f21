import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qname } from '../src/core/model/qname.js';
import { loadTaxonomy } from '../src/core/taxonomy/loader.js';
import { ARCROLE } from '../src/core/taxonomy/model.js';
import { SHARED } from './support/example.js';

describe('loadTaxonomy on real filings (corpus)', () => {
  const corpus = join(SHARED, 'corpus');
  const nflxXsd = join(corpus, 'sec-nflx-10q-2010q3-xml/nflx-20100930.xsd');
  const USGAAP = 'http://xbrl.us/us-gaap/2009-01-31';

  it.skipIf(!existsSync(nflxXsd))('loads Netflix 2010 Q3: own concepts and linkbases, us-gaap unavailable', () => {
    const t0 = performance.now();
    const t = loadTaxonomy([nflxXsd]);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5000);
    expect(t.unavailable).toEqual([
      'http://taxonomies.xbrl.us/us-gaap/2009/elts/us-types-2009-01-31.xsd',
      'http://taxonomies.xbrl.us/us-gaap/2009/elts/us-gaap-2009-01-31.xsd',
      'http://taxonomies.xbrl.us/us-gaap/2009/non-gaap/dei-2009-01-31.xsd',
      'http://www.xbrl.org/lrr/role/negated-2008-03-31.xsd',
    ]);
    expect(t.documents.filter((d) => d.startsWith(corpus)).map((d) => d.split('/').pop())).toEqual([
      'nflx-20100930.xsd', 'nflx-20100930_cal.xml', 'nflx-20100930_def.xml', 'nflx-20100930_lab.xml', 'nflx-20100930_pre.xml',
    ]);
    // 15 xsd:elements in nflx-20100930.xsd, plus xbrldt:hypercubeItem and xbrldt:dimensionItem from the catalog
    const nflx = [...t.concepts.values()].filter((c) => c.name.namespace === 'http://www.netflix.com/20100930');
    expect(nflx).toHaveLength(15);
    expect(t.concepts.size).toBe(17);
    expect(t.roleTypes.size).toBe(15); // grep -c '<link:roleType' nflx-20100930.xsd
    expect(t.arcroleTypes.size).toBe(6); // the XDT arcroles
    // grep -c '<presentationArc ' … 183, '<calculationArc ' 70, '<definitionArc ' 168; no prohibitions
    expect(t.relationships(ARCROLE.parentChild)).toHaveLength(183);
    expect(t.linkroles(ARCROLE.parentChild)).toHaveLength(15);
    expect(t.relationships(ARCROLE.summationItem)).toHaveLength(70);
    expect(t.linkroles(ARCROLE.summationItem)).toHaveLength(3);
    const dims = [ARCROLE.all, ARCROLE.hypercubeDimension, ARCROLE.dimensionDomain, ARCROLE.domainMember, ARCROLE.dimensionDefault];
    expect(dims.map((a) => t.relationships(a).length)).toEqual([15, 15, 15, 122, 1]);
    // us-gaap and dei concepts are placeholders in the namespaces nflx's xs:imports declare
    expect(t.placeholders.size).toBe(114);
    const revenues = qname(USGAAP, 'Revenues');
    const gp = t.relationships(ARCROLE.summationItem, 'http://www.netflix.com/taxonomy/role/StatementOfIncome').find((r) => r.to.localName === 'Revenues')!;
    expect(gp).toMatchObject({ from: { namespace: USGAAP, localName: 'GrossProfit' }, order: 1.01, weight: 1, priority: 2 });
    expect(t.label(revenues)).toBe('Revenues');
    expect(t.relationships(ARCROLE.all)[0]!.attributes).toEqual({ '{http://xbrl.org/2005/xbrldt}closed': 'true', '{http://xbrl.org/2005/xbrldt}contextElement': 'segment' });
    // 190 link:label resources (grep -c '<label '), all reached by a labelArc
    let labels = 0;
    for (const c of [...t.concepts.values(), ...t.placeholders.values()]) labels += t.labels(c.name).length;
    expect(labels).toBe(190);
    const tb = t.concept(qname('http://www.netflix.com/20100930', 'BusinessDescriptionAndSignificantAccountingPoliciesTextBlock'))!;
    expect(tb.type).toMatchObject({ textBlock: true, baseXsd: 'string', guessed: true });
    expect(tb.type.unresolved?.namespace).toBe('http://xbrl.us/us-types/2009-01-31');
    expect(t.findings).toEqual([]);
  });

  it.skipIf(!existsSync(nflxXsd))('accepts an instance as entry point (its schemaRef)', () => {
    const t = loadTaxonomy([join(corpus, 'sec-nflx-10q-2010q3-xml/nflx-20100930.xml')]);
    expect(t.documents[0]).toBe(nflxXsd);
    expect(t.relationships(ARCROLE.parentChild)).toHaveLength(183);
  });

  const unp = join(corpus, 'sec-unp-10k-fy2012-xml-noschema/unp-20121231.xml');
  it.skipIf(!existsSync(unp))('reports a missing extension schema as unavailable (Union Pacific)', () => {
    const t = loadTaxonomy([unp]);
    expect(t.unavailable).toEqual([join(corpus, 'sec-unp-10k-fy2012-xml-noschema/unp-20121231.xsd')]);
    expect(t.documents).toEqual([]);
    expect(t.concepts.size).toBe(0);
  });
});
