/**
 * Small XML trees built while streaming an instance (contexts, units, footnote links, item content): the
 * `XmlNode`s of the instance model, plus helpers to read them (child elements, text, QName values) and to
 * write them back as XML text (typed dimension members).
 */
import { qname, type QName } from '../model/qname.js';
import type { XmlNode } from './infoset.js';

/** An `XmlNode` while it is being built. */
export interface BuildNode extends XmlNode {
  readonly attributes: Map<string, string>;
  readonly children: (BuildNode | string)[];
  readonly nsScope: ReadonlyMap<string, string>;
}

export function isNode(n: XmlNode | string): n is XmlNode {
  return typeof n !== 'string';
}

/** Child elements, optionally only those with this namespace and local name. */
export function kids(n: XmlNode, namespace?: string, localName?: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of n.children) {
    if (typeof c === 'string') continue;
    if (namespace !== undefined && c.name.namespace !== namespace) continue;
    if (localName !== undefined && c.name.localName !== localName) continue;
    out.push(c);
  }
  return out;
}

export function firstKid(n: XmlNode, namespace: string, localName: string): XmlNode | undefined {
  for (const c of n.children) if (typeof c !== 'string' && c.name.namespace === namespace && c.name.localName === localName) return c;
  return undefined;
}

/** All text inside the node (descendants included), in document order. */
export function text(n: XmlNode): string {
  let s = '';
  for (const c of n.children) s += typeof c === 'string' ? c : text(c);
  return s;
}

/** Element children only (whitespace and other text dropped). */
export function elementsOf(children: readonly (XmlNode | string)[]): XmlNode[] {
  return children.filter(isNode);
}

/**
 * Resolves a QName written as text (`prefix:local`, or `local` in the default namespace, as xs:QName does)
 * with the node's in-scope namespaces. Undefined for an undeclared prefix or a malformed value.
 */
export function resolveQName(n: XmlNode, value: string): QName | undefined {
  const v = value.trim();
  if (!v || /\s/.test(v)) return undefined;
  const scope = n.nsScope;
  const colon = v.indexOf(':');
  if (colon < 0) return qname(scope?.get('') ?? '', v);
  const prefix = v.slice(0, colon);
  const local = v.slice(colon + 1);
  if (!prefix || !local || local.includes(':')) return undefined;
  const ns = scope?.get(prefix);
  return ns === undefined ? undefined : qname(ns, local, prefix);
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

function nameOf(q: QName): string {
  return q.prefix ? `${q.prefix}:${q.localName}` : q.localName;
}

/**
 * Writes a node as XML text with the prefixes it was written with. Namespace declarations are added on the
 * outermost element for every prefix the subtree uses whose binding differs from `outer` (the root's
 * declarations), so the text stands alone next to the root's declarations.
 */
export function serialize(n: XmlNode, outer: ReadonlyMap<string, string>): string {
  const needed = new Map<string, string>();
  collectPrefixes(n, needed);
  let decls = '';
  for (const [p, ns] of [...needed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (outer.get(p) !== ns) decls += p ? ` xmlns:${p}="${escAttr(ns)}"` : ` xmlns="${escAttr(ns)}"`;
  }
  return write(n, decls);
}

function collectPrefixes(n: XmlNode, out: Map<string, string>): void {
  out.set(n.name.prefix ?? '', n.name.namespace);
  for (const k of n.attributes.keys()) {
    // Namespaced attributes are stored in Clark form; their prefixes come from the scope.
    if (!k.startsWith('{')) continue;
    const ns = k.slice(1, k.indexOf('}'));
    const p = attrPrefix(n, ns);
    if (p !== undefined && p !== 'xml') out.set(p, ns);
  }
  for (const c of n.children) if (typeof c !== 'string') collectPrefixes(c, out);
}

function write(n: XmlNode, decls: string): string {
  let s = `<${nameOf(n.name)}${decls}`;
  for (const [k, v] of n.attributes) s += ` ${attrName(n, k)}="${escAttr(v)}"`;
  if (n.children.length === 0) return `${s}/>`;
  s += '>';
  for (const c of n.children) s += typeof c === 'string' ? escText(c) : write(c, '');
  return `${s}</${nameOf(n.name)}>`;
}

function attrName(n: XmlNode, key: string): string {
  if (!key.startsWith('{')) return key;
  const close = key.indexOf('}');
  const ns = key.slice(1, close);
  const local = key.slice(close + 1);
  const p = attrPrefix(n, ns);
  return p === undefined ? local : `${p}:${local}`;
}

/** The prefix a namespaced attribute was (most likely) written with: the first non-default one bound to it. */
function attrPrefix(n: XmlNode, ns: string): string | undefined {
  if (ns === 'http://www.w3.org/XML/1998/namespace') return 'xml';
  for (const [p, u] of n.nsScope ?? []) if (u === ns && p !== '') return p;
  return undefined;
}
