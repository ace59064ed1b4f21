/** Reads one linkbase (a document, or one embedded in a schema's appinfo): its references and extended links. */
import { DEFAULT_LINKROLE } from './model.js';
import { clark, NS } from '../model/qname.js';
import { attrKey, XML_NS, type XmlElement } from '../xml/parse.js';
import { textContent, xmlBaseChain, xmlLang } from '../xml/tree.js';
import type { Resolved, Resolver } from './resolver.js';

export interface RawLocator {
  readonly label: string;
  /** The href as written (optional data for validation). */
  readonly href?: string;
  /** The locator element's name in Clark notation (normally link:loc). */
  readonly element?: string;
  /** Resolved document key: a local path, or the URL of an unavailable document. */
  readonly target: Resolved;
  readonly line: number;
}

export interface RawResource {
  /** Unique across the whole load (identity of the resource for arc equivalence). */
  readonly key: string;
  readonly label: string;
  /** Element name in Clark notation (`{http://www.xbrl.org/2003/linkbase}label`...). */
  readonly element: string;
  readonly role?: string;
  readonly lang?: string;
  readonly text: string;
  readonly id?: string;
  readonly file: string;
  readonly line: number;
}

export interface RawArc {
  readonly element: string;
  readonly from: string;
  readonly to: string;
  readonly arcrole: string;
  readonly order: number;
  readonly priority: number;
  readonly prohibited: boolean;
  readonly weight?: number;
  readonly preferredLabel?: string;
  /** Non-xlink attributes other than order/use/priority/weight/preferredLabel, by Clark key. */
  readonly attributes?: Record<string, string>;
  readonly line: number;
}

export interface RawLink {
  /** Extended link element name in Clark notation. */
  readonly element: string;
  readonly role: string;
  /** xlink:role as written (undefined when absent; `role` then defaults to the standard link role). */
  readonly roleAttr?: string;
  /** Where the extended link starts. */
  readonly line?: number;
  readonly file: string;
  readonly locators: RawLocator[];
  readonly resources: RawResource[];
  readonly arcs: RawArc[];
}

/** A simple link (roleRef, arcroleRef, linkbaseRef, schemaRef...) as written, for validation. */
export interface RawSimpleLink {
  /** Element name in Clark notation. */
  readonly element: string;
  readonly href?: string;
  readonly target?: Resolved;
  readonly role?: string;
  readonly arcrole?: string;
  /** xlink:type as written. */
  readonly type?: string;
  readonly roleURI?: string;
  readonly arcroleURI?: string;
  readonly line: number;
}

export interface LinkbaseDoc {
  readonly file: string;
  /** roleRef / arcroleRef (and any other simple links) that are children of link:linkbase, in order. */
  readonly simpleLinks?: RawSimpleLink[];
  /** True when the linkbase is embedded in a schema's appinfo. */
  readonly embedded?: boolean;
  /** roleRef / arcroleRef / locator targets: documents to discover. */
  readonly refs: Resolved[];
  readonly links: RawLink[];
}

const XL = NS.xlink;
const K_TYPE = attrKey(XL, 'type');
const K_HREF = attrKey(XL, 'href');
const K_ROLE = attrKey(XL, 'role');
const K_ARCROLE = attrKey(XL, 'arcrole');
const K_LABEL = attrKey(XL, 'label');
const K_FROM = attrKey(XL, 'from');
const K_TO = attrKey(XL, 'to');
const XLINK_PREFIX = `{${XL}}`;
const XML_PREFIX = `{${XML_NS}}`;
export const K = { type: K_TYPE, href: K_HREF, role: K_ROLE, label: K_LABEL, base: attrKey(XML_NS, 'base') } as const;
const ARC_KNOWN = new Set(['order', 'use', 'priority', 'weight', 'preferredLabel']);

let resourceCounter = 0;

function num(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : dflt;
}

/** An arc from its element name (Clark), attributes (keyed as in `XmlElement.attributes`) and line. */
export function arcFrom(element: string, attrs: ReadonlyMap<string, string>, line: number): RawArc | undefined {
  const from = attrs.get(K_FROM);
  const to = attrs.get(K_TO);
  const arcrole = attrs.get(K_ARCROLE);
  if (from === undefined || to === undefined || arcrole === undefined) return undefined;
  let attributes: Record<string, string> | undefined;
  for (const [k, v] of attrs) {
    if (k.startsWith(XLINK_PREFIX) || ARC_KNOWN.has(k) || k.startsWith(XML_PREFIX) || k.startsWith('xmlns')) continue;
    (attributes ??= {})[k] = v.trim();
  }
  const w = attrs.get('weight');
  return {
    element,
    from,
    to,
    arcrole,
    order: num(attrs.get('order'), 1),
    priority: num(attrs.get('priority'), 0),
    prohibited: attrs.get('use')?.trim() === 'prohibited',
    weight: w === undefined || !Number.isFinite(Number(w.trim())) ? undefined : Number(w.trim()),
    preferredLabel: attrs.get('preferredLabel'),
    attributes,
    line,
  };
}

