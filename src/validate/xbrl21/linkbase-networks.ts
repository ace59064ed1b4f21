/**
 * Relationship-network rules (XBRL 2.1 §5.1.4.3, §5.2.4.2, §5.2.5.2, §5.2.6.2): cycles where the arcrole
 * forbids them, calculation weights and endpoints, preferred labels, essence-alias endpoints, and XLink arc
 * duplicates. One pass per taxonomy, memoized; each rule picks its own code.
 */
import type { Finding } from '../../core/model/finding.js';
import { clark, formatQName } from '../../core/model/qname.js';
import { ARCROLE, type Taxonomy } from '../../core/taxonomy/model.js';
import type { ArcInstance, RawDts } from '../../core/taxonomy/raw.js';
import { finding, isCoreDocument, LINK, localOf, STANDARD_ARCS, STANDARD_LINKS } from './linkbase-common.js';
import type { Engine } from '../rule.js';
import { rawOf } from './linkbase-common.js';

const cache = new WeakMap<Taxonomy, Finding[]>();

export function networkFindings(t: Taxonomy, raw: RawDts): Finding[] {
  let out = cache.get(t);
  if (!out) cache.set(t, (out = compute(t, raw)));
  return out;
}

/** Arcroles whose networks must not have directed cycles, and the code Arelle gives a violation. */
const STANDARD_CYCLES: ReadonlyMap<string, string> = new Map([
  [ARCROLE.parentChild, 'xbrl.5.2.4.2'],
  [ARCROLE.generalSpecial, 'xbrl.5.2.6.2.1'],
  [ARCROLE.essenceAlias, 'xbrl.5.2.6.2.1'],
]);
const E = 'error' as const;

function cycles(t: Taxonomy, raw: RawDts, out: Finding[]): void {
  const baseSets = new Map<string, ArcInstance[]>();
  for (const i of raw.effective) {
    if (i.from.kind !== 'concept' || i.to.kind !== 'concept') continue;
    if (!STANDARD_LINKS.has(i.link.element) || !STANDARD_ARCS.has(i.arc.element)) continue;
    const key = `${i.arc.arcrole}\u0001${i.link.role}\u0001${i.link.element}\u0001${i.arc.element}`;
    const list = baseSets.get(key);
    if (list) list.push(i);
    else baseSets.set(key, [i]);
  }
  for (const arcs of baseSets.values()) {
    const arcrole = arcs[0]!.arc.arcrole;
    let code = STANDARD_CYCLES.get(arcrole);
    let allowed: 'undirected' | 'none' | 'any' = code ? 'undirected' : 'any';
    if (!code) {
      const at = t.arcroleTypes.get(arcrole);
      if (!at || at.cyclesAllowed === 'any') continue;
      code = 'xbrl.5.1.4.3:cycles';
      allowed = at.cyclesAllowed;
    }
    if (allowed === 'any') continue;
    const hit = allowed === 'none' ? undirectedCycle(arcs) : directedCycle(arcs);
    if (hit) {
      const what = allowed === 'none' ? 'a cycle (arcs in either direction)' : 'a directed cycle';
      out.push(finding(code, E, `Relationships of arcrole ${arcrole} in link role ${arcs[0]!.link.role} form ${what} through ${hit.path}; this arcrole does not allow it.`, hit.arc.link.file, hit.arc.arc.line));
    }
  }
}

function directedCycle(arcs: readonly ArcInstance[]): { arc: ArcInstance; path: string } | undefined {
  const out = new Map<string, ArcInstance[]>();
  for (const a of arcs) {
    const list = out.get(a.from.key);
    if (list) list.push(a);
    else out.set(a.from.key, [a]);
  }
  const state = new Map<string, 1 | 2>();
  const stack: ArcInstance[] = [];
  const visit = (node: string): ArcInstance | undefined => {
    state.set(node, 1);
    for (const a of out.get(node) ?? []) {
      const s = state.get(a.to.key);
      stack.push(a);
      if (s === 1) return a;
      if (s === undefined) {
        const hit = visit(a.to.key);
        if (hit) return hit;
      }
      stack.pop();
    }
    state.set(node, 2);
    return undefined;
  };
  for (const node of out.keys()) {
    if (state.has(node)) continue;
    const hit = visit(node);
    if (hit) {
      const start = stack.findIndex((a) => a.from.key === hit.to.key);
      const path = [...stack.slice(Math.max(0, start)).map((a) => localOf(a.from.key)), localOf(hit.to.key)].join(' → ');
      return { arc: hit, path };
    }
  }
  return undefined;
}

function undirectedCycle(arcs: readonly ArcInstance[]): { arc: ArcInstance; path: string } | undefined {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const a of arcs) {
    const f = find(a.from.key);
    const g = find(a.to.key);
    if (f === g) return { arc: a, path: `${localOf(a.from.key)} — ${localOf(a.to.key)}` };
    parent.set(f, g);
  }
  return undefined;
}

