/** Reads one taxonomy schema: global element declarations, named types, role/arcrole types and references. */
import { NS, qname, type QName } from '../model/qname.js';
import type { XmlElement } from '../xml/parse.js';
import { attr, childElements, firstChild, resolveQName, textContent, xmlBaseChain } from '../xml/tree.js';
import type { ArcroleType, Balance, PeriodType, RoleType } from './model.js';
import type { Resolved, Resolver } from './resolver.js';
import type { RawSimpleLink } from './linkbase.js';

export const XS = NS.xsd;

export interface ElementDecl {
  readonly name: QName;
  readonly id?: string;
  readonly substitutionGroup?: QName;
  /** The `type` attribute, or for an anonymous type the base it restricts/extends (xs:anyType for content models). */
  readonly type?: QName;
  readonly anonymousType: boolean;
  readonly periodType?: PeriodType;
  readonly balance?: Balance;
  readonly abstract: boolean;
  readonly nillable: boolean;
  readonly file: string;
  readonly line: number;
  /** xbrli:periodType / xbrli:balance as written, even when not a valid value (for validation). */
  readonly periodTypeRaw?: string;
  readonly balanceRaw?: string;
  /** The anonymous complex type's content model, when the declaration has one. */
  readonly content?: ComplexContent;
  /** xbrldt:typedDomainRef as written (XBRL Dimensions typed dimensions), if present. */
  readonly typedDomainRef?: string;
}

/** What a complex type says about its content (for tuple and item content rules). */
export interface ComplexContent {
  readonly mixed: boolean;
  readonly simpleContent: boolean;
  readonly complexContent: boolean;
  /** Element particles: `ref` for references, `name` for local declarations. */
  readonly elements: readonly { readonly ref?: QName; readonly name?: string; readonly line: number }[];
  /** Attribute declarations and references. */
  readonly attributes: readonly { readonly ref?: QName; readonly name?: string; readonly line: number }[];
}

/** A roleType or arcroleType as written (raw attributes), for validation. */
export interface RoleTypeDecl {
  readonly kind: 'roleType' | 'arcroleType';
  readonly uri?: string;
  readonly id?: string;
  readonly cyclesAllowed?: string;
  readonly definition?: string;
  readonly usedOn: readonly { readonly text: string; readonly name?: QName }[];
  /** False when not a child of xs:appinfo. */
  readonly inAppinfo: boolean;
  readonly line: number;
}

/** A simple link in a schema's appinfo (linkbaseRef), as written: a linkbase's simple link without role/arcrole URIs. */
export type SchemaSimpleLink = Omit<RawSimpleLink, 'roleURI' | 'arcroleURI'>;

export interface TypeDef {
  readonly name: QName;
  /** restriction/extension base, first union member, or the list item type; xs:anyType for content models. */
  readonly base?: QName;
  readonly derivation: 'restriction' | 'extension' | 'list' | 'union' | 'none';
  /** Complex types: the content model (optional data for validation). */
  readonly content?: ComplexContent;
}

export interface SchemaRef {
  readonly kind: 'import' | 'include' | 'linkbaseRef';
  readonly target: Resolved;
  /** xs:import's namespace attribute. */
  readonly namespace?: string;
}

export interface SchemaDoc {
  readonly file: string;
  readonly targetNamespace: string;
  readonly elements: ElementDecl[];
  readonly types: TypeDef[];
  readonly roleTypes: RoleType[];
  readonly arcroleTypes: ArcroleType[];
  readonly refs: SchemaRef[];
  /** `link:linkbase` elements embedded in xs:annotation/xs:appinfo. */
  readonly embeddedLinkbases: XmlElement[];
  /** Optional data for validation: whether targetNamespace was written, raw role/arcrole type declarations,
   * appinfo simple links, xs:redefine lines, and every `@id` in the document with its element (Clark). */
  readonly hasTargetNamespace?: boolean;
  readonly rootLine?: number;
  readonly roleTypeDecls?: RoleTypeDecl[];
  readonly simpleLinks?: SchemaSimpleLink[];
  readonly redefines?: number[];
  readonly ids?: Map<string, { readonly element: string; readonly line: number }>;
  /** Global attribute declarations and their types (to compare arc attributes as values: §3.5.3.9). */
  attributes?: { readonly name: QName; readonly type?: QName }[];
}

const ANY_TYPE = qname(XS, 'anyType', 'xs');
const bool = (v: string | undefined) => v !== undefined && (v.trim() === 'true' || v.trim() === '1');

