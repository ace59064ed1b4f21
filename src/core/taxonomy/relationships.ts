/**
 * Relationship sets (XBRL 2.1 §3.5.3.9): equivalent arcs, prohibition and override, then lookups.
 *
 * Two arcs are equivalent when they are in the same base set (extended link element name and role, arc
 * element name, arcrole), join the same endpoints (the same concept, or the very same resource) and have
 * s-equal non-exempt attributes (everything except xlink:*, use and priority; order defaults to 1). Attribute
 * values compare as values of their declared XML Schema types (`order="1"` equals `order="1.0"`, a decimal
 * `001.23` equals `1.23`, a boolean `1` equals `true`; undeclared attributes as text). Among equivalents only
 * those of the highest priority count; a prohibiting arc at that priority removes them.
 */
import { clark, type QName } from '../model/qname.js';
import type { RawArc, RawLink, RawResource } from './linkbase.js';
import type { Relationship } from './model.js';
import { canonicalValue } from '../xml/xsdValue.js';

/** The XML Schema built-in type of a global attribute declaration, by Clark key (undefined: undeclared). */
export type AttributeTypes = (clarkKey: string) => string | undefined;

let nanSerial = 0;

export type Endpoint =
  | { readonly kind: 'concept'; readonly key: string; readonly name: QName }
  | { readonly kind: 'resource'; readonly key: string; readonly resource: RawResource };

export interface ArcInstance {
  readonly arc: RawArc;
  readonly link: RawLink;
  readonly from: Endpoint;
  readonly to: Endpoint;
}

function equivalenceKey(i: ArcInstance, baseSets: Map<string, number>, attributeTypes: AttributeTypes): string {
  const { arc, link } = i;
  const bsKey = `${link.element}\u0001${link.role}\u0001${arc.element}\u0001${arc.arcrole}`;
  let bs = baseSets.get(bsKey);
  if (bs === undefined) baseSets.set(bsKey, (bs = baseSets.size));
  let k = `${bs}\u0001${i.from.key}\u0001${i.to.key}\u0001${arc.order}\u0001${arc.weight ?? ''}\u0001${arc.preferredLabel ?? ''}`;
  if (arc.attributes) {
    for (const name of Object.keys(arc.attributes).sort()) {
      const raw = arc.attributes[name] ?? '';
      const type = name.startsWith('{') ? attributeTypes(name) : undefined;
      // NaN equals nothing, so an arc with a NaN attribute is equivalent to no other arc.
      k += `\u0001${name}=${type ? canonicalValue(type, raw) ?? `\u0000NaN${nanSerial++}` : raw}`;
    }
  }
  return k;
}

interface Group {
  max: number;
  prohibitedAtMax: boolean;
  optionalAtMax?: ArcInstance;
  seq: number;
}

/** The arcs that survive prohibition and override, in the order their groups were first seen. */
export function effectiveArcs(instances: Iterable<ArcInstance>, attributeTypes: AttributeTypes = () => undefined): ArcInstance[] {
  const groups = new Map<string, Group>();
  const baseSets = new Map<string, number>();
  let seq = 0;
  for (const i of instances) {
    const key = equivalenceKey(i, baseSets, attributeTypes);
    const p = i.arc.priority;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { max: p, prohibitedAtMax: i.arc.prohibited, optionalAtMax: i.arc.prohibited ? undefined : i, seq: seq++ });
    } else if (p > g.max) {
      g.max = p;
      g.prohibitedAtMax = i.arc.prohibited;
      g.optionalAtMax = i.arc.prohibited ? undefined : i;
    } else if (p === g.max) {
      if (i.arc.prohibited) g.prohibitedAtMax = true;
      else g.optionalAtMax ??= i;
    }
  }
  const out: ArcInstance[] = [];
  for (const g of groups.values()) if (!g.prohibitedAtMax && g.optionalAtMax) out.push(g.optionalAtMax);
  return out;
}

export function toRelationship(i: ArcInstance & { from: { kind: 'concept' }; to: { kind: 'concept' } }): Relationship {
  const { arc, link } = i;
  const r: { -readonly [K in keyof Relationship]: Relationship[K] } = {
    from: i.from.name,
    to: i.to.name,
    arcrole: arc.arcrole,
    linkrole: link.role,
    order: arc.order,
    priority: arc.priority,
    file: link.file,
    line: arc.line,
  };
  if (arc.weight !== undefined) r.weight = arc.weight;
  if (arc.preferredLabel !== undefined) r.preferredLabel = arc.preferredLabel;
  if (arc.attributes) r.attributes = arc.attributes;
  return r;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Relationships by arcrole then link role, sorted by (link role, from, order), document order otherwise. */
export class RelationshipIndex {
  private readonly byArcrole = new Map<string, Map<string, Relationship[]>>();
  private readonly allCache = new Map<string, readonly Relationship[]>();

  constructor(rels: readonly Relationship[]) {
    for (const r of rels) {
      let byRole = this.byArcrole.get(r.arcrole);
      if (!byRole) this.byArcrole.set(r.arcrole, (byRole = new Map()));
      let list = byRole.get(r.linkrole);
      if (!list) byRole.set(r.linkrole, (list = []));
      list.push(r);
    }
    for (const byRole of this.byArcrole.values()) {
      for (const [role, list] of byRole) {
        const keyed = list.map((r, n) => ({ r, n, from: clark(r.from) }));
        keyed.sort((a, b) => cmp(a.from, b.from) || a.r.order - b.r.order || a.n - b.n);
        byRole.set(role, keyed.map((k) => k.r));
      }
    }
  }

  relationships(arcrole: string, linkrole?: string): readonly Relationship[] {
    const byRole = this.byArcrole.get(arcrole);
    if (!byRole) return [];
    if (linkrole !== undefined) return byRole.get(linkrole) ?? [];
    let all = this.allCache.get(arcrole);
    if (!all) {
      all = this.linkroles(arcrole).flatMap((role) => byRole.get(role) ?? []);
      this.allCache.set(arcrole, all);
    }
    return all;
  }

  linkroles(arcrole: string): readonly string[] {
    const byRole = this.byArcrole.get(arcrole);
    return byRole ? [...byRole.keys()].sort(cmp) : [];
  }

  arcroles(): readonly string[] {
    return [...this.byArcrole.keys()].sort(cmp);
  }
}
