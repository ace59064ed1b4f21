/**
 * What the taxonomy model does not keep but some instance rules need, read from the DTS's schema files on
 * demand: default or fixed `decimals`/`precision` on a concept's type (XBRL 2.1 4.6.3: a type may fix them),
 * and global element and attribute declarations with simple types (to check segment/scenario content and
 * custom attributes). Schemas are parsed lazily, once per taxonomy.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { clark, NS, parseClark, qname, type QName } from '../model/qname.js';
import type { Concept, Taxonomy } from '../taxonomy/model.js';
import { typeBase, XS, type TypeDef } from '../taxonomy/schema.js';
import { TypeResolver } from '../taxonomy/types.js';
import { confinedResolver } from '../taxonomy/resolver.js';
import { currentLimits } from '../limits.js';
import type { XmlElement } from '../xml/parse.js';
import { attr, childElements, firstChild, readXmlFile, resolveQName } from '../xml/tree.js';

interface TypeInfo {
  readonly base?: QName;
  /** decimals/precision default or fixed values declared on the type's attributes. */
  readonly attrValues: ReadonlyMap<string, string>;
}

/** An attribute a type declares: its type and default or fixed value (keys as XmlNode attributes: Clark or local). */
interface AttrDecl {
  readonly type?: QName;
  readonly value?: string;
  /** Set for `ref="..."`: the type is the global attribute's. */
  readonly ref?: boolean;
}

/** What a global element declaration says about content: its type, default/fixed value, declared attributes. */
interface ElementInfo {
  readonly type?: QName;
  readonly value?: string;
  /** Attributes of an anonymous complex type (named types: see `typeAttrs`). */
  readonly attrs?: ReadonlyMap<string, AttrDecl>;
}

interface Decls {
  readonly types: Map<string, TypeInfo>;
  readonly elementInfo: Map<string, ElementInfo>;
  /** Attributes declared by named complex types (own ones; the base's come from following `types`). */
  readonly typeAttrs: Map<string, ReadonlyMap<string, AttrDecl>>;
  readonly typeDefs: TypeDef[];
  readonly elements: Map<string, QName | undefined>;
  readonly attributes: Map<string, QName | undefined>;
  readonly parsed: Set<string>;
  readonly answers: Map<string, string | undefined>;
  allParsed?: boolean;
  resolver?: TypeResolver;
}

const cache = new WeakMap<Taxonomy, Decls>();

function declsOf(taxonomy: Taxonomy): Decls {
  let d = cache.get(taxonomy);
  if (!d) {
    d = { types: new Map(), elementInfo: new Map(), typeAttrs: new Map(), typeDefs: [], elements: new Map(), attributes: new Map(), parsed: new Set(), answers: new Map() };
    cache.set(taxonomy, d);
  }
  return d;
}

function attrsOf(holder: XmlElement, out: Map<string, string>): void {
  for (const a of childElements(holder, XS, 'attribute')) {
    const name = attr(a, 'name');
    const value = attr(a, 'fixed') ?? attr(a, 'default');
    if ((name === 'decimals' || name === 'precision') && value !== undefined && !out.has(name)) out.set(name, value);
  }
}

function typeInfo(t: XmlElement): TypeInfo {
  const attrValues = new Map<string, string>();
  const content = firstChild(t, XS, 'simpleContent') ?? firstChild(t, XS, 'complexContent');
  if (content) for (const c of childElements(content, XS)) if (c.name.localName === 'restriction' || c.name.localName === 'extension') attrsOf(c, attrValues);
  const { base } = typeBase(t);
  return { ...(base ? { base } : {}), attrValues };
}

/** Attribute declarations of a complex type (directly, or in its simpleContent/complexContent derivation). */
function complexTypeAttrs(t: XmlElement, tns: string, qualified: boolean): Map<string, AttrDecl> {
  const out = new Map<string, AttrDecl>();
  const holders = [t];
  const content = firstChild(t, XS, 'simpleContent') ?? firstChild(t, XS, 'complexContent');
  if (content) for (const c of childElements(content, XS)) if (c.name.localName === 'restriction' || c.name.localName === 'extension') holders.push(c);
  for (const h of holders) {
    for (const a of childElements(h, XS, 'attribute')) {
      const value = attr(a, 'fixed') ?? attr(a, 'default');
      const ref = attr(a, 'ref');
      if (ref) {
        const q = resolveQName(a, ref);
        if (q) out.set(clark(q), { ...(value !== undefined ? { value } : {}), ref: true });
        continue;
      }
      const name = attr(a, 'name');
      if (!name || attr(a, 'use') === 'prohibited') continue;
      const form = attr(a, 'form');
      const key = (form ? form === 'qualified' : qualified) ? clark(qname(tns, name)) : name;
      const t = attr(a, 'type');
      const anon = firstChild(a, XS, 'simpleType');
      const type = t ? resolveQName(a, t) : anon ? typeBase(anon).base : undefined;
      out.set(key, { ...(type ? { type } : {}), ...(value !== undefined ? { value } : {}) });
    }
  }
  return out;
}

