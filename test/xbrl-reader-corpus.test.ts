import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NS } from '../src/core/model/qname.js';
import { readInstanceFile } from '../src/formats/xbrl/read/read.js';
import { SHARED } from './support/example.js';

const CORPUS = join(SHARED, 'corpus');
const HAVE = existsSync(CORPUS);

/** The counts in the corpus README (facts, nil, text blocks, footnotes, dimensional contexts); EDINET AuditDoc counted with grep. */
const CASES: readonly (readonly [string, number, number, number, number, number])[] = [
  ['sec-nflx-10q-2010q3-xml/nflx-20100930.xml', 303, 2, 9, 1, 0],
  ['sec-pg-10k-fy2010-xml/pg-20100630.xml', 1524, 0, 61, 21, 330],
  ['sec-msft-10k-fy2015-xml/msft-20150630.xml', 2151, 2, 86, 17, 760],
  ['sec-unp-10k-fy2012-xml-noschema/unp-20121231.xml', 1526, 2, 75, 6, 319],
  ['tdnet-toyota-tanshin-2013-03-us-xml/us-cons-2013-q4.xbrl', 242, 78, 0, 0, 0],
  ['edinet-sony-yuho-2018-03/AuditDoc/jpaud-aai-cc-001_E01777-000_2018-03-31_01_2018-06-19.xbrl', 1, 0, 1, 0, 0],
  ['edinet-sony-yuho-2018-03/AuditDoc/jpaud-aar-cn-001_E01777-000_2018-03-31_01_2018-06-19.xbrl', 1, 0, 1, 0, 0],
];

describe.skipIf(!HAVE)('instance reader on the real-world corpus', () => {
  it.each(CASES)('%s: %i facts, %i nil, %i text blocks, %i footnotes, %i dimensional contexts', (file, facts, nil, textBlocks, footnotes, dimContexts) => {
    const t0 = performance.now();
    const r = readInstanceFile(join(CORPUS, file));
    const ms = performance.now() - t0;
    console.log(`${file}: ${r.facts.length} facts in ${ms.toFixed(0)} ms`);
    const doc = r.instance;
    const items = doc.facts.filter((f) => f.kind === 'item');
    expect(items).toHaveLength(facts);
    expect(r.facts).toHaveLength(facts); // every item has its context and unit
    expect(items.filter((f) => f.nilRaw === 'true')).toHaveLength(nil);
    expect(r.facts.filter((f) => f.value === null)).toHaveLength(nil);
    expect(r.facts.filter((f) => f.concept.localName.endsWith('TextBlock'))).toHaveLength(textBlocks);
    expect(doc.footnoteLinks.reduce((n, l) => n + l.footnotes.length, 0)).toBe(footnotes);
    expect([...doc.contexts.values()].filter((c) => c.dimensions.size > 0)).toHaveLength(dimContexts);
    expect(doc.root.namespace).toBe(NS.xbrli);
    expect(r.taxonomy.schemaRefs).toHaveLength(1);
    expect(new Set(r.facts.map((f) => f.id)).size).toBe(r.facts.length);
    for (const c of doc.contexts.values()) expect(c.period).toBeDefined();
    expect(ms).toBeLessThan(2000);
  });

  it('keeps non-XDT scenario content (TDnet) as XML, with no dimensions', () => {
    const r = readInstanceFile(join(CORPUS, 'tdnet-toyota-tanshin-2013-03-us-xml/us-cons-2013-q4.xbrl'));
    const nonCons = [...r.instance.contexts.values()].filter((c) => c.scenario?.some((n) => n.name.localName === 'NonConsolidated'));
    expect(nonCons.length).toBeGreaterThan(0);
    for (const c of nonCons) expect(c.dimensions.size).toBe(0);
  });

  it('reads numbers exactly and footnote locators point at fact ids (MSFT)', () => {
    const r = readInstanceFile(join(CORPUS, 'sec-msft-10k-fy2015-xml/msft-20150630.xml'));
    const ids = new Set(r.instance.facts.map((f) => f.xmlId));
    for (const link of r.instance.footnoteLinks) for (const loc of link.locators) expect(ids.has(loc.href.replace(/^#/, ''))).toBe(true);
    const numeric = r.facts.filter((f) => f.value !== null && typeof f.value !== 'string');
    expect(numeric.length).toBeGreaterThan(1500);
    for (const f of numeric) expect(f.decimals).toBeDefined();
  });
});
