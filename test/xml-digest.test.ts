import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledXmlFiles, digests, writeDigests } from '../scripts/xml-digest.js';
import { copyFileSync } from 'node:fs';
import { setLimits } from '../src/core/limits.js';
import { streamLinkbase } from '../src/core/taxonomy/linkbase-stream.js';
import { readLinkbase } from '../src/core/taxonomy/linkbase.js';
import { loadTaxonomy, type LoadedTaxonomy } from '../src/core/taxonomy/loader.js';
import { Resolver } from '../src/core/taxonomy/resolver.js';
import { decodeXml, DIGEST_VERSION, digestDir, digestRootName, encodeXml, findDerived, findDigest, useXmlDigests, type DigestIndex } from '../src/core/xml/digest.js';
import { DEFAULT_UTR, loadUtr, UTR_DIGEST, utrEntries, type UtrEntry } from '../src/validate/utr/registry.js';
import { DEFAULT_LIMITS, parseXml, parseXmlText, type XmlElement } from '../src/core/xml/parse.js';
import { readXmlText } from '../src/core/xml/tree.js';
import { convertDocument } from '../src/app/convert.js';
import { validateFile, validateInstance } from '../src/app/validate.js';
import { EXAMPLE, PROFILE, ROOT } from './support/example.js';

/**
 * The pre-parsed trees of the bundled taxonomy files (src/core/xml/digest.ts) must give exactly what parsing the
 * XML gives: the same trees, the same linkbases, the same DTS, the same findings.
 */
