import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qname } from '../../core/model/qname.js';
import type { Finding } from '../../core/model/finding.js';
import { readInstanceFile } from '../../formats/xbrl/read/read.js';
import { loadTaxonomy } from '../../core/taxonomy/loader.js';
import { projectRoot } from '../../core/taxonomy/resolver.js';
import { dtsFindings } from '../dts.js';
import { DEFAULT_OPTIONS } from '../rule.js';
import { validate } from '../validate.js';

const FX = join(projectRoot(), 'src/validate/xbrl21/fixtures/hrefs');
const at = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.file?.split('/').pop()}:${f.line}`).sort();

function taxonomyFindings(entry: string): Finding[] {
  const t = loadTaxonomy([entry]);
  const report = { facts: [], taxonomy: { schemaRefs: [] }, namespaces: {}, documentInfo: {}, findings: [] };
  return [...dtsFindings(t, entry), ...validate({ report, taxonomy: t, taxonomyIncomplete: t.unavailable.length > 0, file: entry, options: DEFAULT_OPTIONS })];
}

function instanceFindings(entry: string): Finding[] {
  const report = readInstanceFile(entry);
  const t = loadTaxonomy([entry]);
  return [...dtsFindings(t, entry, report), ...validate({ report, instance: report.instance, taxonomy: t, taxonomyIncomplete: t.unavailable.length > 0, file: entry, options: DEFAULT_OPTIONS })];
}

describe('hrefs in the DTS: xml:base, XPointer, locator targets', () => {
  const entry = join(FX, 'hrefs.xsd');
  const fs = at(taxonomyFindings(entry));

  it('applies xml:base on ancestors (linkbaseRef) and on the linkbase root (locators): no IOerror', () => {
    expect(fs.filter((f) => f.startsWith('IOerror'))).toEqual([]);
  });

  it('resolves element() child sequences to the concept they select', () => {
    expect(loadTaxonomy([entry]).label(qname('http://example.com/hrefs', 'A'))).toBe('A');
  });

  it.each([
    // #imp is an xs:import, element(/1) the schema root, #nowhere nothing: not concepts or labels
    'xbrl.5.2.2.1:labelLinkLocTarget hrefs_lab.xml:5',
    'xbrl.5.2.2.1:labelLinkLocTarget hrefs_lab.xml:6',
    'xbrl.5.2.2.1:labelLinkLocTarget hrefs_lab.xml:9',
    'xbrl.3.5.4:hrefIdNotFound hrefs_lab.xml:9',
    // xpointer() and xmlns() schemes are not allowed
    'xbrl.3.5.4:hrefScheme hrefs_lab.xml:7',
    'xbrl.3.5.4:hrefScheme hrefs_lab.xml:8',
    // a prohibiting labelArc points to B: that locator stands for a remote label, but B is a concept
    'xbrl.5.2.2.1:labelLinkLocTarget hrefs_lab.xml:8',
    // roleType id="not(an)NCName"
    'xmlSchema:valueError hrefs.xsd:6',
  ])('reports %s', (want) => {
    expect(fs).toContain(want);
  });

  it('does not flag the locator that selects a concept', () => {
    expect(fs.filter((f) => f.endsWith('hrefs_lab.xml:4'))).toEqual([]);
  });
});

describe('DTS documents nested in other XML', () => {
  it('reports a nested xs:schema and link:linkbase', () => {
    expect(at(taxonomyFindings(join(FX, 'nested.xsd')))).toEqual(['xbrl.5.1:schemaRootElement nested.xsd:3', 'xbrl.5.2:linkbaseRootElement nested.xsd:4']);
  });
});

describe('instance checks', () => {
  it('a tuple fact must not carry attributes in XBRL namespaces (xs:anyAttribute allows them in the schema)', () => {
    expect(at(instanceFindings(join(FX, 'tuple.xbrl')))).toEqual(['xbrl.4.9:tupleAttribute tuple.xbrl:5']);
  });
  it('the instance reader keeps the xml:base in scope on each ref', () => {
    expect(readInstanceFile(join(FX, 'xmlbase.xbrl')).instance?.refs[0]?.xmlBase).toEqual(['./base/']);
  });
  it('schemaRef honours xml:base: base/notaschema.xsd is a linkbase', () => {
    expect(at(instanceFindings(join(FX, 'xmlbase.xbrl')))).toContain('xbrl.4.2.2:schemaRefHref xmlbase.xbrl:3');
  });
});