/** `xmlBase`: the `xml:base` values in scope on the element, outermost first. */
export function locatorFrom(attrs: ReadonlyMap<string, string>, line: number, file: string, resolver: Resolver, xmlBase?: readonly string[]): RawLocator | undefined {
  const href = attrs.get(K_HREF);
  const label = attrs.get(K_LABEL);
  if (href === undefined || label === undefined) return undefined;
  return { label, href, target: resolver.resolve(href, file, xmlBase), line };
}

/** A simple link from its element name (Clark), attributes and line. */
export function simpleLinkFrom(element: string, attrs: ReadonlyMap<string, string>, line: number, file: string, resolver: Resolver, xmlBase?: readonly string[]): RawSimpleLink {
  const href = attrs.get(K_HREF);
  const opt = (k: string, v: string | undefined) => (v === undefined ? {} : { [k]: v });
  return {
    element,
    ...opt('href', href),
    ...(href !== undefined ? { target: resolver.resolve(href, file, xmlBase) } : {}),
    ...opt('role', attrs.get(K_ROLE)),
    ...opt('arcrole', attrs.get(K_ARCROLE)),
    ...opt('type', attrs.get(K_TYPE)),
    ...opt('roleURI', attrs.get('roleURI')),
    ...opt('arcroleURI', attrs.get('arcroleURI')),
    line,
  };
}

export function resourceFrom(element: string, attrs: ReadonlyMap<string, string>, lang: string | undefined, text: string, file: string, line: number): RawResource | undefined {
  const label = attrs.get(K_LABEL);
  if (label === undefined) return undefined;
  return { key: `r${++resourceCounter}`, label, element, role: attrs.get(K_ROLE), lang, text, id: attrs.get('id'), file, line };
}

export function newLink(element: string, attrs: ReadonlyMap<string, string>, file: string, line?: number): RawLink {
  const roleAttr = attrs.get(K_ROLE);
  return {
    element,
    role: roleAttr ?? DEFAULT_LINKROLE,
    ...(roleAttr !== undefined ? { roleAttr } : {}),
    ...(line !== undefined ? { line } : {}),
    file,
    locators: [],
    resources: [],
    arcs: [],
  };
}

function readExtendedLink(el: XmlElement, file: string, resolver: Resolver, refs: Resolved[]): RawLink {
  const link = newLink(clark(el.name), el.attributes, file, el.line);
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    const type = c.attributes.get(K_TYPE);
    if (type === 'locator') {
      const loc0 = locatorFrom(c.attributes, c.line, file, resolver, xmlBaseChain(c));
      const loc = loc0 && { ...loc0, element: clark(c.name) };
      if (loc) {
        if (loc.element === `{${NS.link}}loc`) refs.push(loc.target); // DTS discovery follows link:loc only (§3.2)
        link.locators.push(loc);
      }
    } else if (type === 'arc') {
      const arc = arcFrom(clark(c.name), c.attributes, c.line);
      if (arc) link.arcs.push(arc);
    } else if (type === 'resource') {
      const r = resourceFrom(clark(c.name), c.attributes, xmlLang(c), textContent(c), file, c.line);
      if (r) link.resources.push(r);
    }
  }
  return link;
}

/** Reads a `link:linkbase` element (the root of a linkbase document, or embedded in a schema). */
export function readLinkbase(root: XmlElement, file: string, resolver: Resolver, into?: LinkbaseDoc): LinkbaseDoc {
  const doc: LinkbaseDoc = into ?? { file, refs: [], links: [], simpleLinks: [], embedded: true };
  for (const c of root.children) {
    if (typeof c === 'string') continue;
    const type = c.attributes.get(K_TYPE);
    if (type === 'extended') {
      doc.links.push(readExtendedLink(c, file, resolver, doc.refs));
    } else if (type === 'simple' && c.name.namespace === NS.link) {
      // roleRef, arcroleRef (and any simple link) point at documents to discover.
      const href = c.attributes.get(K_HREF);
      if (href !== undefined) doc.refs.push(resolver.resolve(href, file, xmlBaseChain(c)));
    }
    if (c.name.namespace === NS.link && type !== 'extended') doc.simpleLinks?.push(simpleLinkFrom(clark(c.name), c.attributes, c.line, file, resolver, xmlBaseChain(c)));
  }
  return doc;
}
