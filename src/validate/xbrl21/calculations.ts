/**
 * The XBRL 2.1 summation-item calculation check (§5.2.5.2), as Arelle does it by default: per calculation
 * network, per total concept, facts bind when p-equal (same parent), c-equal and u-equal. Each contributing
 * fact is rounded to its inferred decimals (§4.6.6, round half even), the weighted sum is rounded to the
 * total's decimals and compared with the total rounded the same way; a fact with neither decimals nor
 * precision (written or defaulted by its type) is taken as is. Contexts are c-equal when their segments and
 * scenarios are s-equal as XML Schema values. Nil facts do not take part, but a nil total still makes a non-nil
 * one of the same binding a duplicate; a binding where the total or any contributing concept has duplicate
 * facts is skipped. An empty item whose element declares a default value has that value.
 */
import { Decimal } from 'decimal.js';
import type { Finding } from '../../core/model/finding.js';
import { clark, formatQName } from '../../core/model/qname.js';
import type { Fact } from '../../core/model/fact.js';
import type { FactInfo, InstanceDocument } from '../../core/xbrl/infoset.js';
import { ARCROLE, type Concept, type Taxonomy } from '../../core/taxonomy/model.js';
import { cEqualKeys, pEqualKey, uEqualKey } from '../../core/xbrl/equality.js';
import { contentDecl, contentTyping, rootSchemaLocations, typeAttributeValue } from '../../core/xbrl/schema-types.js';

/** A fact's accuracy attributes: as written, or the default or fixed value of its concept's type. */
export interface Accuracy {
  readonly decimalsRaw?: string;
  readonly precisionRaw?: string;
}

interface Bound {
  readonly info: FactInfo;
  readonly fact: Fact;
  /** Null for nil facts. */
  readonly value: Decimal | null;
  readonly accuracy: Accuracy;
}

/** Decimals inferred from @decimals or @precision (§4.6.6): a number, Infinity, or NaN (unknown / precision 0). */
export function inferredDecimals(value: Decimal, info: Accuracy): number {
  const d = info.decimalsRaw?.trim();
  const p = info.precisionRaw?.trim();
  if (d === 'INF' || p === 'INF') return Infinity;
  if (p !== undefined) {
    const pn = Number(p);
    if (!Number.isInteger(pn) || pn === 0) return NaN;
    if (value.isZero()) return Infinity;
    return pn - Math.floor(Math.log10(value.abs().toNumber())) - 1;
  }
  if (d !== undefined && /^[+-]?\d+$/.test(d)) return Number(d);
  return NaN;
}

/** Rounds half-even to `decimals` places (negative: tens, hundreds...). NaN decimals give NaN. */
export function roundTo(v: Decimal, decimals: number): Decimal {
  if (Number.isNaN(decimals)) return new Decimal(NaN);
  if (!Number.isFinite(decimals)) return v;
  if (decimals >= 0) return v.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN);
  const scale = new Decimal(10).pow(-decimals);
  return v.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).mul(scale);
}

/** The value rounded to its inferred decimals; unrounded when the fact has neither decimals nor precision (as Arelle). */
export function roundFact(value: Decimal, acc: Accuracy): Decimal {
  if (!acc.decimalsRaw?.trim() && !acc.precisionRaw?.trim()) return value;
  return roundTo(value, inferredDecimals(value, acc));
}

export function accuracyOf(t: Taxonomy, info: FactInfo, concept: Concept): Accuracy {
  const d = info.decimalsRaw || typeAttributeValue(t, concept, 'decimals');
  const p = info.precisionRaw || typeAttributeValue(t, concept, 'precision');
  return { ...(d !== undefined ? { decimalsRaw: d } : {}), ...(p !== undefined ? { precisionRaw: p } : {}) };
}

/** The numeric value of a non-nil item: as read, or its element's default when written empty; undefined if not a number. */
export function numericValue(t: Taxonomy, info: FactInfo, fact: Fact, extraSchemas: readonly string[] = []): Decimal | undefined {
  if (fact.value instanceof Decimal) return fact.value;
  if (fact.value !== '' || info.hasChildElements) return undefined;
  const dflt = contentDecl(t, info.element, extraSchemas)?.value?.trim();
  return dflt !== undefined && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(dflt) ? new Decimal(dflt) : undefined;
}

