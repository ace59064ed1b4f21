/**
 * Dimensional validity of a fact (XBRL Dimensions 1.0 §3.1.4): the fact's primary item has hypercubes through
 * its has-hypercube relationships and those it inherits from domain-member ancestors (§2.4.3), grouped by the
 * link role of the has-hypercube relationship. The fact is valid when, in at least one of those link roles,
 * every `all` hypercube accepts its context and no `notAll` hypercube does. A primary item without hypercubes
 * is valid whatever its context.
 *
 * A hypercube accepts the context element (segment or scenario) its relationship names when each of its
 * dimensions has a value there (or a default), each explicit value is a usable member of the dimension's
 * domain, and, when the hypercube is closed, the element holds nothing else.
 */
import { ARCROLE, type Relationship } from '../../core/taxonomy/model.js';
import { clark } from '../../core/model/qname.js';
import type { ContextDims } from './context.js';
import { contextElementOf, isClosed, isUsable, relKeyFrom, relKeyTo, targetRoleOf, type XdtModel } from '../../core/xbrl/dimensions.js';

/** The verdict, and whether it rests on something the DTS could not load (an element or relationship missing). */
export interface DrsVerdict {
  readonly valid: boolean;
  /** True when the verdict involved undeclared elements or a missing dimension without a default. */
  readonly uncertain: boolean;
}

const elrHcCache = new WeakMap<XdtModel, Map<string, Map<string, Relationship[]>>>();

/** Has-hypercube relationships of a primary item (own and inherited), by the link role they are in. */
export function primaryItemHypercubes(m: XdtModel, priItem: string): ReadonlyMap<string, readonly Relationship[]> {
  let c = elrHcCache.get(m);
  if (!c) elrHcCache.set(m, (c = new Map()));
  let r = c.get(priItem);
  if (!r) {
    r = new Map();
    collect(m, priItem, undefined, r, new Set());
    c.set(priItem, r);
  }
  return r;
}

function collect(m: XdtModel, priItem: string, elr: string | undefined, out: Map<string, Relationship[]>, seen: Set<string>): void {
  const key = `${elr ?? ''}\u0001${priItem}`;
  if (seen.has(key)) return;
  seen.add(key);
  for (const arcrole of [ARCROLE.all, ARCROLE.notAll]) {
    const lrs = elr === undefined ? m.taxonomy.linkroles(arcrole) : [elr];
    for (const lr of lrs) {
      for (const r of m.relsFrom(arcrole, lr, priItem)) {
        const list = out.get(r.linkrole);
        if (list) list.push(r);
        else out.set(r.linkrole, [r]);
      }
    }
  }
  for (const dm of m.relsTo(ARCROLE.domainMember, priItem)) {
    const toELR = targetRoleOf(dm) ?? dm.linkrole;
    if (elr === undefined || elr === toELR) collect(m, relKeyFrom(dm), dm.linkrole, out, seen);
  }
}

/**
 * Whether a fact of `priItem` with these context dimensions is dimensionally valid. With `incomplete` (part of
 * the DTS could not be loaded), an invalid verdict is `uncertain` when what is missing could change it: an
 * undeclared element, a dimension without a default, a member not found in the domain (but not one the
 * taxonomy itself makes unusable).
 */
export function factDrsVerdict(m: XdtModel, priItem: string, dims: ContextDims, incomplete = false): DrsVerdict {
  const byElr = primaryItemHypercubes(m, priItem);
  if (byElr.size === 0) return { valid: true, uncertain: false };
  let uncertain = false;
  for (const hcRels of byElr.values()) {
    const v = elrValid(m, hcRels, dims, incomplete);
    if (v.uncertain) uncertain = true;
    if (v.valid) return { valid: true, uncertain: false };
  }
  return { valid: false, uncertain };
}

function elrValid(m: XdtModel, hcRels: readonly Relationship[], dims: ContextDims, incomplete: boolean): DrsVerdict {
  let valid = true;
  let uncertain = false;
  for (const hasHc of hcRels) {
    const hc = relKeyTo(hasHc);
    if (m.kind(hc) === 'unknown') uncertain = true;
    const ce = contextElementOf(hasHc) === 'scenario' ? 'scenario' : 'segment';
    const values = dims.byContainer[ce];
    const unmatched = new Set(values.keys());
    let hcValid = true;
    if (isClosed(hasHc) && dims.nonDimensional[ce] > 0) hcValid = false;
    else {
      const dimELR = targetRoleOf(hasHc) ?? hasHc.linkrole;
      for (const hd of m.relsFrom(ARCROLE.hypercubeDimension, dimELR, hc)) {
        const dim = relKeyTo(hd);
        const kind = m.kind(dim);
        if (kind === 'unknown') uncertain = true;
        if (kind !== 'dimension' && kind !== 'unknown') continue;
        const domELR = targetRoleOf(hd) ?? dimELR;
        const given = values.get(dim);
        let member: string | undefined;
        if (given) {
          unmatched.delete(dim);
          member = given.member ? clark(given.member) : undefined;
        } else {
          member = m.defaults.get(dim);
          if (member === undefined) {
            if (kind === 'unknown' || incomplete) uncertain = true;
            hcValid = false;
            continue;
          }
        }
        if (m.isTypedDimension(dim)) continue;
        const domain = domainMembers(m, dim, domELR);
        if (member === undefined || !domain.usable.has(member)) {
          if (member === undefined || m.kind(member) === 'unknown' || (incomplete && !domain.unusable.has(member))) uncertain = true;
          hcValid = false;
        }
      }
    }
    if (isClosed(hasHc) && unmatched.size > 0) hcValid = false;
    if (hasHc.arcrole === ARCROLE.notAll) hcValid = !hcValid;
    if (!hcValid) valid = false;
  }
  return { valid, uncertain };
}

interface Domain {
  /** Usable members (a member made unusable anywhere in the domain is not usable). */
  readonly usable: ReadonlySet<string>;
  readonly unusable: ReadonlySet<string>;
}
const usableCache = new WeakMap<XdtModel, Map<string, Domain>>();

/** The members of a dimension's domain in a link role, usable and not. */
export function domainMembers(m: XdtModel, dim: string, domELR: string): Domain {
  let c = usableCache.get(m);
  if (!c) usableCache.set(m, (c = new Map()));
  const key = `${domELR}\u0001${dim}`;
  let s = c.get(key);
  if (!s) {
    const usable = new Set<string>();
    const unusable = new Set<string>();
    walk(m, m.relsFrom(ARCROLE.dimensionDomain, domELR, dim), domELR, usable, unusable, new Map());
    for (const u of unusable) usable.delete(u);
    c.set(key, (s = { usable, unusable }));
  }
  return s;
}

function walk(m: XdtModel, rels: readonly Relationship[], elr: string, usable: Set<string>, unusable: Set<string>, visiting: Map<string, Set<string>>): void {
  for (const r of rels) {
    const to = relKeyTo(r);
    (isUsable(r) ? usable : unusable).add(to);
    const toELR = targetRoleOf(r) ?? elr;
    let elrs = visiting.get(to);
    if (!elrs) visiting.set(to, (elrs = new Set()));
    if (elrs.has(toELR)) continue;
    elrs.add(toELR);
    walk(m, m.relsFrom(ARCROLE.domainMember, toELR, to), toELR, usable, unusable, visiting);
    elrs.delete(toELR);
  }
}
