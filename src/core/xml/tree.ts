/** Small helpers over the `XmlElement` tree: children, attributes, text, QName values, reading files. */
import { decodeText, readInputBytes } from '../limits.js';
import { qname, type QName } from '../model/qname.js';
import { attrKey, parseXml, XML_NS, type XmlElement, type XmlLimits } from './parse.js';

export function isElement(n: XmlElement | string): n is XmlElement {
  return typeof n !== 'string';
}

/** Child elements, optionally only those with this namespace (and local name). */
export function childElements(el: XmlElement, namespace?: string, localName?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (namespace !== undefined && c.name.namespace !== namespace) continue;
    if (localName !== undefined && c.name.localName !== localName) continue;
    out.push(c);
  }
  return out;
}

export function firstChild(el: XmlElement, namespace: string, localName: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c !== 'string' && c.name.namespace === namespace && c.name.localName === localName) return c;
  }
  return undefined;
}

/** An attribute's value: `attr(el, 'id')` for unqualified names, `attr(el, 'href', NS.xlink)` for namespaced ones. */
export function attr(el: XmlElement, localName: string, namespace = ''): string | undefined {
  return el.attributes.get(attrKey(namespace, localName));
}

/** All text inside the element (descendants included), in document order. */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}

/** `xml:lang` in scope (on the element or its nearest ancestor). */
export function xmlLang(el: XmlElement): string | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const v = e.attributes.get(attrKey(XML_NS, 'lang'));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The `xml:base` values in scope on the element (its own included), outermost first. */
export function xmlBaseChain(el: XmlElement): string[] {
  const out: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const v = e.attributes.get(attrKey(XML_NS, 'base'));
    if (v !== undefined) out.push(v);
  }
  return out.reverse();
}

/**
 * Resolves a QName written as text or in an attribute (`prefix:local`, or `local` in the default namespace,
 * as XML Schema's QName type does) using the element's in-scope namespaces. Undefined for an undeclared
 * prefix or a malformed value. Pass `useDefault = false` where an unprefixed name means no namespace.
 */
export function resolveQName(el: XmlElement, value: string, useDefault = true): QName | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const colon = v.indexOf(':');
  if (colon < 0) {
    if (!/^[^\s:]+$/.test(v)) return undefined;
    return qname(useDefault ? (el.nsScope.get('') ?? '') : '', v);
  }
  const prefix = v.slice(0, colon);
  const local = v.slice(colon + 1);
  if (!prefix || !local || local.includes(':') || /\s/.test(v)) return undefined;
  const ns = el.nsScope.get(prefix);
  if (ns === undefined) return undefined;
  return qname(ns, local, prefix);
}

/**
 * Decodes a file's bytes: UTF-16 by BOM, ISO-8859-1/Latin-1/Windows-1252 when the XML declaration says so,
 * otherwise UTF-8 (which covers US-ASCII). The BOM is stripped by `parseXml`.
 */
export function decodeXml(buf: Buffer, file = ''): string {
  const encoding = xmlEncodingOf(buf.subarray(0, 200));
  // UTF-8: a byte sequence that is not UTF-8 is a fatal error (XML 1.0 §4.3.3), never silently replaced.
  if (encoding === 'utf-8') return decodeText(buf, file, 'kessan:xmlNotWellFormed', 1);
  return new TextDecoder(encoding).decode(buf);
}

/**
 * The encoding `decodeXml` reads a document in, from its first bytes (200 are enough): UTF-16 by its BOM or
 * by its `<?` (XML 1.0 appendix F), ISO-8859-1, Windows-1252, Shift_JIS or EUC-JP when the XML declaration
 * says so, otherwise UTF-8 (which covers US-ASCII). A TextDecoder's label.
 */
export function xmlEncodingOf(head: Uint8Array): string {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.length >= 4 && head[0] === 0x3c && head[1] === 0 && head[2] === 0x3f && head[3] === 0) return 'utf-16le';
  if (head.length >= 4 && head[0] === 0 && head[1] === 0x3c && head[2] === 0 && head[3] === 0x3f) return 'utf-16be';
  const m = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 200)).toString('latin1'));
  const enc = m?.[1]?.toLowerCase();
  if (enc && /^(iso-8859-1|latin1|windows-1252|cp1252|shift_jis|euc-jp)$/.test(enc)) return enc === 'latin1' ? 'iso-8859-1' : enc;
  return 'utf-8';
}

/** Reads an XML file as text (decoded). A missing or unreadable file is a `kessan:fileUnreadable` error (exit 2). */
export function readXmlText(path: string): string {
  return decodeXml(readInputBytes(path, 'kessan:fileUnreadable'), path);
}

/** Reads and parses an XML file (see `readXmlText`, `parseXml`). */
export function readXmlFile(path: string, limits?: XmlLimits): XmlElement {
  return parseXml(readXmlText(path), path, limits);
}
