import type { Fact, Source } from '../../core/model/fact.js';
import { aspectKey } from '../../core/model/fact.js';
import { clark, type QName } from '../../core/model/qname.js';
import { periodKey, type Period } from '../../core/model/period.js';
import { unitKey, type Unit } from '../../core/model/unit.js';
import type { RuleContext } from '../rule.js';
import { formatPeriod } from '../../core/model/period.js';

/** kessan's ratio arcroles: their presence marks a taxonomy the release cross-checks apply to. */
export const RELEASE_ARCROLE = {
  percentOfTotal: 'http://kessan.dev/taxonomy/arcrole/percent-of-total',
  ratioDenominator: 'http://kessan.dev/taxonomy/arcrole/ratio-denominator',
  changePriorYear: 'http://kessan.dev/taxonomy/arcrole/percent-change-prior-year',
  changePriorQuarter: 'http://kessan.dev/taxonomy/arcrole/percent-change-prior-quarter',
} as const;

/** Numeric, non-nil facts by concept + period + unit (dimensionless only), each key holding one fact or several. */
export class FactIndex {
  private readonly byKey = new Map<string, Fact[]>();
  private readonly byConceptPeriod = new Map<string, Fact[]>();
  private readonly byConcept = new Map<string, Fact[]>();
  private readonly nils = new Set<string>();

  constructor(facts: readonly Fact[]) {
    for (const f of facts) {
      if (f.value === null && !f.dimensions.size) this.nils.add(FactIndex.key(f.concept, f.period, f.unit));
      if (f.value === null || typeof f.value === 'string' || f.dimensions.size) continue;
      push(this.byKey, FactIndex.key(f.concept, f.period, f.unit), f);
      push(this.byConceptPeriod, FactIndex.key(f.concept, f.period, undefined), f);
      push(this.byConcept, clark(f.concept), f);
    }
  }

  /** Every fact of a concept. */
  ofConcept(concept: QName): readonly Fact[] {
    return this.byConcept.get(clark(concept)) ?? [];
  }

  /** Every fact of a concept for a period, whatever its unit. */
  of(concept: QName, period: Period): readonly Fact[] {
    return this.byConceptPeriod.get(FactIndex.key(concept, period, undefined)) ?? [];
  }

  static key(concept: QName, period: Period, unit: Unit | undefined): string {
    return `${clark(concept)}|${periodKey(period)}|${unit ? unitKey(unit) : ''}`;
  }

  /** The fact for these aspects, when there is exactly one (duplicates are the duplicates rule's business). */
  one(concept: QName, period: Period, unit: Unit | undefined): Fact | undefined {
    const list = this.byKey.get(FactIndex.key(concept, period, unit));
    return list?.length === 1 ? list[0] : undefined;
  }

  /** Every fact for these aspects (several when printed differently in two places). */
  every(concept: QName, period: Period, unit: Unit | undefined): readonly Fact[] {
    return this.byKey.get(FactIndex.key(concept, period, unit)) ?? [];
  }

  /** True when the release prints a dash (nil) for these aspects: zero in a sum. */
  isNil(concept: QName, period: Period, unit: Unit | undefined): boolean {
    return this.nils.has(FactIndex.key(concept, period, unit));
  }

  all(): Iterable<Fact> {
    return [...this.byKey.values()].flat();
  }
}

function push(map: Map<string, Fact[]>, k: string, f: Fact): void {
  const list = map.get(k);
  if (list) list.push(f);
  else map.set(k, [f]);
}

/**
 * Of several printings of one figure, the most precise (a thousands statement's rather than a millions summary's):
 * what a derived figure beside it was computed from. Undefined when none, or when two equally precise ones differ.
 */
export function mostPrecise(facts: readonly Fact[]): Fact | undefined {
  const rank = (f: Fact) => (f.decimals === undefined || f.decimals === 'INF' ? Infinity : f.decimals);
  const best = Math.max(...facts.map(rank));
  const top = facts.filter((f) => rank(f) === best);
  return top.length === 1 ? top[0] : undefined;
}

const columnKeys = (f: Fact) => f.sources.map((s) => `${s.table ?? ''}\u0000${s.header ?? ''}`);

/** True when two facts are printed in one table column (a figure printed in two tables is in both columns). */
export function sharesColumn(a: Fact, b: Fact): boolean {
  const keys = new Set(columnKeys(b));
  return columnKeys(a).some((k) => keys.has(k));
}

/** True when a fact is printed in a table a fact of this list is printed in too (in any column). */
export function sharesTable(facts: readonly Fact[], near: Fact): boolean {
  const tables = new Set(near.sources.map((s) => s.table).filter((t) => t !== undefined));
  return facts.some((f) => f.sources.some((s) => s.table !== undefined && tables.has(s.table)));
}

/**
 * Of several facts for one figure (printed differently in two tables), the one printed in the same table column as
 * `near`: a column foots with its own printings. Undefined when that does not single one out.
 */
export function inColumnOf(facts: readonly Fact[], near: Fact): Fact | undefined {
  if (facts.length <= 1) return facts[0];
  const same = facts.filter((f) => sharesColumn(f, near));
  return same.length === 1 ? same[0] : undefined;
}

export function isMeasure(f: Fact, local: string): boolean {
  const u = f.unit;
  return !!u && u.numerator.length === 1 && !u.denominator.length && u.numerator[0]!.localName === local;
}

const indexes = new WeakMap<readonly Fact[], FactIndex>();

export function factIndex(ctx: RuleContext): FactIndex {
  let i = indexes.get(ctx.report.facts);
  if (!i) {
    i = new FactIndex(ctx.report.facts);
    indexes.set(ctx.report.facts, i);
  }
  return i;
}

/** True when the taxonomy carries kessan's release arcroles (the cross-checks are on by default then). */
export function isReleaseTaxonomy(ctx: RuleContext): boolean {
  return !!ctx.taxonomy && ctx.taxonomy.relationships(RELEASE_ARCROLE.percentOfTotal).length > 0;
}

/** "line 377 (CONSOLIDATED STATEMENTS…, Total revenues / Sept 30, 2004 / JPY)" for a fact's first printing. */
export function printedAt(f: Fact): string {
  const s: Source | undefined = f.sources[0];
  if (!s) return 'an unknown place';
  const where = s.table ? ` (${s.table}: ${s.row ?? ''}${s.header ? `, ${s.header}` : ''})` : '';
  return `line ${s.line}${where}`;
}

export function printed(f: Fact): string {
  return f.sources[0]?.printed ?? (f.value === null ? 'nil' : String(f.value));
}

export function describe(f: Fact): string {
  return `${f.concept.localName} for ${formatPeriod(f.period)}${f.unit ? ` in ${f.unit.numerator.map((m) => m.localName).join('*')}${f.unit.denominator.length ? `/${f.unit.denominator.map((m) => m.localName).join('*')}` : ''}` : ''}`;
}

export function location(f: Fact): { file?: string; line?: number; column?: number; factIds: string[] } {
  const s = f.sources[0];
  return { ...(s ? { file: s.file, line: s.line } : {}), ...(s?.column ? { column: s.column } : {}), factIds: [f.id] };
}

export { aspectKey };