function parse(d: Decls, file: string): void {
  if (d.parsed.has(file)) return;
  d.parsed.add(file);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file)) return;
  let root: XmlElement;
  try {
    root = readXmlFile(file);
  } catch {
    return;
  }
  if (root.name.namespace !== XS || root.name.localName !== 'schema') return;
  const tns = attr(root, 'targetNamespace') ?? '';
  const attrQualified = attr(root, 'attributeFormDefault') === 'qualified';
  for (const c of childElements(root, XS)) {
    const name = attr(c, 'name');
    if (!name) continue;
    const key = clark(qname(tns, name));
    const local = c.name.localName;
    if (local === 'complexType' || local === 'simpleType') {
      if (!d.types.has(key)) d.types.set(key, typeInfo(c));
      if (local === 'complexType' && !d.typeAttrs.has(key)) d.typeAttrs.set(key, complexTypeAttrs(c, tns, attrQualified));
      d.typeDefs.push({ name: qname(tns, name), ...typeBase(c) });
    } else if (local === 'element' || local === 'attribute') {
      const t = attr(c, 'type');
      let type = t ? resolveQName(c, t) : undefined;
      const anonComplex = firstChild(c, XS, 'complexType');
      if (!t) {
        const anon = firstChild(c, XS, 'simpleType') ?? anonComplex;
        type = anon ? typeBase(anon).base : qname(XS, 'anySimpleType');
      }
      const map = local === 'element' ? d.elements : d.attributes;
      if (!map.has(key)) map.set(key, type);
      const value = attr(c, 'fixed') ?? attr(c, 'default');
      if (local === 'element' && !d.elementInfo.has(key)) {
        d.elementInfo.set(key, {
          ...(type ? { type } : {}),
          ...(value !== undefined ? { value } : {}),
          ...(!t && anonComplex ? { attrs: complexTypeAttrs(anonComplex, tns, attrQualified) } : {}),
        });
      }
    }
  }
  d.resolver = undefined;
}

function parseAll(taxonomy: Taxonomy): Decls {
  const d = declsOf(taxonomy);
  if (d.allParsed) return d;
  for (const doc of taxonomy.documents) if (/\.xsd$/i.test(doc)) parse(d, doc);
  d.allParsed = true;
  return d;
}

/** The default or fixed value the concept's type gives `decimals` or `precision`, if any. */
export function typeAttributeValue(taxonomy: Taxonomy, concept: Concept, name: 'decimals' | 'precision'): string | undefined {
  let t: QName | undefined = concept.type.name;
  if (t.namespace === NS.xbrli || t.namespace === XS) return undefined;
  const d = declsOf(taxonomy);
  const answerKey = `${clark(t)} ${name}`;
  if (d.answers.has(answerKey)) return d.answers.get(answerKey);
  const answer = lookUp(taxonomy, d, concept, t, name);
  d.answers.set(answerKey, answer);
  return answer;
}

function lookUp(taxonomy: Taxonomy, d: Decls, concept: Concept, start: QName, name: 'decimals' | 'precision'): string | undefined {
  let t: QName | undefined = start;
  parse(d, concept.file);
  if (!d.types.has(clark(t))) parseAll(taxonomy);
  for (let depth = 0; t && depth < 50; depth++) {
    if (t.namespace === NS.xbrli || t.namespace === XS) return undefined;
    const info = d.types.get(clark(t));
    if (!info) return undefined;
    const v = info.attrValues.get(name);
    if (v !== undefined) return v;
    t = info.base;
  }
  return undefined;
}

/**
 * Local schema files named by the root element's xsi:schemaLocation in `file` (not part of the DTS, but used
 * for validating custom content, as XML Schema processors and Arelle do).
 */
