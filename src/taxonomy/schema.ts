/** Reads one taxonomy schema: global element declarations, named types, role/arcrole types and references. */
import { NS, qname, type QName } from '../model/qname.js';
import type { XmlElement } from '../xml/parse.js';
import { attr, childElements, firstChild, resolveQName, textContent } from '../xml/tree.js';
import type { ArcroleType, Balance, PeriodType, RoleType } from './model.js';
import type { Resolved, Resolver } from './resolver.js';

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
}

export interface TypeDef {
  readonly name: QName;
  /** restriction/extension base, first union member, or the list item type; xs:anyType for content models. */
  readonly base?: QName;
  readonly derivation: 'restriction' | 'extension' | 'list' | 'union' | 'none';
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
        const uri = attr(c, 'roleURI');
        if (uri) doc.roleTypes.push({ uri, definition: definition(c), usedOn: usedOn(c), file });
        break;
      }
      case 'arcroleType': {
        const uri = attr(c, 'arcroleURI');
        const ca = attr(c, 'cyclesAllowed');
        const cyclesAllowed = ca === 'any' || ca === 'undirected' ? ca : 'none';
        if (uri) doc.arcroleTypes.push({ uri, definition: definition(c), cyclesAllowed, usedOn: usedOn(c), file });
        break;
      }
      case 'linkbaseRef': {
        const href = attr(c, 'href', NS.xlink);
        if (href) doc.refs.push({ kind: 'linkbaseRef', target: resolver.resolve(href, file) });
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
  const doc: SchemaDoc = { file, targetNamespace, elements: [], types: [], roleTypes: [], arcroleTypes: [], refs: [], embeddedLinkbases: [] };
  const prefixFor = new Map<string, string>();
  for (const [p, ns] of root.nsScope) if (p && !prefixFor.has(ns)) prefixFor.set(ns, p);
  const tnsPrefix = prefixFor.get(targetNamespace);

  for (const c of root.children) {
    if (typeof c === 'string' || c.name.namespace !== XS) continue;
    switch (c.name.localName) {
      case 'import':
      case 'include': {
        const loc = attr(c, 'schemaLocation');
        if (loc) doc.refs.push({ kind: c.name.localName, target: resolver.resolve(loc, file), namespace: attr(c, 'namespace') });
        break;
      }
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
        if (!t) {
          const anon = firstChild(c, XS, 'complexType') ?? firstChild(c, XS, 'simpleType');
          if (anon) {
            anonymousType = true;
            type = typeBase(anon).base;
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
        });
        break;
      }
      case 'complexType':
      case 'simpleType': {
        const local = attr(c, 'name');
        if (local) doc.types.push({ name: qname(targetNamespace, local, tnsPrefix), ...typeBase(c) });
        break;
      }
    }
  }
  return doc;
}
