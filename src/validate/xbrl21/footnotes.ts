/** Footnote link helpers: where a locator's href points in the instance (XBRL 2.1 section 4.11). */
import { dirname, resolve } from 'node:path';
import type { InstanceDocument } from '../../core/xbrl/infoset.js';

export type LocTarget = { kind: 'fact'; id: string } | { kind: 'other'; id: string; element: string } | { kind: 'missing'; id: string } | { kind: 'elsewhere'; doc: string } | { kind: 'unknown' };

function sameFile(doc: InstanceDocument, path: string): boolean {
  if (path === '') return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return false;
  try {
    return resolve(dirname(doc.file), decodeURIComponent(path)) === resolve(doc.file);
  } catch {
    return false;
  }
}

const factIdCache = new WeakMap<InstanceDocument, Set<string>>();

/** What a footnote locator's href identifies. Only shorthand pointers (`#id`) are resolved. */
export function locTarget(doc: InstanceDocument, href: string): LocTarget {
  const hash = href.indexOf('#');
  const path = hash < 0 ? href : href.slice(0, hash);
  if (!sameFile(doc, path.trim())) return { kind: 'elsewhere', doc: path };
  if (hash < 0) return { kind: 'unknown' };
  const frag = href.slice(hash + 1);
  const m = /^element\(([^/()]+)\)$/.exec(frag);
  const id = m ? m[1]! : frag;
  if (id.includes('(') || id.includes('/')) return { kind: 'unknown' };
  let factIds = factIdCache.get(doc);
  if (!factIds) {
    factIds = new Set(doc.facts.map((f) => f.xmlId).filter((x): x is string => x !== undefined));
    factIdCache.set(doc, factIds);
  }
  if (factIds.has(id)) return { kind: 'fact', id };
  const at = doc.ids.get(id)?.[0];
  if (at) return { kind: 'other', id, element: at.element.prefix ? `${at.element.prefix}:${at.element.localName}` : at.element.localName };
  return { kind: 'missing', id };
}
