/**
 * The value of an `escape="true"` fact: its content as markup, written the way the Inline XBRL processors
 * write it (Arelle's extraction is the reference), so that a text block read by kessan equals the one Arelle
 * extracts from the same document:
 * - an element is written with the name (and prefix) it has in the source; namespace declarations are not
 *   written (the fragment is HTML, read without them);
 * - attributes are written in Arelle's order, by namespace then name (`{ns}local`, unqualified ones first),
 *   with `&` and `"` escaped; a prefixed attribute keeps a prefix bound to its namespace (`xml:lang`; Arelle
 *   drops the prefix, writing `lang`, another attribute: there kessan keeps what the source says);
 * - an element without content is written `<td></td>`, unless HTML has it as a void element (`<br/>`,
 *   `<img/>`), so that an HTML reader never takes `<td/>` for an open cell;
 * - ix elements are not written, their content is (facts nested in a text block); ix:exclude is left out;
 * - text has `&`, `<` and `>` escaped;
 * - the URIs of `img src`, `a href` and the like are resolved against the document's `<base href>`, if it
 *   has one, and their spaces written `%20` (Inline XBRL 1.1 §4.1.3: escaped content is moved elsewhere).
 */
import { XML_NS, type XmlElement } from '../../../core/xml/parse.js';
import { isIx } from './collect.js';

/** Written as `<x/>` when empty (the void elements HTML parsers read without an end tag, as Arelle's list has them). */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'frame', 'hr', 'img', 'input', 'isindex', 'link', 'meta', 'param']);

/** Attributes holding a URI, by element (HTML 4.01's list, as the Inline XBRL processors use it). */
const URI_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'], area: ['href'], blockquote: ['cite'], del: ['cite'], form: ['action'], input: ['src', 'usemap'], ins: ['cite'],
  img: ['src', 'longdesc', 'usemap'], object: ['codebase', 'classid', 'data', 'archive', 'usemap'], q: ['cite'],
};

const escText = (s: string) => (/[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s);
const escAttr = (s: string) => (/[&"]/.test(s) ? s.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : s);

/** The name an attribute stored under its Clark key (`{ns}local`) is written with: a prefix bound to `ns` on the element. */
function attributeName(el: XmlElement, key: string): string {
  if (!key.startsWith('{')) return key;
  const end = key.indexOf('}');
  const ns = key.slice(1, end);
  const local = key.slice(end + 1);
  if (ns === XML_NS) return `xml:${local}`;
  for (const [prefix, uri] of el.nsScope) if (uri === ns && prefix) return `${prefix}:${local}`;
  return local;
}

/** `value` resolved against `base` (a `<base href>`), as a relative reference when the base is relative. */
function resolveUri(base: string, value: string): string {
  if (!base) return value;
  try {
    return new URL(value, base).href;
  } catch {
    // A relative base: join by path, as URI resolution does (RFC 3986 §5.2), for the common case.
    if (/^[A-Za-z][A-Za-z0-9+.-]*:|^[/#?]/.test(value)) return value;
    return base.replace(/[^/]*$/, '') + value;
  }
}

function startTag(el: XmlElement, name: string, base: string): string {
  let s = `<${name}`;
  if (!el.attributes.size) return s;
  const uriAttributes = (Object.hasOwn(URI_ATTRIBUTES, el.name.localName) && URI_ATTRIBUTES[el.name.localName]) || [];
  const keys = [...el.attributes.keys()].filter((k) => k !== 'xmlns' && !k.startsWith('xmlns:')).sort();
  for (const k of keys) {
    let v = el.attributes.get(k)!;
    if (uriAttributes.includes(k)) v = resolveUri(base, v).replace(/ /g, '%20');
    s += ` ${attributeName(el, k)}="${escAttr(v)}"`;
  }
  return s;
}

/**
 * The content of `el` as markup. `base` is the document's `<base href>` ('' for none). Iterative (an
 * explicit stack), so a deeply nested fragment cannot overflow the call stack.
 */
export function contentMarkup(el: XmlElement, base = ''): string {
  let out = '';
  // Each frame: an element whose children are being written, the next child, and its end tag ('' for ix elements).
  const stack: { el: XmlElement; next: number; end: string }[] = [{ el, next: 0, end: '' }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const child = top.el.children[top.next++];
    if (child === undefined) {
      stack.pop();
      out += top.end;
    } else if (typeof child === 'string') {
      out += escText(child);
    } else if (isIx(child.name.namespace)) {
      if (child.name.localName !== 'exclude') stack.push({ el: child, next: 0, end: '' });
    } else {
      const name = child.name.prefix ? `${child.name.prefix}:${child.name.localName}` : child.name.localName;
      out += startTag(child, name, base);
      if (hasContent(child)) {
        out += '>';
        stack.push({ el: child, next: 0, end: `</${name}>` });
      } else out += VOID.has(child.name.localName) ? '/>' : `></${name}>`;
    }
  }
  return out;
}

/** Whether writing the element's content writes anything: text, or an element other than an ix:exclude. */
function hasContent(el: XmlElement): boolean {
  return el.children.some((c) => (typeof c === 'string' ? c.length > 0 : !(isIx(c.name.namespace) && c.name.localName === 'exclude')));
}
