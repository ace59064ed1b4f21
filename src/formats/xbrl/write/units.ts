import { KessanError, type Location } from '../../../core/errors.js';
import { NS, clark, type QName } from '../../../core/model/qname.js';
import type { Fact } from '../../../core/model/fact.js';
import { unitKey, type Unit } from '../../../core/model/unit.js';
import { factLocation } from './contexts.js';
import type { PrefixMap } from './namespaces.js';
import { assignUniqueIds, compareStrings, ncnamePart, toNCName, type ReservedIds } from '../../../core/xml/write.js';

/** One XBRL unit: measures sorted by Clark name on each side. */
export interface XbrlUnit {
  readonly id: string;
  readonly key: string;
  readonly numerator: readonly QName[];
  readonly denominator: readonly QName[];
}

const STANDARD_MEASURES = new Set<string>([NS.iso4217, NS.xbrli]);
/** When two units would get the same id, the one of ISO currencies and xbrli measures keeps the plain id. */
const standardFirst = (u: Omit<XbrlUnit, 'id'>) => ([...u.numerator, ...u.denominator].every((m) => STANDARD_MEASURES.has(m.namespace)) ? 0 : 1);
const sortMeasures = (ms: readonly QName[]) => [...ms].sort((a, b) => compareStrings(clark(a), clark(b)));

function checkUnit(u: Unit, where: Location, what: string): void {
  if (u.numerator.length === 0) throw new KessanError('kessan:invalidUnit', `${what}: the unit has no measure`, where);
  const num = new Set(u.numerator.map(clark));
  for (const m of u.denominator) {
    if (num.has(clark(m))) {
      throw new KessanError('kessan:invalidUnit', `${what}: ${clark(m)} is both numerator and denominator of the unit`, where);
    }
  }
}

/** `JPY`, `pure`, `JPY-per-shares`, `USD-times-shares`: local names, before making them unique. */
function unitIdBase(num: readonly QName[], den: readonly QName[]): string {
  const side = (ms: readonly QName[]) => ms.map((m) => ncnamePart(m.localName) || 'measure').join('-times-');
  return toNCName(den.length ? `${side(num)}-per-${side(den)}` : side(num), 'U');
}

/**
 * Each fact's unit, with where it is for a message (what `collectUnits` takes), once per run of facts that share
 * a unit object (a reader gives a unit's facts one object): a million facts made a million of these, and kept them
 * to the end.
 */
export function* unitsOf(facts: readonly Fact[]): Iterable<{ unit: Unit; where: Location; what: string }> {
  let last: Unit | undefined;
  for (const f of facts) {
    if (f.unit === undefined || f.unit === last) continue;
    last = f.unit;
    yield { unit: f.unit, where: factLocation(f), what: `fact ${f.id}` };
  }
}

/**
 * The distinct units among `units` (each with where it came from, for error messages), with readable unique
 * ids avoiding `reserved`, sorted by id; and a map from `unitKey` to unit id.
 */
export function collectUnits(
  units: Iterable<{ unit: Unit; where: Location; what: string }>,
  reserved: ReservedIds,
): { units: XbrlUnit[]; idByKey: Map<string, string> } {
  const byKey = new Map<string, Omit<XbrlUnit, 'id'>>();
  for (const { unit, where, what } of units) {
    const key = unitKey(unit);
    if (byKey.has(key)) continue;
    checkUnit(unit, where, what);
    byKey.set(key, { key, numerator: sortMeasures(unit.numerator), denominator: sortMeasures(unit.denominator) });
  }
  const specs = [...byKey.values()]
    .map((u) => ({ u, base: unitIdBase(u.numerator, u.denominator) }))
    .sort((a, b) => compareStrings(a.base, b.base) || standardFirst(a.u) - standardFirst(b.u) || compareStrings(a.u.key, b.u.key));
  const ids = assignUniqueIds(
    specs.map((s) => s.base),
    reserved,
  );
  const result = specs.map(({ u }, i) => ({ ...u, id: ids[i]! })).sort((a, b) => compareStrings(a.id, b.id));
  return { units: result, idByKey: new Map(result.map((u) => [u.key, u.id])) };
}

export function* unitNames(units: readonly XbrlUnit[]): Iterable<QName> {
  for (const u of units) yield* [...u.numerator, ...u.denominator];
}

/** The `xbrli:unit` elements, indented one level. */
export function renderUnits(units: readonly XbrlUnit[], names: PrefixMap, indent: string): string[] {
  const out: string[] = [];
  const measures = (ms: readonly QName[], level: number) => ms.map((m) => `${indent.repeat(level)}<xbrli:measure>${names.name(m)}</xbrli:measure>`);
  for (const u of units) {
    out.push(`${indent}<xbrli:unit id="${u.id}">`);
    if (u.denominator.length === 0) out.push(...measures(u.numerator, 2));
    else {
      const [i2, i3] = [indent.repeat(2), indent.repeat(3)];
      out.push(`${i2}<xbrli:divide>`, `${i3}<xbrli:unitNumerator>`, ...measures(u.numerator, 4), `${i3}</xbrli:unitNumerator>`);
      out.push(`${i3}<xbrli:unitDenominator>`, ...measures(u.denominator, 4), `${i3}</xbrli:unitDenominator>`, `${i2}</xbrli:divide>`);
    }
    out.push(`${indent}</xbrli:unit>`);
  }
  return out;
}
