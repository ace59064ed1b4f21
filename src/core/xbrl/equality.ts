/**
 * XBRL 2.1 §4.10 equality predicates over the instance model: s-equal (structure), c-equal (contexts),
 * u-equal (units), p-equal (same parent). Each gives a key: equal keys ⇔ equal items.
 */
import { clark, type QName } from '../model/qname.js';
import { periodKey } from '../model/period.js';
import { unitKey } from '../model/unit.js';
import type { ContextInfo, FactInfo, UnitInfo, XmlNode } from './infoset.js';
import type { ContentDecl } from './schema-types.js';
import { canonicalValue } from '../xml/xsdValue.js';

/** What s-equal needs from the schemas: element declarations (type, default, attributes) and global attribute types. */
export interface ContentTyping {
  element(name: QName): ContentDecl | undefined;
  /** The built-in type of a global (qualified) attribute, by Clark key. */
  attribute(key: string): string | undefined;
}

let nanSerial = 0;
/** A key part equal to nothing else (NaN is not equal even to itself). */
const unequal = () => `\u0000NaN${nanSerial++}\u0000`;

const valueKey = (base: string | undefined, raw: string) => canonicalValue(base, raw) ?? unequal();

/**
 * s-equal key of XML content: names, attributes (sorted), and text. Without `typing`, values compare as text
 * trimmed at the edges. With it, as XML Schema values of their declared types (§4.10): default and fixed
 * attribute and element values filled in, numbers and booleans by value, NaN unequal to everything.
 */
export function sEqualKey(nodes: readonly (XmlNode | string)[] | undefined, typing?: ContentTyping): string {
  if (!nodes) return '';
  let k = '';
  const kids = nodes.filter((n): n is XmlNode => typeof n !== 'string');
  if (kids.length === 0) {
    const t = nodes.join('');
    return t.trim() ? `"${t.trim()}"` : '';
  }
  for (const n of nodes) {
    if (typeof n === 'string') {
      const t = n.trim();
      if (t) k += `"${t}"`;
      continue;
    }
    k += nodeKey(n, typing);
  }
  return k;
}

function nodeKey(n: XmlNode, typing: ContentTyping | undefined): string {
  const decl = typing?.element(n.name);
  const attrs = new Map<string, string>();
  for (const [a, v] of n.attributes) {
    const type = decl?.attributes.get(a)?.simpleType ?? (typing && a.startsWith('{') ? typing.attribute(a) : undefined);
    attrs.set(a, typing ? valueKey(type, v) : v.trim());
  }
  for (const [a, d] of decl?.attributes ?? []) if (!attrs.has(a) && d.value !== undefined) attrs.set(a, valueKey(d.simpleType, d.value));
  const attrKey = [...attrs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([a, v]) => `${a}=${v}`).join(',');
  let content: string;
  if (!typing || n.children.some((c) => typeof c !== 'string')) content = sEqualKey(n.children, typing);
  else {
    let text = n.children.join('');
    if (text === '' && decl?.value !== undefined) text = decl.value;
    content = `"${valueKey(decl?.simpleType, text)}"`;
  }
  return `<${clark(n.name)}[${attrKey}]${content}>`;
}

/** c-equal key: same entity, same period, s-equal segment and scenario. */
export function cEqualKey(c: ContextInfo, typing?: ContentTyping): string {
  const period = c.period ? periodKey(c.period) : JSON.stringify(c.periodRaw);
  return `${c.entity.scheme}#${c.entity.identifier}|${period}|${sEqualKey(c.segment, typing)}|${sEqualKey(c.scenario, typing)}`;
}

/** u-equal key: the same measures (order ignored) in numerator and denominator. */
export function uEqualKey(u: UnitInfo): string {
  return u.unit ? unitKey(u.unit) : `raw:${[...u.measuresRaw].sort().join('*')}${u.divide ? '/d' : ''}`;
}

/** p-equal key: the parent tuple's fact id, or '' for the document root. */
export function pEqualKey(f: FactInfo): string {
  return f.parent ?? '';
}

/** c-equal keys of every context, by id: computed once each, so a context with a NaN value still equals itself. */
export function cEqualKeys(contexts: ReadonlyMap<string, ContextInfo>, typing?: ContentTyping): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, c] of contexts) out.set(id, cEqualKey(c, typing));
  return out;
}
