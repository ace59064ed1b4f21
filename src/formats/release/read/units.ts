import { NS, qname, type QName } from '../../../core/model/qname.js';
import { divideUnit, simpleUnit, type Unit } from '../../../core/model/unit.js';
import type { Concept } from '../../../core/taxonomy/model.js';

const PERCENT_TYPE = 'percentItemType';

/** True for ratio concepts printed as percentages (DTR num:percentItemType or a type derived from it). */
export function isPercentConcept(c: Concept): boolean {
  return c.type.name.localName === PERCENT_TYPE || c.type.ancestors.some((a) => a.localName === PERCENT_TYPE);
}

/**
 * The unit a concept's figure takes in a column of the given currency: monetary → the currency, per-share →
 * currency/shares, shares → shares, ratios and counts → pure; custom types from the profile's `typeUnits`
 * (`{currency}/iij:ADS`). Undefined when the type is not numeric.
 */
export function unitFor(concept: Concept, currency: string, typeUnits: Readonly<Record<string, string>>, prefixes: ReadonlyMap<string, string>): Unit | undefined {
  const t = concept.type;
  if (!t.numeric) return undefined;
  const custom = customUnit(concept, typeUnits);
  if (custom) return parseUnitSpec(custom, currency, prefixes);
  const cur = qname(NS.iso4217, currency, 'iso4217');
  if (t.monetary) return simpleUnit(cur);
  if (t.perShare) return divideUnit(cur, qname(NS.xbrli, 'shares', 'xbrli'));
  if (t.shares) return simpleUnit(qname(NS.xbrli, 'shares', 'xbrli'));
  return simpleUnit(qname(NS.xbrli, 'pure', 'xbrli'));
}

interface TypeUnitRule {
  readonly prefix: string | undefined;
  readonly local: string | undefined;
  readonly spec: string;
}

/** Per typeUnits object: its keys split once, and each concept's answer (null: none), asked once per concept. */
const rulesOf = new WeakMap<object, readonly TypeUnitRule[]>();
const answers = new WeakMap<object, WeakMap<Concept, string | null>>();

function customUnit(concept: Concept, typeUnits: Readonly<Record<string, string>>): string | undefined {
  let known = answers.get(typeUnits);
  if (!known) answers.set(typeUnits, (known = new WeakMap()));
  let spec = known.get(concept);
  if (spec === undefined) {
    spec = findCustomUnit(concept, typeUnits) ?? null;
    known.set(concept, spec);
  }
  return spec ?? undefined;
}

function findCustomUnit(concept: Concept, typeUnits: Readonly<Record<string, string>>): string | undefined {
  let rules = rulesOf.get(typeUnits);
  if (!rules) {
    rules = Object.entries(typeUnits).map(([key, spec]) => {
      const [prefix, local] = key.includes(':') ? key.split(':') : [undefined, key];
      return { prefix, local, spec };
    });
    rulesOf.set(typeUnits, rules);
  }
  for (const type of [concept.type.name, ...concept.type.ancestors]) {
    for (const { prefix, local, spec } of rules) {
      if (local === type.localName && (!prefix || !type.prefix || prefix === type.prefix)) return spec;
    }
  }
  return undefined;
}

/** `{currency}/iij:ADS`, `iij:Gbps`, `iso4217:JPY/xbrli:shares` → Unit. */
export function parseUnitSpec(spec: string, currency: string, prefixes: ReadonlyMap<string, string>): Unit {
  const measure = (m: string): QName => {
    if (m === '{currency}') return qname(NS.iso4217, currency, 'iso4217');
    const [prefix, local] = m.split(':') as [string, string];
    const ns = prefixes.get(prefix);
    if (!ns) throw new Error(`unknown prefix in unit "${spec}": ${prefix}`);
    return qname(ns, local, prefix);
  };
  const [num, den] = spec.split('/');
  return den ? divideUnit(measure(num!), measure(den)) : simpleUnit(measure(num!));
}
