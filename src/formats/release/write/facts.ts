import { aspectKey, isNumericValue, type DimensionValue, type Fact } from '../../../core/model/fact.js';
import { NS, clark, type QName } from '../../../core/model/qname.js';
import { periodKey, type Period } from '../../../core/model/period.js';

/** The ISO currency a fact's unit is in (numerator measure in the iso4217 namespace), if any. */
export function factCurrency(f: Fact): string | undefined {
  return f.unit?.numerator.find((m) => m.namespace === NS.iso4217)?.localName;
}

/**
 * The facts a renderer prints, indexed by concept and period (without dimensions or non-dimensional context
 * content, numeric or nil only), in report order, with a count of how often each XBRL duplicate group has been
 * printed (so that two printings of one figure that disagree go to the tables in the order they came).
 */
export class FactIndex {
  private readonly byConcept = new Map<string, Fact[]>();
  private readonly byCell = new Map<string, Fact[]>();
  private readonly uses = new Map<string, number>();
  /** Facts printed at their own decimals somewhere. */
  readonly exact = new Set<Fact>();

  constructor(readonly facts: readonly Fact[]) {
    for (const f of facts) {
      // A parent-only figure (non-dimensional scenario content) is no table's cell.
      if (f.nonDimensional || !(f.value === null || isNumericValue(f.value))) continue;
      push(this.byCell, `${clark(f.concept)}|${periodKey(f.period)}|${dimensionsKey(f.dimensions)}`, f);
      // A segment's figure is a cell only of a column that names the segment (see `at`).
      if (!f.dimensions.size) push(this.byConcept, clark(f.concept), f);
    }
  }

  ofConcept(c: QName): readonly Fact[] {
    return this.byConcept.get(clark(c)) ?? [];
  }

  at(c: QName, p: Period, dimensions: ReadonlyMap<QName, DimensionValue> = NONE): readonly Fact[] {
    return this.byCell.get(`${clark(c)}|${periodKey(p)}|${dimensionsKey(dimensions)}`) ?? [];
  }

  /** How many times this fact's duplicate group was printed so far; counts one more. */
  use(f: Fact): void {
    const k = aspectKey(f);
    this.uses.set(k, (this.uses.get(k) ?? 0) + 1);
  }

  usesOf(f: Fact): number {
    return this.uses.get(aspectKey(f)) ?? 0;
  }

  /** Numeric and nil facts (dimensionless) not yet printed at their own decimals. */
  leftover(): Fact[] {
    return [...this.byConcept.values()].flat().filter((f) => !this.exact.has(f));
  }
}

const NONE: ReadonlyMap<QName, DimensionValue> = new Map();

/** Explicit members (and typed values) as one key, in axis order. */
function dimensionsKey(dims: ReadonlyMap<QName, DimensionValue>): string {
  if (!dims.size) return '';
  return [...dims].map(([d, v]) => `${clark(d)}=${'typed' in v ? `typed:${v.typed}` : clark(v)}`).sort().join(',');
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
