/**
 * Base taxonomies found offline: an XBRL Taxonomy Package (a zip with META-INF/taxonomyPackage.xml and
 * catalog.xml, made here) and a folder laid out by URL (../shared/taxonomies), given to the loader, to the
 * commands (--package, --taxonomy-dir) and through KESSAN_TAXONOMY_PATH.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDocument } from '../src/app/open.js';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { KessanError } from '../src/core/errors.js';
import { setLimits } from '../src/core/limits.js';
import { clark } from '../src/core/model/qname.js';
import { loadTaxonomy } from '../src/core/taxonomy/loader.js';
import { openPackage } from '../src/core/taxonomy/packages.js';
import { SHARED } from './support/example.js';

const dir = mkdtempSync(join(tmpdir(), 'kessan-pkg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.KESSAN_TAXONOMY_PATH;
  setLimits();
});

const NS = 'http://acme.example/taxonomy/2024';
const SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:acme="${NS}" targetNamespace="${NS}" elementFormDefault="qualified">
  <xs:annotation><xs:appinfo>
    <link:linkbaseRef xlink:type="simple" xlink:href="acme_lab.xml" xlink:role="http://www.xbrl.org/2003/role/labelLinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
  </xs:appinfo></xs:annotation>
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:element name="Widgets" id="acme_Widgets" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>
</xs:schema>
`;
const LABELS = `<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
  <link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
    <link:loc xlink:type="locator" xlink:href="acme.xsd#acme_Widgets" xlink:label="w"/>
    <link:label xlink:type="resource" xlink:label="w_l" xlink:role="http://www.xbrl.org/2003/role/label" xml:lang="en">Widget sales</link:label>
    <link:labelArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label" xlink:from="w" xlink:to="w_l"/>
  </link:labelLink>
</link:linkbase>
`;
const PACKAGE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">
  <tp:identifier>http://acme.example/taxonomy/2024.zip</tp:identifier>
  <tp:name>Acme taxonomy 2024</tp:name>
  <tp:version>2024</tp:version>
  <tp:entryPoints>
    <tp:entryPoint><tp:name>Acme</tp:name><tp:entryPointDocument href="${NS}/acme.xsd"/></tp:entryPoint>
  </tp:entryPoints>
</tp:taxonomyPackage>
`;
const CATALOG = `<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <rewriteURI uriStartString="http://acme.example/taxonomy/" rewritePrefix="../taxonomy/"/>
</catalog>
`;
const INSTANCE = `<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:acme="${NS}">
  <link:schemaRef xlink:type="simple" xlink:href="${NS}/acme.xsd"/>
  <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1234567</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-03-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:unit id="u"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
  <acme:Widgets contextRef="c" unitRef="u" decimals="-3">800000</acme:Widgets>
</xbrli:xbrl>
`;

function makePackage(files: Record<string, string>, name = 'acme.zip'): string {
  const zip = join(dir, name);
  writeFileSync(zip, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
  return zip;
}

const GOOD = { 'acme-2024/META-INF/taxonomyPackage.xml': PACKAGE_XML, 'acme-2024/META-INF/catalog.xml': CATALOG, 'acme-2024/taxonomy/2024/acme.xsd': SCHEMA, 'acme-2024/taxonomy/2024/acme_lab.xml': LABELS };
const instance = join(dir, 'acme.xbrl');
writeFileSync(instance, INSTANCE);
const WIDGETS = clark({ namespace: NS, localName: 'Widgets' });

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('a taxonomy package', () => {
  it('is read offline: its metadata, entry points and catalog', () => {
    const p = openPackage(makePackage(GOOD));
    expect([p.identifier, p.name, p.version]).toEqual(['http://acme.example/taxonomy/2024.zip', 'Acme taxonomy 2024', '2024']);
    expect(p.entryPoints).toEqual([{ name: 'Acme', hrefs: [`${NS}/acme.xsd`] }]);
    expect(p.rewrites).toEqual([{ prefix: 'http://acme.example/taxonomy/', target: `${p.file}/acme-2024/taxonomy/` }]);
  });

  it('gives the loader the schemas its catalog maps URLs to, and their linkbases', () => {
    const without = loadTaxonomy([instance]);
    expect(without.unavailable).toEqual([`${NS}/acme.xsd`]);
    const t = loadTaxonomy([instance], { locations: { packages: [makePackage(GOOD)] } });
    expect(t.unavailable).toEqual([]);
    expect(t.concepts.get(WIDGETS)?.type.monetary).toBe(true);
    expect(t.label({ namespace: NS, localName: 'Widgets' })).toBe('Widget sales');
  });

  it('works for validate and facts (--package) and through KESSAN_TAXONOMY_PATH', async () => {
    const zip = makePackage(GOOD);
    const before = await cli('validate', instance);
    expect(before.out).toMatch(/kessan:taxonomyUnavailable/);
    const after = await cli('validate', instance, '--package', zip);
    expect([after.code, after.out]).toEqual([0, expect.stringMatching(/1 file\(s\), 1 facts: 0 error\(s\), 0 warning\(s\)/)]);
    expect(after.out).not.toMatch(/taxonomyUnavailable/);
    const facts = await cli('facts', instance, '--package', zip, '--format', 'jsonl');
    expect(facts.code).toBe(0);
    process.env.KESSAN_TAXONOMY_PATH = zip;
    const env = await cli('validate', instance);
    expect(env.out).not.toMatch(/taxonomyUnavailable/);
  });

  it('refuses what is not a package, and never reads outside it', async () => {
    const notZip = join(dir, 'not.zip');
    writeFileSync(notZip, 'hello');
    expect(() => openPackage(notZip)).toThrow(KessanError);
    const bare = makePackage({ 'x/taxonomy/acme.xsd': SCHEMA }, 'bare.zip');
    expect(() => openPackage(bare)).toThrow(/no META-INF\/taxonomyPackage\.xml/);
    // A catalog rewriting outside the package and an entry named "../" are ignored.
    const sly = makePackage({ ...GOOD, 'acme-2024/META-INF/catalog.xml': CATALOG.replace('../taxonomy/', '../../../'), '../evil.xsd': SCHEMA }, 'sly.zip');
    const p = openPackage(sly);
    expect(p.rewrites).toEqual([]);
    expect(loadTaxonomy([instance], { locations: { packages: [sly] } }).unavailable).toEqual([`${NS}/acme.xsd`]);
    const r = await cli('validate', instance, '--package', notZip);
    expect([r.code, r.out + r.err]).toEqual([2, expect.stringMatching(/not\.zip.*not a zip file/)]);
    expect((await cli('validate', instance, '--taxonomy-dir', join(dir, 'nowhere'))).code).toBe(2);
  });
});

const TAXONOMIES = join(SHARED, 'taxonomies');
const CORPUS = join(SHARED, 'corpus');
const shared = existsSync(join(TAXONOMIES, 'README.md'));

describe.runIf(shared)('the corpus with ../shared/taxonomies', () => {
  /** What each filing's DTS still misses with the folder (its README's "still missing" column). */
  const cases: readonly [string, readonly string[]][] = [
    ['uk-ch-07713141-2016-ukgaap/GB-COH-07713141-2016-09-30.html', []],
    ['sec-aapl-10q-2025q2-ixbrl/aapl-20250329.htm', ['https://xbrl.sec.gov/ecd/2024/ecd-2024.xsd', 'https://xbrl.sec.gov/country/2024/country-2024.xsd', 'https://xbrl.sec.gov/stpr/2024/stpr-2024.xsd']],
    ['sec-pg-10k-fy2019-ixbrl/fy181910-kreport.htm', ['http://xbrl.fasb.org/us-gaap/2018/elts/us-gaap-2018-01-31.xsd']],
    ['sec-msft-10k-fy2015-xml/msft-20150630.xml', ['http://xbrl.fasb.org/us-gaap/2015/elts/us-gaap-2015-01-31.xsd']],
    ['edinet-sony-yuho-2018-03/PublicDoc/0000000_header_jpcrp030000-asr-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm', ['http://disclosure.edinet-fsa.go.jp/taxonomy/jppfs/2018-02-28/label/jppfs_2018-02-28_lab.xml', 'http://disclosure.edinet-fsa.go.jp/taxonomy/jppfs/2018-02-28/label/jppfs_2018-02-28_lab-en.xml']],
  ];
  it.each(cases)('%s loads what the folder has', async (file, missing) => {
    const path = join(CORPUS, file);
    const t = loadTaxonomy([path], { locations: { dirs: [TAXONOMIES] } });
    expect([...t.unavailable].sort()).toEqual([...missing].sort());
    expect(t.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    if (!missing.length) {
      // The UK GAAP 2009 filing fully: every fact's concept is declared, none is a placeholder.
      const doc = await openDocument(path);
      expect(doc.report.facts).toHaveLength(33);
      for (const f of doc.report.facts) expect(t.concepts.has(clark(f.concept)), f.concept.localName).toBe(true);
      expect(t.placeholders.size).toBe(0);
      const r = await cli('validate', path, '--taxonomy-dir', TAXONOMIES);
      expect(r.out).toMatch(/1 file\(s\), 33 facts: 0 error\(s\), 0 warning\(s\)/);
    }
  });
});