export function calcInconsistencies(inst: InstanceDocument, facts: readonly Fact[], t: Taxonomy, code: string): Finding[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const infoById = new Map(inst.facts.map((f) => [f.factId, f]));
  // Items bind at every ancestor (tuples up to the root); totals only at their own parent (as Arelle does).
  const itemGroups = new Map<string, Bound[]>(); // concept|ancestor|context|unit
  const sumGroups = new Map<string, Bound[]>(); // concept|parent|context|unit
  const itemKeysOf = new Map<string, Set<string>>();
  const sumKeysOf = new Map<string, Set<string>>();
  const push = <V>(m: Map<string, V[]>, k: string, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const addKey = (m: Map<string, Set<string>>, concept: string, k: string) => {
    let set = m.get(concept);
    if (!set) m.set(concept, (set = new Set()));
    set.add(k);
  };
  const extraSchemas = rootSchemaLocations(inst.file);
  const contextKeys = cEqualKeys(inst.contexts, contentTyping(t, extraSchemas));
  for (const info of inst.facts) {
    if (info.kind !== 'item' || !info.contextRef || !info.unitRef) continue;
    const fact = byId.get(info.factId);
    const ctxKey = contextKeys.get(info.contextRef);
    const unit = inst.units.get(info.unitRef);
    if (!fact || ctxKey === undefined || !unit) continue;
    const concept = t.concept(info.element);
    if (!concept?.type.numeric) continue;
    const value = fact.value === null ? null : numericValue(t, info, fact, extraSchemas);
    if (value === undefined) continue;
    const c = clark(info.element);
    const cu = `${ctxKey}\u0001${uEqualKey(unit)}`;
    const b: Bound = { info, fact, value, accuracy: accuracyOf(t, info, concept) };
    const parentKey = `${pEqualKey(info)}\u0001${cu}`;
    push(sumGroups, `${c}\u0001${parentKey}`, b);
    addKey(sumKeysOf, c, parentKey);
    const seen = new Set<string>();
    for (let anc: string | undefined = info.parent; ; anc = anc === undefined ? undefined : infoById.get(anc)?.parent) {
      const a = anc ?? '';
      if (seen.has(a)) break;
      seen.add(a);
      const k = `${a}\u0001${cu}`;
      push(itemGroups, `${c}\u0001${k}`, b);
      addKey(itemKeysOf, c, k);
      if (anc === undefined) break;
    }
  }
  // Non-nil facts with a non-nil duplicate (same concept, parent, context, unit) do not take part.
  const duplicated = new Set<FactInfo>();
  for (const list of sumGroups.values()) {
    const nonNil = list.filter((b) => b.value !== null);
    if (nonNil.length > 1) for (const b of nonNil) duplicated.add(b.info);
  }

  const out: Finding[] = [];
  for (const linkrole of t.linkroles(ARCROLE.summationItem)) {
    const byTotal = new Map<string, { to: string; weight: number }[]>();
    for (const r of t.relationships(ARCROLE.summationItem, linkrole)) push(byTotal, clark(r.from), { to: clark(r.to), weight: r.weight ?? 1 });
    for (const [total, items] of byTotal) {
      const itemKeys = new Set<string>();
      for (const it of items) for (const k of itemKeysOf.get(it.to) ?? []) itemKeys.add(k);
      for (const bindKey of sumKeysOf.get(total) ?? []) {
        if (!itemKeys.has(bindKey)) continue;
        const totals = sumGroups.get(`${total}\u0001${bindKey}`) ?? [];
        if (totals.length !== 1 || totals[0]!.value === null) continue; // a duplicated (even by a nil) or nil total is not checked
        let sum = new Decimal(0);
        let bound = 0;
        let blocked = false;
        for (const it of items) {
          for (const f of itemGroups.get(`${it.to}\u0001${bindKey}`) ?? []) {
            if (f.value === null) continue;
            if (duplicated.has(f.info)) {
              blocked = true;
              continue;
            }
            sum = sum.plus(roundFact(f.value, f.accuracy).mul(it.weight));
            bound++;
          }
        }
        if (blocked || bound === 0) continue;
        const tot = totals[0]!;
        const totValue = tot.value!;
        const rounded = !!(tot.accuracy.decimalsRaw?.trim() || tot.accuracy.precisionRaw?.trim());
        const d = inferredDecimals(totValue, tot.accuracy);
        const reported = rounded ? roundTo(totValue, d) : totValue;
        const computed = rounded ? roundTo(sum, d) : sum;
        if (!reported.isNaN() && !computed.isNaN() && reported.eq(computed)) continue;
        out.push({
          code,
          severity: 'inconsistency',
          message: `Calculation inconsistent for ${formatQName(tot.info.element)} in link role ${linkrole}: reported ${reported.toFixed()} but its items add up to ${computed.toFixed()} (context ${tot.info.contextRef}, unit ${tot.info.unitRef}).`,
          file: inst.file,
          line: tot.info.line,
          column: tot.info.column,
          factIds: [tot.info.factId],
        });
      }
    }
  }
  return out;
}
