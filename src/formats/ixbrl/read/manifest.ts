/** Inline XBRL document sets listed by an EDINET-style manifest (`manifest*.xml` with `<ixbrl>` entries). */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding } from '../../../core/model/finding.js';
import { isInside, real } from '../../../core/taxonomy/resolver.js';
import { parseXml, type XmlElement } from '../../../core/xml/parse.js';
import { textContent } from '../../../core/xml/tree.js';

/** One `<instance>` of a manifest: the documents its `<ixbrl>` entries name, in order, as written. */
export interface ManifestSet {
  /** The manifest's path. */
  readonly manifest: string;
  /** The entries as written (names relative to the manifest's folder). */
  readonly docs: readonly string[];
}

/** The document sets the manifests in `dir` list, in manifest-name order. A manifest that is not well-formed is skipped. */
export function manifestSets(dir: string): ManifestSet[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^manifest.*\.xml$/i.test(n)).sort();
  } catch {
    return [];
  }
  const sets: ManifestSet[] = [];
  for (const name of names) {
    const manifest = join(dir, name);
    let root: XmlElement;
    try {
      root = parseXml(readFileSync(manifest, 'utf8'), manifest);
    } catch {
      continue;
    }
    for (const instance of descendants(root, 'instance')) {
      const docs = descendants(instance, 'ixbrl').map((e) => textContent(e).trim()).filter(Boolean);
      if (docs.length) sets.push({ manifest, docs });
    }
  }
  return sets;
}

/** Whether a manifest entry names a file inside the manifest's folder (by name, and by real path: no symbolic link out). */
export function insideManifestFolder(dir: string, entry: string): boolean {
  const path = join(dir, entry);
  return isInside(resolve(path), resolve(dir)) && isInside(real(path), real(dir));
}

/**
 * The documents of the set `file` belongs to, in the manifest's order; undefined when no manifest lists it. An
 * entry outside the manifest's folder (`../x.htm`, an absolute path, a symbolic link leading out) is never read:
 * it is left out of the set with a `kessan:referenceRefused` finding.
 */
export function manifestSet(file: string): { files: string[]; findings: Finding[] } | undefined {
  const dir = dirname(file);
  const set = manifestSets(dir).find((s) => s.docs.includes(basename(file)));
  if (!set) return undefined;
  const findings: Finding[] = [];
  const files: string[] = [];
  for (const d of set.docs) {
    if (insideManifestFolder(dir, d)) files.push(join(dir, d));
    else findings.push({ code: 'kessan:referenceRefused', severity: 'error', message: `the manifest lists ${d}, outside its folder; it was not read`, file: set.manifest });
  }
  return { files, findings };
}

function descendants(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name.localName === local) out.push(c);
    out.push(...descendants(c, local));
  }
  return out;
}