function calculation(t: Taxonomy, out: Finding[]): void {
  for (const r of t.relationships(ARCROLE.summationItem)) {
    if (isCoreDocument(r.file)) continue;
    const from = t.concept(r.from);
    const to = t.concept(r.to);
    if (!from || !to) continue; // placeholder in an unavailable schema
    const names = `${formatQName(r.from)} → ${formatQName(r.to)} (link role ${r.linkrole})`;
    const w = r.weight;
    if (w === 0) out.push(finding('xbrl.5.2.5.2.1:zeroWeight', E, `Calculation arc ${names} has weight 0.`, r.file, r.line));
    if (w !== undefined && from.balance && to.balance) {
      if (from.balance === to.balance && w < 0) {
        out.push(finding('xbrl.5.1.1.2:balanceCalcWeightIllegalNegative', E, `Calculation arc ${names} has negative weight ${w} between two ${from.balance} items; same balances need a positive weight.`, r.file, r.line));
      } else if (from.balance !== to.balance && w > 0) {
        out.push(finding('xbrl.5.1.1.2:balanceCalcWeightIllegalPositive', E, `Calculation arc ${names} has positive weight ${w} between a ${from.balance} total and a ${to.balance} item; opposite balances need a negative weight.`, r.file, r.line));
      }
    }
    const known = (c: typeof from) => !c.type.unresolved || c.type.guessed;
    if (known(from) && known(to) && (!from.type.numeric || !to.type.numeric)) {
      const which = !from.type.numeric ? `${formatQName(r.from)} is not numeric` : `${formatQName(r.to)} is not numeric`;
      out.push(finding('xbrl.5.2.5.2:nonNumericCalc', E, `Calculation arc ${names}: ${which}; summation-item arcs join numeric items only.`, r.file, r.line));
    }
  }
}

function presentation(t: Taxonomy, out: Finding[]): void {
  for (const r of t.relationships(ARCROLE.parentChild)) {
    if (r.preferredLabel === undefined || isCoreDocument(r.file)) continue;
    if (!t.concept(r.to) || !t.concept(r.from)) continue;
    if (t.labels(r.to).some((l) => l.role === r.preferredLabel)) continue;
    out.push(finding('xbrl.5.2.4.2.1:preferredLabelMissing', E, `Presentation arc ${formatQName(r.from)} → ${formatQName(r.to)} asks for preferred label ${r.preferredLabel}, but ${formatQName(r.to)} has no label with that role.`, r.file, r.line));
  }
}

function essenceAlias(t: Taxonomy, out: Finding[]): void {
  for (const r of t.relationships(ARCROLE.essenceAlias)) {
    const from = t.concept(r.from);
    const to = t.concept(r.to);
    if (!from || !to || isCoreDocument(r.file)) continue;
    const names = `${formatQName(r.from)} → ${formatQName(r.to)}`;
    if (clark(from.type.name) !== clark(to.type.name) || from.periodType !== to.periodType) {
      out.push(finding('xbrl.5.2.6.2.2:essenceAliasTypes', E, `Essence-alias arc ${names} joins concepts of different types or period types.`, r.file, r.line));
    }
    if (from.balance && to.balance && from.balance !== to.balance) {
      out.push(finding('xbrl.5.2.6.2.2:essenceAliasBalance', E, `Essence-alias arc ${names} joins a ${from.balance} and a ${to.balance} concept.`, r.file, r.line));
    }
  }
}

/** XLink: no two arcs in one extended link with the same from and to labels; unprohibited label/reference arcs to local resources only. */
function xlink(raw: RawDts, out: Finding[]): void {
  for (const lb of raw.linkbases) {
    if (isCoreDocument(lb.file)) continue;
    for (const link of lb.links) {
      const seen = new Set<string>();
      const locLabels = new Set(link.locators.map((l) => l.label));
      for (const arc of link.arcs) {
        const key = `${arc.from}\u0000${arc.to}`;
        if (seen.has(key)) out.push(finding('xlink:dupArcs', E, `Two arcs in this ${localOf(link.element)} go from ${arc.from} to ${arc.to}; XLink allows one.`, lb.file, arc.line));
        seen.add(key);
        if ((arc.element === LINK('labelArc') || arc.element === LINK('referenceArc')) && !arc.prohibited && locLabels.has(arc.to)) {
          out.push(finding('xbrl.5.2.2.3:labelArcRemoteResource', E, `${localOf(arc.element)} to ${arc.to} points at a remote resource through a locator; only prohibiting arcs may do that.`, lb.file, arc.line));
        }
      }
    }
  }
}

function compute(t: Taxonomy, raw: RawDts): Finding[] {
  const out: Finding[] = [];
  cycles(t, raw, out);
  calculation(t, out);
  presentation(t, out);
  essenceAlias(t, out);
  xlink(raw, out);
  return out;
}

/** The engine behind this module's rules: each rule file names it and gets the findings of its own code. */
export const networkEngine: Engine = {
  name: 'XBRL 2.1: relationship networks',
  run: (ctx) => {
    const r = rawOf(ctx);
    return r ? networkFindings(r.taxonomy, r.raw) : [];
  },
};
