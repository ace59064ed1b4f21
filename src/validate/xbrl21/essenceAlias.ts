/**
 * Instance-level essence-alias consistency (XBRL 2.1 §5.2.6.2.2), as Arelle binds it: for each essence-alias
 * relationship, every non-nil fact of the essence concept and every non-nil fact of the alias concept with the
 * same parent (p-equal) and c-equal contexts form a pair; each pair must be u-equal and v-equal.
 */
import { clark } from '../../core/model/qname.js';
import type { FactInfo, InstanceDocument } from '../../core/xbrl/infoset.js';
import { ARCROLE, type Relationship, type Taxonomy } from '../../core/taxonomy/model.js';
import { canonicalValue } from '../../core/xml/xsdValue.js';
import { cEqualKeys, pEqualKey, uEqualKey } from '../../core/xbrl/equality.js';
import { isNil } from './instance-helpers.js';
import { contentTyping, rootSchemaLocations } from '../../core/xbrl/schema-types.js';

export interface EssenceAliasPair {
  readonly rel: Relationship;
  readonly essence: FactInfo;
  readonly alias: FactInfo;
  readonly linkrole: string;
}

const cache = new WeakMap<InstanceDocument, WeakMap<Taxonomy, EssenceAliasPair[]>>();

/** Every bound essence/alias fact pair, in relationship then document order (computed once per instance and DTS). */
export function essenceAliasPairs(inst: InstanceDocument, t: Taxonomy): EssenceAliasPair[] {
  let byTaxonomy = cache.get(inst);
  if (!byTaxonomy) cache.set(inst, (byTaxonomy = new WeakMap()));
  let pairs = byTaxonomy.get(t);
  if (!pairs) byTaxonomy.set(t, (pairs = computePairs(inst, t)));
  return pairs;
}

function computePairs(inst: InstanceDocument, t: Taxonomy): EssenceAliasPair[] {
  const rels = t.relationships(ARCROLE.essenceAlias);
  if (rels.length === 0) return [];
  const involved = new Set<string>();
  for (const r of rels) involved.add(clark(r.from)).add(clark(r.to));
  const contextKeys = cEqualKeys(inst.contexts, contentTyping(t, rootSchemaLocations(inst.file)));
  // concept → binding key (parent + context) → facts
  const facts = new Map<string, Map<string, FactInfo[]>>();
  for (const f of inst.facts) {
    if (f.kind !== 'item' || isNil(f) || f.contextRef === undefined) continue;
    const c = clark(f.element);
    const ck = contextKeys.get(f.contextRef);
    if (!involved.has(c) || ck === undefined) continue;
    let byKey = facts.get(c);
    if (!byKey) facts.set(c, (byKey = new Map()));
    const k = `${pEqualKey(f)}\u0001${ck}`;
    const list = byKey.get(k);
    if (list) list.push(f);
    else byKey.set(k, [f]);
  }
  const out: EssenceAliasPair[] = [];
  for (const rel of rels) {
    const essence = facts.get(clark(rel.from));
    const alias = facts.get(clark(rel.to));
    if (!essence || !alias) continue;
    for (const [k, es] of essence) {
      for (const e of es) for (const a of alias.get(k) ?? []) out.push({ rel, essence: e, alias: a, linkrole: rel.linkrole });
    }
  }
  return out;
}

/** u-equal units of two facts (both without a unit count as equal; an unknown unitRef as its id). */
export function unitsEqual(inst: InstanceDocument, a: FactInfo, b: FactInfo): boolean {
  const key = (f: FactInfo) => {
    if (f.unitRef === undefined) return '';
    const u = inst.units.get(f.unitRef);
    return u ? uEqualKey(u) : `#${f.unitRef}`;
  };
  return key(a) === key(b);
}

/** v-equal values (§4.10): equal as values of the concepts' XML Schema type (100 and 100.0 as decimals are). */
export function valuesEqual(t: Taxonomy, a: FactInfo, b: FactInfo): boolean {
  if (a.hasChildElements || b.hasChildElements) return false;
  const value = (f: FactInfo) => canonicalValue(t.concept(f.element)?.type.baseXsd || undefined, f.valueRaw ?? '');
  const va = value(a);
  return va !== undefined && va === value(b);
}