const IIJ = join(ROOT, 'taxonomy', 'iij', 'iij-2004.xsd');
const all = digests();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kessan-digest-'));
  writeDigests(dir);
});
afterAll(() => {
  useXmlDigests(undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A tree as plain data (parents left out: they are the enclosing element), namespace scopes as entries. */
function plain(el: XmlElement): unknown {
  return { name: el.name, attributes: [...el.attributes], line: el.line, column: el.column, nsScope: [...el.nsScope], children: el.children.map((c) => (typeof c === 'string' ? c : plain(c))) };
}

function parentsHold(el: XmlElement): boolean {
  return el.children.every((c) => typeof c === 'string' || (c.parent === el && parentsHold(c)));
}

describe('pre-parsed XML of the bundled taxonomy files', () => {
  it('covers every bundled taxonomy file that kessan parses (the catalog and taxonomy/iij)', () => {
    const files = bundledXmlFiles();
    expect(files.some((f) => f.endsWith('iij-2004_lab.xml'))).toBe(true);
    expect(files.some((f) => f.endsWith('xbrl-instance-2003-12-31.xsd'))).toBe(true);
    expect(files.some((f) => f.endsWith(join('2025-03-18', 'utr.xml')))).toBe(true);
    // Only documents kessan refuses (a DOCTYPE) are left out.
    const left = files.filter((f) => !all.some((d) => d.file === f));
    for (const f of left) expect(() => parseXml(readXmlText(f), f)).toThrow(/DOCTYPE/);
    expect(all.length).toBeGreaterThan(80);
  });

  it('decodes to the tree the parser builds, for every file', () => {
    for (const { file, text, digest } of all) {
      const parsed = parseXmlText(text, file);
      const decoded = decodeXml(JSON.parse(JSON.stringify(digest)));
      expect(plain(decoded), file).toEqual(plain(parsed));
      expect(parentsHold(decoded), file).toBe(true);
      expect(decoded.parent).toBeUndefined();
    }
  });

  it('gives the linkbase the streaming reader gives, for every bundled linkbase', () => {
    const resolver = new Resolver();
    // Resource keys are numbered per process in reading order; the rest must be equal.
    const unkeyed = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'key' && typeof v === 'string' ? 'r' : v)));
    let n = 0;
    for (const { file, text, digest } of all) {
      const streamed = streamLinkbase(text, file, resolver);
      if (!streamed) continue;
      n++;
      const fromTree = readLinkbase(decodeXml(digest), file, resolver, { file, refs: [], links: [], simpleLinks: [] });
      expect(unkeyed(fromTree), file).toEqual(unkeyed(streamed));
    }
    expect(n).toBeGreaterThanOrEqual(4);
  });

  it('is found by the text, not the file name, and only for that exact text', () => {
    useXmlDigests(dir);
    const lab = all.find((d) => d.file.endsWith('iij-2004_lab.xml'))!;
    expect(findDigest(lab.text, DEFAULT_LIMITS)).toBeDefined();
    const changed = lab.text.replace('Revenues', 'Revenuez');
    expect(changed.length).toBe(lab.text.length);
    expect(findDigest(changed, DEFAULT_LIMITS)).toBeUndefined();
    // What a document is (DTS discovery's first question), without its tree.
    expect(digestRootName(lab.text, DEFAULT_LIMITS)).toBe(parseXmlText(lab.text, lab.file).name);
    expect(digestRootName(changed, DEFAULT_LIMITS)).toBeUndefined();
    expect(findDigest(`${lab.text} `, DEFAULT_LIMITS)).toBeUndefined();
    // Asked again after a miss of the same length, and the other way round: each text on its own.
    expect(findDigest(lab.text, DEFAULT_LIMITS)).toBe(findDigest(lab.text, DEFAULT_LIMITS));
    expect(findDigest(changed, DEFAULT_LIMITS)).toBeUndefined();
    // What a document is (DTS discovery's first question), without its tree.
    expect(digestRootName(lab.text, DEFAULT_LIMITS)).toBe(parseXmlText(lab.text, lab.file).name);
    expect(digestRootName(changed, DEFAULT_LIMITS)).toBeUndefined();
  });

  it('is not used when the limits in force are lower than the document needs: it fails as it always did', () => {
    useXmlDigests(dir);
    const inst = all.find((d) => d.file.endsWith(join('2003', 'xbrl-instance-2003-12-31.xsd')))!;
    expect(inst.digest.depth).toBeGreaterThan(3);
    expect(findDigest(inst.text, DEFAULT_LIMITS)).toBeDefined();
    expect(findDigest(inst.text, { ...DEFAULT_LIMITS, maxDepth: 3 })).toBeUndefined();
    try {
      setLimits({ maxDepth: 3 });
      expect(() => parseXml(inst.text, inst.file)).toThrow(/nested deeper than 3/);
      setLimits({ maxAttributeLength: 5 });
      expect(() => parseXml(inst.text, inst.file)).toThrow(/longer than 5/);
    } finally {
      setLimits();
    }
    expect(parseXml(inst.text, inst.file).name.localName).toBe('schema');
  });

  it('is ignored when written by another version of the encoding', () => {
    const other = mkdtempSync(join(tmpdir(), 'kessan-digest-old-'));
    try {
      writeDigests(other, [IIJ]);
      const index = JSON.parse(readFileSync(join(other, 'index.json'), 'utf8')) as DigestIndex;
      writeFileSync(join(other, 'index.json'), JSON.stringify({ ...index, version: DIGEST_VERSION + 1 }));
      useXmlDigests(other);
      expect(findDigest(readXmlText(IIJ), DEFAULT_LIMITS)).toBeUndefined();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('built into dist/ (npm run build), is the digest of the files as they are now', () => {
    const built = digestDir();
    if (!existsSync(join(built, 'index.json'))) return; // not built: nothing to be stale
    const index = JSON.parse(readFileSync(join(built, 'index.json'), 'utf8')) as DigestIndex;
    expect(index.version).toBe(DIGEST_VERSION);
    for (const { file, text, digest, derived } of all) {
      const name = (index.byLength[text.length] ?? []).find((n) => readFileSync(join(built, `${n}.xml`), 'utf8') === text);
      expect(name, `${file}: no digest in dist/xml-digest; run npm run build`).toBeDefined();
      expect(JSON.parse(readFileSync(join(built, `${name}.json`), 'utf8')), `${file}: stale digest; run npm run build`).toEqual(JSON.parse(JSON.stringify(digest)));
      for (const [kind, value] of Object.entries(derived)) {
        expect(JSON.parse(readFileSync(join(built, `${name}.${kind}.json`), 'utf8')).value, `${file}: stale ${kind} digest; run npm run build`).toEqual(value);
      }
    }
  });

  it("gives the Units Registry's entries that reading its tree gives, for both bundled registries", () => {
    useXmlDigests(dir);
    const utrs = all.filter((d) => d.derived[UTR_DIGEST] !== undefined);
    expect(utrs.map((d) => d.file)).toContain(DEFAULT_UTR());
    expect(utrs.length).toBe(2);
    for (const [i, { file, text }] of utrs.entries()) {
      const parsed = utrEntries(parseXmlText(text, file));
      expect(parsed.length).toBeGreaterThan(200);
      expect(findDerived<UtrEntry[]>(UTR_DIGEST, text, DEFAULT_LIMITS), file).toEqual(parsed);
      // loadUtr caches by file: a copy is loaded afresh, from the digest (same text), and must hold the same entries.
      const copy = join(dir, `copy-${i}.xml`);
      copyFileSync(file, copy);
      const byType = new Map<string, UtrEntry[]>();
      for (const e of parsed) byType.set(e.itemType, [...(byType.get(e.itemType) ?? []), e]);
      expect([...loadUtr(copy).byItemType]).toEqual([...byType]);
    }
    expect(findDerived(UTR_DIGEST, all.find((d) => d.file.endsWith('iij-2004.xsd'))!.text, DEFAULT_LIMITS)).toBeUndefined();
    expect(findDerived(UTR_DIGEST, utrs[0]!.text, { ...DEFAULT_LIMITS, maxDepth: 2 })).toBeUndefined();
  });

  it('round-trips an encoded tree of a document with namespace redeclarations and mixed content', () => {
    const text = '<a xmlns="urn:a" xmlns:p="urn:p"><p:b xmlns:p="urn:q" p:x="1">t<c xmlns="urn:a">u</c>v<![CDATA[w]]></p:b><d xmlns:p="urn:p"/></a>';
    const parsed = parseXmlText(text, 'x.xml');
    expect(plain(decodeXml(encodeXml(parsed)))).toEqual(plain(parsed));
  });
});

describe('a DTS loaded from the digests is the DTS parsed from the XML', () => {
  const load = (digests: string | false): LoadedTaxonomy => {
    useXmlDigests(digests);
    return loadTaxonomy([IIJ]);
  };
  const unkeyed = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (v instanceof Map ? [...v] : k === 'key' && typeof v === 'string' && /^r\d+$/.test(v) ? 'r' : v)));

  it('the example taxonomy: same documents, concepts, relationships, labels, role types and findings', () => {
    const parsed = load(false);
    const digested = load(dir);
    expect(findDigest(readXmlText(IIJ), DEFAULT_LIMITS)).toBeDefined();
    expect(digested.documents).toEqual(parsed.documents);
    expect(digested.documents.length).toBe(11);
    expect([...digested.concepts]).toEqual([...parsed.concepts]);
    expect(digested.concepts.size).toBe(276);
    expect([...digested.roleTypes]).toEqual([...parsed.roleTypes]);
    expect([...digested.arcroleTypes]).toEqual([...parsed.arcroleTypes]);
    expect(digested.findings).toEqual(parsed.findings);
    const arcroles = ['http://www.xbrl.org/2003/arcrole/parent-child', 'http://www.xbrl.org/2003/arcrole/summation-item', 'http://xbrl.org/int/dim/arcrole/all', 'http://xbrl.org/int/dim/arcrole/domain-member'];
    let rels = 0;
    for (const a of arcroles) {
      expect(digested.linkroles(a)).toEqual(parsed.linkroles(a));
      for (const role of parsed.linkroles(a)) {
        expect(unkeyed(digested.relationships(a, role))).toEqual(unkeyed(parsed.relationships(a, role)));
        rels += parsed.relationships(a, role).length;
      }
    }
    expect(rels).toBeGreaterThan(250);
    for (const c of parsed.concepts.values()) expect(digested.labels(c.name), c.name.localName).toEqual(parsed.labels(c.name));
    expect(unkeyed(digested.raw?.schemas)).toEqual(unkeyed(parsed.raw?.schemas));
    expect(unkeyed(digested.raw?.linkbases)).toEqual(unkeyed(parsed.raw?.linkbases));
  });

  it('the same verdicts: the example release and its XBRL instance validate the same', async () => {
    const verdict = async (digests: string | false) => {
      useXmlDigests(digests);
      const out = mkdtempSync(join(tmpdir(), 'kessan-digest-inst-'));
      try {
        const release = await validateFile(EXAMPLE, { profile: PROFILE });
        const instance = join(out, 'iij.xbrl');
        const converted = await convertDocument(EXAMPLE, instance, 'xbrl', { profile: PROFILE });
        writeFileSync(instance, converted.files[0]!.data);
        const { report, findings } = validateInstance(instance, { calc: 'c11r' });
        return { release: release.findings, instance: findings.map((f) => ({ ...f, file: f.file?.replace(out, '') })), facts: report.facts.length };
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    };
    const parsed = await verdict(false);
    const digested = await verdict(dir);
    expect(digested).toEqual(parsed);
    expect(parsed.facts).toBe(695);
    expect(parsed.release.length).toBeGreaterThan(0);
    expect(parsed.instance.filter((f) => f.code === 'kessan:referenceRefused' || f.code.includes('unavailable'))).toEqual([]);
  });
});