/** The base of an anonymous or named type definition element (xs:complexType / xs:simpleType). */
export function typeBase(t: XmlElement): Pick<TypeDef, 'base' | 'derivation'> {
  const isComplex = t.name.localName === 'complexType';
  let holder: XmlElement | undefined = t;
  if (isComplex) {
    holder = firstChild(t, XS, 'simpleContent') ?? firstChild(t, XS, 'complexContent');
    if (!holder) return { base: ANY_TYPE, derivation: 'none' };
  }
  for (const c of childElements(holder, XS)) {
    const kind = c.name.localName;
    if (kind === 'restriction' || kind === 'extension') {
      const b = attr(c, 'base');
      const base = b ? resolveQName(c, b) : undefined;
      if (base) return { base, derivation: kind };
      const inner = firstChild(c, XS, 'simpleType');
      return inner ? typeBase(inner) : { derivation: kind };
    }
    if (kind === 'list') {
      const it = attr(c, 'itemType');
      return { base: it ? resolveQName(c, it) : undefined, derivation: 'list' };
    }
    if (kind === 'union') {
      const first = (attr(c, 'memberTypes') ?? '').trim().split(/\s+/)[0];
      return { base: first ? resolveQName(c, first) : undefined, derivation: 'union' };
    }
  }
  return { derivation: 'none' };
}

/** The content model of an xs:complexType (element and attribute particles, not descending into nested declarations). */
export function complexContent(t: XmlElement): ComplexContent {
  const elements: { ref?: QName; name?: string; line: number }[] = [];
  const attributes: { ref?: QName; name?: string; line: number }[] = [];
  const walk = (el: XmlElement) => {
    for (const c of childElements(el, XS)) {
      const kind = c.name.localName;
      if (kind === 'element' || kind === 'attribute') {
        const ref = attr(c, 'ref');
        const name = attr(c, 'name');
        const entry = { ...(ref ? { ref: resolveQName(c, ref) } : {}), ...(name ? { name } : {}), line: c.line };
        (kind === 'element' ? elements : attributes).push(entry);
      } else if (kind !== 'annotation') walk(c);
    }
  };
  walk(t);
  const cc = firstChild(t, XS, 'complexContent');
  return {
    mixed: bool(attr(t, 'mixed')) || (cc !== undefined && bool(attr(cc, 'mixed'))),
    simpleContent: firstChild(t, XS, 'simpleContent') !== undefined,
    complexContent: cc !== undefined,
    elements,
    attributes,
  };
}

function collectIds(el: XmlElement, into: Map<string, { element: string; line: number }>): void {
  const id = attr(el, 'id');
  if (id !== undefined && !into.has(id)) into.set(id, { element: `{${el.name.namespace}}${el.name.localName}`, line: el.line });
  for (const c of el.children) if (typeof c !== 'string') collectIds(c, into);
}

function roleTypeDecl(c: XmlElement, kind: 'roleType' | 'arcroleType', inAppinfo: boolean): RoleTypeDecl {
  return {
    kind,
    uri: attr(c, kind === 'roleType' ? 'roleURI' : 'arcroleURI'),
    id: attr(c, 'id'),
    cyclesAllowed: attr(c, 'cyclesAllowed'),
    definition: definition(c),
    usedOn: childElements(c, NS.link, 'usedOn').map((u) => ({ text: textContent(u).trim(), name: resolveQName(u, textContent(u)) })),
    inAppinfo,
    line: c.line,
  };
}

function usedOn(el: XmlElement): QName[] {
  const out: QName[] = [];
  for (const u of childElements(el, NS.link, 'usedOn')) {
    const q = resolveQName(u, textContent(u));
    if (q) out.push(q);
  }
  return out;
}

function definition(el: XmlElement): string | undefined {
  const d = firstChild(el, NS.link, 'definition');
  return d ? textContent(d).trim() : undefined;
}

function readAppinfo(appinfo: XmlElement, file: string, resolver: Resolver, doc: Omit<SchemaDoc, 'file' | 'targetNamespace'>): void {
  for (const c of childElements(appinfo, NS.link)) {
    switch (c.name.localName) {
      case 'roleType': {
        doc.roleTypeDecls?.push(roleTypeDecl(c, 'roleType', true));
        const uri = attr(c, 'roleURI');
        if (uri) doc.roleTypes.push({ uri, line: c.line, definition: definition(c), usedOn: usedOn(c), file });
        break;
      }
      case 'arcroleType': {
        doc.roleTypeDecls?.push(roleTypeDecl(c, 'arcroleType', true));
        const uri = attr(c, 'arcroleURI');
        const ca = attr(c, 'cyclesAllowed');
        const cyclesAllowed = ca === 'any' || ca === 'undirected' ? ca : 'none';
        if (uri) doc.arcroleTypes.push({ uri, line: c.line, definition: definition(c), cyclesAllowed, usedOn: usedOn(c), file });
        break;
      }
      case 'linkbaseRef': {
        const href = attr(c, 'href', NS.xlink);
        const target = href !== undefined ? resolver.resolve(href, file, xmlBaseChain(c)) : undefined;
        doc.simpleLinks?.push({
          element: `{${NS.link}}linkbaseRef`,
          ...(href !== undefined ? { href, target } : {}),
          role: attr(c, 'role', NS.xlink),
          arcrole: attr(c, 'arcrole', NS.xlink),
          type: attr(c, 'type', NS.xlink),
          line: c.line,
        });
        if (href && target) doc.refs.push({ kind: 'linkbaseRef', target });
        break;
      }
      case 'linkbase':
        doc.embeddedLinkbases.push(c);
        break;
    }
  }
}

