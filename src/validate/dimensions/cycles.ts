/**
 * Cycle checks of a dimensional relationship set (XBRL Dimensions 1.0 §2.7 and §2.4.3): from one has-hypercube
 * relationship, follow hypercube-dimension, dimension-domain and domain-member relationships (each in its
 * consecutive link role: the arc's xbrldt:targetRole, else its own link role) and report
 * - a directed cycle among the dimension's domain members (`DRSDirectedCycleError`);
 * - a primary item of the DRS reached as a usable member of one of its dimensions (`PrimaryItemPolymorphismError`).
 */
import { formatQName } from '../../core/model/qname.js';
import { ARCROLE, type Relationship } from '../../core/taxonomy/model.js';
import { isUsable, relKeyFrom, relKeyTo, targetRoleOf, type XdtModel } from '../../core/xbrl/dimensions.js';

interface DimStart {
  readonly hc: string;
  readonly dim: string;
  readonly domELR: string;
  readonly dimDomRels: readonly Relationship[];
}

/** The dimensions of the has-hypercube relationship's hypercube, with their dimension-domain relationships. */
function dimensionsOf(m: XdtModel, hasHc: Relationship): DimStart[] {
  const hc = relKeyTo(hasHc);
  const dimELR = targetRoleOf(hasHc) ?? hasHc.linkrole;
  return m.relsFrom(ARCROLE.hypercubeDimension, dimELR, hc).map((hd) => {
    const domELR = targetRoleOf(hd) ?? dimELR;
    return { hc, dim: relKeyTo(hd), domELR, dimDomRels: m.relsFrom(ARCROLE.dimensionDomain, domELR, relKeyTo(hd)) };
  });
}

/** Link roles the domain's members are in: the domain's link role plus every targetRole on the way. */
function domainTargetRoles(m: XdtModel, fromELR: string, rels: readonly Relationship[], visiting = new Set<string>(), elrs = new Set<string>([fromELR])): Set<string> {
  for (const r of rels) {
    const to = relKeyTo(r);
    if (visiting.has(to)) continue;
    visiting.add(to);
    const tr = targetRoleOf(r);
    if (tr) elrs.add(tr);
    const toELR = tr ?? fromELR;
    domainTargetRoles(m, toELR, m.relsFrom(ARCROLE.domainMember, toELR, to), visiting, elrs);
    visiting.delete(to);
  }
  return elrs;
}

function xdtCycle(m: XdtModel, elrs: ReadonlySet<string>, rels: readonly Relationship[], path: Set<string>, depth = 0): Relationship[] | undefined {
  if (depth > 200) return undefined;
  for (const r of rels) {
    const to = relKeyTo(r);
    if (isUsable(r) && path.has(to)) return [r];
    if (path.has(to)) continue;
    path.add(to);
    for (const elr of elrs) {
      const found = xdtCycle(m, elrs, m.relsFrom(ARCROLE.domainMember, elr, to), path, depth + 1);
      if (found) {
        path.delete(to);
        return [...found, r];
      }
    }
    path.delete(to);
  }
  return undefined;
}

/** The primary items of a DRS: the source and its usable domain-member descendants (consecutive link roles). */
function drsPrimaryItems(m: XdtModel, elr: string, from: string, items = new Set<string>([from]), visited = new Set<string>()): Set<string> {
  const k = `${elr}\u0001${from}`;
  if (visited.has(k)) return items;
  visited.add(k);
  for (const r of m.relsFrom(ARCROLE.domainMember, elr, from)) {
    const to = relKeyTo(r);
    if (isUsable(r)) items.add(to);
    drsPrimaryItems(m, targetRoleOf(r) ?? elr, to, items, visited);
  }
  return items;
}

function polymorphism(m: XdtModel, fromELR: string, rels: readonly Relationship[], priItems: ReadonlySet<string>, visited: Set<string>): Relationship[] | undefined {
  for (const r of rels) {
    const to = relKeyTo(r);
    const toELR = targetRoleOf(r) ?? fromELR;
    if (isUsable(r) && priItems.has(to)) return [r];
    if (visited.has(to)) continue;
    visited.add(to);
    const found = polymorphism(m, toELR, m.relsFrom(ARCROLE.domainMember, toELR, to), priItems, visited);
    visited.delete(to);
    if (found) return [...found, r];
  }
  return undefined;
}

const describe = (path: readonly Relationship[]) => path.map((r) => formatQName(r.to)).reverse().join(' → ');

/** A directed cycle in the domains of the has-hypercube relationship's DRS, described; undefined when none. */
export function drsDirectedCycle(m: XdtModel, hasHc: Relationship): string | undefined {
  for (const d of dimensionsOf(m, hasHc)) {
    const cycle = xdtCycle(m, domainTargetRoles(m, d.domELR, d.dimDomRels), d.dimDomRels, new Set([d.hc, d.dim]));
    if (cycle) return describe(cycle);
  }
  return undefined;
}

/** A primary item of the DRS that is also a usable member of one of its dimensions, described; undefined when none. */
export function drsPolymorphism(m: XdtModel, hasHc: Relationship): string | undefined {
  const priItems = drsPrimaryItems(m, hasHc.linkrole, relKeyFrom(hasHc));
  for (const d of dimensionsOf(m, hasHc)) {
    const found = polymorphism(m, d.domELR, d.dimDomRels, priItems, new Set());
    if (found) return describe(found);
  }
  return undefined;
}
