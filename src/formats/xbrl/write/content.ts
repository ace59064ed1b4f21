/**
 * Non-dimensional segment and scenario content (the model's `XmlNode`s) written back as XML text: each element
 * and attribute with the prefix it was read with, attributes in the order read, text as read (escaped). A
 * namespace is declared on an element when a prefix it uses is not bound that way by what surrounds it (the
 * document root's declarations, for the outermost elements), so the text means the same wherever it is put.
 * Deterministic: declarations are written in prefix order.
 */
import { KessanError } from '../../../core/errors.js';
import type { XmlNode } from '../../../core/model/xml.js';
import { escapeAttr, escapeText, isNCName } from '../../../core/xml/write.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME_CHARS = '[A-Za-z_\\u00C0-\\uFFFD][-.\\w\\u00B7\\u00C0-\\uFFFD]*';
/** Text that looks like a QName (`prefix:local`): its prefix is declared too, as QName-valued content needs it. */
const QNAME_TEXT = new RegExp(`^\\s*(${NAME_CHARS}):${NAME_CHARS}\\s*$`, 'u');

/**
 * Each node as XML text. `scope` is what is bound where the text goes (prefix → namespace, '' the default
 * namespace): an empty map makes every node stand alone, declaring all it uses.
 */
export function contentXml(nodes: readonly XmlNode[], scope: ReadonlyMap<string, string>): string[] {
  return nodes.map((n) => writeNode(n, scope));
}

/**
 * The prefixed names of content elements, to declare their namespaces at the root (so that the content needs no
 * declarations of its own in the usual case). Unprefixed ones are left out: they declare their default namespace.
 */
export function* contentNames(nodes: readonly XmlNode[]): Iterable<XmlNode['name']> {
  for (const n of nodes) {
    if (n.name.namespace !== '' && n.name.prefix) yield n.name;
    yield* contentNames(n.children.filter((c): c is XmlNode => typeof c !== 'string'));
  }
}

/** The prefixes one element uses, and which of them it must declare because the outer scope binds them otherwise. */
class ElementScope {
  /** prefix → namespace for every prefix the element's name, attributes and QName-like values use. */
  readonly used = new Map<string, string>();
  readonly decls = new Map<string, string>();
  constructor(readonly outer: ReadonlyMap<string, string>) {}
  /** Whether `p` can mean `ns` on this element (nothing else on it uses `p` for another namespace). */
  free(p: string, ns: string): boolean {
    return (this.used.get(p) ?? ns) === ns;
  }
  use(p: string, ns: string): void {
    this.used.set(p, ns);
    if ((this.outer.get(p) ?? (p === '' ? '' : undefined)) !== ns) this.decls.set(p, ns);
  }
}

function writeNode(n: XmlNode, outer: ReadonlyMap<string, string>): string {
  const scope = new ElementScope(outer);
  const prefix = n.name.namespace === '' ? '' : (n.name.prefix ?? '');
  checkName(n, prefix, n.name.localName);
  scope.use(prefix, n.name.namespace);
  const name = prefix ? `${prefix}:${n.name.localName}` : n.name.localName;

  let attrs = '';
  for (const [key, value] of n.attributes) {
    attrs += ` ${attributeName(n, key, scope)}="${escapeAttr(value, `attribute ${key} of ${name}`)}"`;
    declareQNameText(n, value, scope);
  }
  const children = n.children;
  if (children.length > 0 && children.every((c) => typeof c === 'string')) declareQNameText(n, children.join(''), scope);

  let out = `<${name}`;
  const decls = scope.decls;
  for (const [p, ns] of [...decls].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out += `${p ? ` xmlns:${p}` : ' xmlns'}="${escapeAttr(ns, `namespace of prefix ${p}`)}"`;
  }
  out += attrs;
  if (children.length === 0) return `${out}/>`;
  const inner = decls.size ? new Map([...outer, ...decls]) : outer;
  out += '>';
  for (const c of children) out += typeof c === 'string' ? escapeText(c, `text in ${name}`) : writeNode(c, inner);
  return `${out}</${name}>`;
}

function checkName(n: XmlNode, prefix: string, local: string): void {
  if ((prefix !== '' && (!isNCName(prefix) || /^xml/i.test(prefix))) || !isNCName(local)) {
    const where = `line ${n.line}, column ${n.column}`;
    throw new KessanError('kessan:invalidName', `segment/scenario element ${prefix ? `${prefix}:` : ''}${local} (${where}) is not a valid XML name`);
  }
}

/**
 * An attribute's name with a prefix for its namespace: the element's own when it is the same namespace, else
 * the one it was read with, else one the outer scope binds to it, else an invented `ns1`, `ns2`…
 */
function attributeName(n: XmlNode, key: string, scope: ElementScope): string {
  if (!key.startsWith('{')) return key;
  const close = key.indexOf('}');
  const ns = key.slice(1, close);
  const local = key.slice(close + 1);
  if (ns === XML_NS) return `xml:${local}`;
  const candidates: string[] = [];
  if (n.name.prefix && n.name.namespace === ns) candidates.push(n.name.prefix);
  for (const [p, u] of n.nsScope ?? []) if (u === ns) candidates.push(p);
  for (const [p, u] of scope.outer) if (u === ns) candidates.push(p);
  let prefix = candidates.find((p) => p !== '' && scope.free(p, ns));
  for (let i = 1; prefix === undefined; i++) if (scope.free(`ns${i}`, ns) && !scope.used.has(`ns${i}`)) prefix = `ns${i}`;
  checkName(n, prefix, local);
  scope.use(prefix, ns);
  return `${prefix}:${local}`;
}

/** Keeps a QName-looking value meaningful: its prefix is declared as the element had it in scope. */
function declareQNameText(n: XmlNode, text: string, scope: ElementScope): void {
  const p = QNAME_TEXT.exec(text)?.[1];
  const ns = p !== undefined ? n.nsScope?.get(p) : undefined;
  // A prefix the element already uses for another namespace is left as it is (the source cannot have had that).
  if (p !== undefined && ns !== undefined && p !== 'xml' && p !== 'xmlns' && scope.free(p, ns)) scope.use(p, ns);
}