export function rootSchemaLocations(file: string): string[] {
  let head: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(65536);
      head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return [];
  }
  const text = head.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  const tag = /<[^!?][^>]*>/.exec(text)?.[0] ?? '';
  const m = /\s[\w.-]+:schemaLocation\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag);
  const pairs = (m?.[2] ?? m?.[3] ?? '').trim().split(/\s+/);
  const out: string[] = [];
  // Confined like the DTS load: a location outside the folders it may read is not looked at.
  const resolver = confinedResolver([file], currentLimits().confineTo);
  for (let i = 1; i < pairs.length; i += 2) {
    const loc = pairs[i]!;
    if (/^[a-z][a-z0-9+.-]+:/i.test(loc)) continue;
    const target = resolver.resolve(loc, resolve(file));
    if (target.kind === 'local') out.push(target.path);
  }
  return out;
}

/** The XML Schema built-in behind a global element or attribute declaration; undefined when undeclared or complex. */
export function declaredSimpleType(taxonomy: Taxonomy, kind: 'element' | 'attribute', name: QName, extraSchemas: readonly string[] = []): string | undefined {
  const d = parseAll(taxonomy);
  for (const f of extraSchemas) if (!d.parsed.has(f)) parse(d, f);
  const map = kind === 'element' ? d.elements : d.attributes;
  const key = clark(name);
  if (!map.has(key)) return undefined;
  const type = map.get(key);
  if (!type) return undefined;
  d.resolver ??= new TypeResolver(d.typeDefs);
  const base = d.resolver.resolve(type).baseXsd;
  return base === '' || base === 'anyType' || base === 'anySimpleType' ? undefined : base;
}

/** How segment/scenario content and item values are typed: a global element's simple type, default and attributes. */
export interface ContentDecl {
  /** The XML Schema built-in behind the element's (simple) content; undefined when untyped or element-only. */
  readonly simpleType?: string;
  /** The element's default or fixed value. */
  readonly value?: string;
  /** Declared attributes with their built-in types and default/fixed values, by XmlNode attribute key. */
  readonly attributes: ReadonlyMap<string, { readonly simpleType?: string; readonly value?: string }>;
}

function builtIn(d: Decls, type: QName | undefined): string | undefined {
  if (!type) return undefined;
  d.resolver ??= new TypeResolver(d.typeDefs);
  const base = d.resolver.resolve(type).baseXsd;
  return base === '' || base === 'anyType' || base === 'anySimpleType' ? undefined : base;
}

/** The declaration of a global element (from the DTS and `extraSchemas`), or undefined when there is none. */
export function contentDecl(taxonomy: Taxonomy, name: QName, extraSchemas: readonly string[] = []): ContentDecl | undefined {
  const d = parseAll(taxonomy);
  for (const f of extraSchemas) if (!d.parsed.has(f)) parse(d, f);
  const info = d.elementInfo.get(clark(name));
  if (!info) return undefined;
  const attrs = new Map<string, AttrDecl>(info.attrs ?? []);
  const seen = new Set<string>();
  for (let t = info.type; t && !seen.has(clark(t)) && seen.size < 50; t = d.types.get(clark(t))?.base) {
    seen.add(clark(t));
    for (const [k, v] of d.typeAttrs.get(clark(t)) ?? []) if (!attrs.has(k)) attrs.set(k, v);
  }
  const attributes = new Map<string, { simpleType?: string; value?: string }>();
  for (const [k, a] of attrs) {
    const type = a.ref ? d.attributes.get(k) : a.type;
    const simpleType = builtIn(d, type);
    attributes.set(k, { ...(simpleType ? { simpleType } : {}), ...(a.value !== undefined ? { value: a.value } : {}) });
  }
  const simpleType = builtIn(d, info.type);
  return { ...(simpleType ? { simpleType } : {}), ...(info.value !== undefined ? { value: info.value } : {}), attributes };
}

/** Element and attribute typing for s-equal (support/equality.ts), memoized, from the DTS plus `extraSchemas`. */
export function contentTyping(taxonomy: Taxonomy, extraSchemas: readonly string[] = []): { element(name: QName): ContentDecl | undefined; attribute(key: string): string | undefined } {
  const elements = new Map<string, ContentDecl | undefined>();
  const attributes = new Map<string, string | undefined>();
  return {
    element(name) {
      const k = clark(name);
      if (!elements.has(k)) elements.set(k, contentDecl(taxonomy, name, extraSchemas));
      return elements.get(k);
    },
    attribute(key) {
      if (!attributes.has(key)) attributes.set(key, declaredSimpleType(taxonomy, 'attribute', parseClark(key), extraSchemas));
      return attributes.get(key);
    },
  };
}
