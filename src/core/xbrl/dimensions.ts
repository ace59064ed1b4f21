/**
 * XBRL Dimensions 1.0 view of a taxonomy, built once per taxonomy and shared by the xdt rules: what each
 * element is (hypercube, dimension, primary item / domain member), the XDT relationships indexed by source and
 * target, dimension defaults, typed dimensions' domain elements, and the arcs' xbrldt attributes.
 */
import { dirname, resolve } from 'node:path';
import { clark, NS, qname } from '../model/qname.js';
import type { ElementDecl } from '../taxonomy/schema.js';
import { ARCROLE, type Relationship, type Taxonomy } from '../taxonomy/model.js';

export const XBRLDT = (local: string) => `{${NS.xbrldt}}${local}`;
const HYPERCUBE_ITEM = clark(qname(NS.xbrldt, 'hypercubeItem'));
const DIMENSION_ITEM = clark(qname(NS.xbrldt, 'dimensionItem'));
const ITEM = clark(qname(NS.xbrli, 'item'));
const TUPLE = clark(qname(NS.xbrli, 'tuple'));

/** What an element is for XDT. `unknown`: not declared in the DTS (a placeholder in an unavailable schema). */
export type XdtKind = 'hypercube' | 'dimension' | 'item' | 'tuple' | 'other' | 'unknown';

export const XDT_ARCROLES: readonly string[] = [ARCROLE.all, ARCROLE.notAll, ARCROLE.hypercubeDimension, ARCROLE.dimensionDomain, ARCROLE.domainMember, ARCROLE.dimensionDefault];

/** The typed domain of a typed dimension, or why it has none. */
export type TypedDomain =
  | { readonly status: 'ok'; readonly element: ElementDecl }
  | { readonly status: 'noFragment' | 'outOfDts' | 'notGlobal' | 'abstract' };

export const relKeyFrom = (r: Relationship) => clark(r.from);
export const relKeyTo = (r: Relationship) => clark(r.to);

/** xbrldt attribute values of an XDT arc, with the spec's defaults. */
export const contextElementOf = (r: Relationship) => r.attributes?.[XBRLDT('contextElement')];
export const isClosed = (r: Relationship) => ['true', '1'].includes(r.attributes?.[XBRLDT('closed')] ?? 'false');
export const isUsable = (r: Relationship) => ['true', '1'].includes(r.attributes?.[XBRLDT('usable')] ?? 'true');
export const targetRoleOf = (r: Relationship): string | undefined => r.attributes?.[XBRLDT('targetRole')] || undefined;

export class XdtModel {
  private readonly kinds = new Map<string, XdtKind>();
  private readonly from = new Map<string, Map<string, Relationship[]>>();
  private readonly to = new Map<string, Map<string, Relationship[]>>();
  private readonly typed = new Map<string, TypedDomain>();
  /** Dimension → its (first) default member, by Clark name. */
  readonly defaults = new Map<string, string>();
  /** True when the DTS has any XDT relationship or dimension/hypercube declaration. */
  readonly hasXdt: boolean;

  constructor(readonly taxonomy: Taxonomy) {
    let any = false;
    for (const arcrole of XDT_ARCROLES) {
      const byFrom = new Map<string, Relationship[]>();
      const byTo = new Map<string, Relationship[]>();
      for (const lr of taxonomy.linkroles(arcrole)) {
        for (const r of taxonomy.relationships(arcrole, lr)) {
          any = true;
          push(byFrom, `${lr}\u0001${relKeyFrom(r)}`, r);
          push(byTo, relKeyTo(r), r);
        }
      }
      this.from.set(arcrole, byFrom);
      this.to.set(arcrole, byTo);
    }
    for (const lr of taxonomy.linkroles(ARCROLE.dimensionDefault)) {
      for (const r of taxonomy.relationships(ARCROLE.dimensionDefault, lr)) {
        if (!this.defaults.has(relKeyFrom(r))) this.defaults.set(relKeyFrom(r), relKeyTo(r));
      }
    }
    const decls = taxonomy.raw?.declarations;
    if (decls) for (const k of decls.keys()) if (this.kind(k) === 'hypercube' || this.kind(k) === 'dimension') any = true;
    this.hasXdt = any;
  }

  /** Relationships of an arcrole in one link role from an element. */
  relsFrom(arcrole: string, linkrole: string, key: string): readonly Relationship[] {
    return this.from.get(arcrole)?.get(`${linkrole}\u0001${key}`) ?? [];
  }

  /** Relationships of an arcrole (any link role) to an element. */
  relsTo(arcrole: string, key: string): readonly Relationship[] {
    return this.to.get(arcrole)?.get(key) ?? [];
  }

  kind(key: string): XdtKind {
    let k = this.kinds.get(key);
    if (k === undefined) this.kinds.set(key, (k = this.computeKind(key)));
    return k;
  }

  private computeKind(key: string): XdtKind {
    const decls = this.taxonomy.raw?.declarations;
    if (!decls?.has(key)) return 'unknown';
    const seen = new Set<string>();
    let cur: string | undefined = key;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      if (cur === HYPERCUBE_ITEM) return 'hypercube';
      if (cur === DIMENSION_ITEM) return 'dimension';
      if (cur === ITEM) return 'item';
      if (cur === TUPLE) return 'tuple';
      const d: ElementDecl | undefined = decls.get(cur);
      if (!d) return 'unknown'; // a substitution group head in a schema that could not be loaded
      cur = d.substitutionGroup ? clark(d.substitutionGroup) : undefined;
    }
    return 'other';
  }

  /** A primary item or domain member: an item that is neither a hypercube nor a dimension. */
  isDomainMember(key: string): boolean {
    return this.kind(key) === 'item';
  }

  decl(key: string): ElementDecl | undefined {
    return this.taxonomy.raw?.declarations.get(key);
  }

  isTypedDimension(key: string): boolean {
    return this.kind(key) === 'dimension' && this.decl(key)?.typedDomainRef !== undefined;
  }

  /** A typed dimension's domain element (the element its xbrldt:typedDomainRef locates). */
  typedDomain(key: string): TypedDomain | undefined {
    const d = this.decl(key);
    if (d?.typedDomainRef === undefined) return undefined;
    let t = this.typed.get(key);
    if (!t) this.typed.set(key, (t = this.resolveTyped(d, d.typedDomainRef)));
    return t;
  }

  private resolveTyped(d: ElementDecl, ref: string): TypedDomain {
    const hash = ref.indexOf('#');
    const id = hash >= 0 ? decodeURIComponent(ref.slice(hash + 1)) : '';
    if (!id) return { status: 'noFragment' };
    const path = ref.slice(0, hash);
    const raw = this.taxonomy.raw;
    const file = path === '' ? d.file : /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : resolve(dirname(d.file), path);
    const schema = raw?.schemas.find((s) => s.file === file);
    if (!schema) return { status: 'outOfDts' };
    const el = schema.elements.find((e) => e.id === id);
    if (!el) return schema.ids?.has(id) ? { status: 'notGlobal' } : { status: 'outOfDts' };
    if (el.abstract) return { status: 'abstract' };
    return { status: 'ok', element: el };
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

const cache = new WeakMap<Taxonomy, XdtModel>();

export function xdtModel(t: Taxonomy): XdtModel {
  let m = cache.get(t);
  if (!m) cache.set(t, (m = new XdtModel(t)));
  return m;
}
