/**
 * Writes dist/xml-digest/: the pre-parsed trees of the bundled taxonomy files (every .xsd and .xml under
 * taxonomy/): per distinct text, its tree as JSON and the text itself, and index.json (see src/core/xml/digest.ts).
 * Run by `npm run build` and `prepare` after tsc; test/xml-digest.test.ts checks every digest against the
 * parser. Nothing is committed: the digests follow whatever the taxonomy files are at build time.
 *
 *     node dist/scripts/xml-digest.js
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KessanError } from '../src/core/errors.js';
import { projectRoot } from '../src/core/paths.js';
import { DIGEST_VERSION, digestDir, encodeXml, type DerivedDigest, type DigestIndex, type XmlDigest } from '../src/core/xml/digest.js';
import { parseXmlText, type XmlElement } from '../src/core/xml/parse.js';
import { UTR_DIGEST, UTR_NS, utrEntries } from '../src/validate/utr/registry.js';
import { readXmlText } from '../src/core/xml/tree.js';

/** The files that get a digest: every XML document under taxonomy/ (the catalog and the example's taxonomy). */
export function bundledXmlFiles(root = projectRoot()): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(xsd|xml)$/i.test(e.name)) out.push(p);
    }
  };
  walk(join(root, 'taxonomy'));
  return out;
}

/** What readers make of some bundled documents, written beside their trees (see `findDerived`), by kind. */
export const DERIVED: Readonly<Record<string, (root: XmlElement) => unknown>> = {
  [UTR_DIGEST]: (root) => (root.name.namespace === UTR_NS && root.name.localName === 'utr' ? utrEntries(root) : undefined),
};

/** Each bundled file's text, digest and derived values; a file that does not parse is left out. */
export function digests(files = bundledXmlFiles()): { file: string; text: string; digest: XmlDigest; derived: Record<string, unknown> }[] {
  const out = [];
  for (const file of files) {
    const text = readXmlText(file);
    let root;
    try {
      root = parseXmlText(text, file);
    } catch (e) {
      // A document kessan refuses (the XHTML modules with a DOCTYPE): it gets no digest and fails as before.
      if (e instanceof KessanError) continue;
      throw e;
    }
    const derived: Record<string, unknown> = {};
    for (const [kind, derive] of Object.entries(DERIVED)) {
      const value = derive(root);
      if (value !== undefined) derived[kind] = value;
    }
    out.push({ file, text, digest: encodeXml(root), derived });
  }
  return out;
}

/** Writes the digests of `files` (each distinct text once), the texts and their index into `dir` (emptied first). */
export function writeDigests(dir = digestDir(), files = bundledXmlFiles()): { files: number; digests: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const byLength: Record<string, string[]> = {};
  const texts = new Set<string>();
  let bytes = 0;
  for (const { text, digest, derived } of digests(files)) {
    if (texts.has(text)) continue;
    const name = String(texts.size);
    texts.add(text);
    (byLength[text.length] ??= []).push(name);
    const json = JSON.stringify(digest);
    bytes += json.length;
    writeFileSync(join(dir, `${name}.json`), json);
    writeFileSync(join(dir, `${name}.xml`), text);
    for (const [kind, value] of Object.entries(derived)) {
      const d: DerivedDigest<unknown> = { version: DIGEST_VERSION, depth: digest.depth, text: digest.text, attribute: digest.attribute, value };
      writeFileSync(join(dir, `${name}.${kind}.json`), JSON.stringify(d));
    }
  }
  const index: DigestIndex = { version: DIGEST_VERSION, byLength };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  return { files: files.length, digests: texts.size, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { files, digests: n, bytes } = writeDigests();
  process.stderr.write(`xml-digest: ${n} digests of ${files} files (${(bytes / 2 ** 20).toFixed(1)} MiB) in ${relative(projectRoot(), digestDir())}\n`);
}
