/** Inline XBRL document sets listed by an EDINET-style manifest (`manifest*.xml` with `<ixbrl>` entries). */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseXml } from '../../xml/parse.js';
import { textContent } from '../../xml/tree.js';
import type { XmlElement } from '../../xml/parse.js';

/** The documents of the set `file` belongs to, in the manifest's order; undefined when no manifest lists it. */
export function manifestSet(file: string): string[] | undefined {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^manifest.*\.xml$/i.test(n)).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    let root: XmlElement;
    try {
      root = parseXml(readFileSync(join(dir, name), 'utf8'), join(dir, name));
    } catch {
      continue;
    }
    for (const instance of descendants(root, 'instance')) {
      const docs = descendants(instance, 'ixbrl').map((e) => textContent(e).trim()).filter(Boolean);
      if (docs.includes(basename(file))) return docs.map((d) => join(dir, d));
    }
  }
  return undefined;
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