export function readSchema(root: XmlElement, file: string, resolver: Resolver): SchemaDoc {
  const targetNamespace = attr(root, 'targetNamespace') ?? '';
  const ids = new Map<string, { element: string; line: number }>();
  collectIds(root, ids);
  const doc: SchemaDoc = {
    file, targetNamespace, elements: [], types: [], roleTypes: [], arcroleTypes: [], refs: [], embeddedLinkbases: [],
    hasTargetNamespace: attr(root, 'targetNamespace') !== undefined, rootLine: root.line, roleTypeDecls: [], simpleLinks: [], redefines: [], ids,
  };
  const prefixFor = new Map<string, string>();
  for (const [p, ns] of root.nsScope) if (p && !prefixFor.has(ns)) prefixFor.set(ns, p);
  const tnsPrefix = prefixFor.get(targetNamespace);

  for (const c of root.children) {
    if (typeof c === 'string' || c.name.namespace !== XS) continue;
    switch (c.name.localName) {
      case 'import':
      case 'include': {
        const loc = attr(c, 'schemaLocation');
        if (loc) doc.refs.push({ kind: c.name.localName, target: resolver.resolve(loc, file, xmlBaseChain(c)), namespace: attr(c, 'namespace') });
        break;
      }
      case 'redefine':
        doc.redefines?.push(c.line);
        break;
      case 'annotation':
        for (const ai of childElements(c, XS, 'appinfo')) readAppinfo(ai, file, resolver, doc);
        break;
      case 'element': {
        const local = attr(c, 'name');
        if (!local) break;
        const sg = attr(c, 'substitutionGroup');
        const t = attr(c, 'type');
        let type = t ? resolveQName(c, t) : undefined;
        let anonymousType = false;
        let content: ComplexContent | undefined;
        if (!t) {
          const anon = firstChild(c, XS, 'complexType') ?? firstChild(c, XS, 'simpleType');
          if (anon) {
            anonymousType = true;
            type = typeBase(anon).base;
            if (anon.name.localName === 'complexType') content = complexContent(anon);
          }
        }
        const pt = attr(c, 'periodType', NS.xbrli);
        const bal = attr(c, 'balance', NS.xbrli);
        doc.elements.push({
          name: qname(targetNamespace, local, tnsPrefix),
          id: attr(c, 'id'),
          substitutionGroup: sg ? resolveQName(c, sg) : undefined,
          type,
          anonymousType,
          periodType: pt === 'instant' || pt === 'duration' ? pt : undefined,
          balance: bal === 'debit' || bal === 'credit' ? bal : undefined,
          abstract: bool(attr(c, 'abstract')),
          nillable: bool(attr(c, 'nillable')),
          file,
          line: c.line,
          ...(pt !== undefined ? { periodTypeRaw: pt } : {}),
          ...(bal !== undefined ? { balanceRaw: bal } : {}),
          ...(content ? { content } : {}),
          ...(attr(c, 'typedDomainRef', NS.xbrldt) !== undefined ? { typedDomainRef: attr(c, 'typedDomainRef', NS.xbrldt) } : {}),
        });
        break;
      }
      case 'attribute': {
        const local = attr(c, 'name');
        const t = attr(c, 'type');
        const anon = firstChild(c, XS, 'simpleType');
        const type = t ? resolveQName(c, t) : anon ? typeBase(anon).base : undefined;
        if (local) (doc.attributes ??= []).push({ name: qname(targetNamespace, local), ...(type ? { type } : {}) });
        break;
      }
      case 'complexType':
      case 'simpleType': {
        const local = attr(c, 'name');
        if (local) doc.types.push({ name: qname(targetNamespace, local, tnsPrefix), ...typeBase(c), ...(c.name.localName === 'complexType' ? { content: complexContent(c) } : {}) });
        break;
      }
    }
  }
  return doc;
}
