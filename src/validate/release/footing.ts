import { Decimal } from 'decimal.js';
import type { Fact } from '../../core/model/fact.js';
import { clark, type QName } from '../../core/model/qname.js';
import { ARCROLE } from '../../core/taxonomy/model.js';
import type { RuleContext } from '../rule.js';
import { asPrinted } from './display.js';
import { factIndex, inColumnOf, sharesColumn, sharesTable } from './facts.js';

/** One figure of a column: a printed fact, a dash (nil: zero), or the 100% a "% of total" column adds up to. */
export interface Entry {
  readonly fact?: Fact;
  readonly value: Decimal;
  /** A blank cell (or, in an instance, an item not reported): zero, but not a printed figure. */
  readonly blank?: true;
}

/**
 * A column of figures that foot: the facts of one period and unit, or the "% of total" ratios of one denominator.
 * `concept` is the concept whose summation relationships the column follows (for a ratio, its amount's).
 */
export interface Column {
  readonly concept: QName;
  /** The figure's concept has several facts here (printed differently in two tables): only sums printed in its own column count. */
  readonly duplicated: boolean;
  /**
   * The column's figure for another concept of those relationships; undefined when it is not printed there. An item
   * whose row the table prints with this column's cell left blank counts as zero, as it does when the column is added.
   */
  entry(concept: QName, item: boolean): Entry | undefined;
}

/** One sum the figure takes part in, as its column prints it. */
export interface SumCheck {
  /** The figure is the sum's total (else one of its items). */
  readonly isTotal: boolean;
  readonly total: Entry;
  readonly items: number;
  /** What the items add up to when the figure has this value (it is one of them, or their total). */
  itemsSum(value: Decimal): Decimal;
  /** True when the printed items add up exactly to the printed total, the figure having this value. */
  foots(value: Decimal): boolean;
}

interface Relation {
  readonly total: QName;
  readonly items: readonly { readonly concept: QName; readonly weight: Decimal }[];
}

const relationCache = new WeakMap<object, Map<string, Relation[]>>();

/** The taxonomy's summation-item relationships by concept (as total or item), the same sum in two networks once. */
function relationsOf(ctx: RuleContext, concept: QName): readonly Relation[] {
  const tax = ctx.taxonomy!;
  let byConcept = relationCache.get(tax);
  if (!byConcept) {
    byConcept = new Map();
    const unique = new Map<string, Relation>();
    for (const role of tax.linkroles(ARCROLE.summationItem)) {
      const byTotal = new Map<string, { total: QName; items: { concept: QName; weight: Decimal }[] }>();
      for (const r of tax.relationships(ARCROLE.summationItem, role)) {
        const k = clark(r.from);
        const rel = byTotal.get(k) ?? { total: r.from, items: [] };
        rel.items.push({ concept: r.to, weight: new Decimal(r.weight ?? 1) });
        byTotal.set(k, rel);
      }
      for (const rel of byTotal.values()) {
        const key = `${clark(rel.total)}=${rel.items.map((i) => `${i.weight.toFixed()}*${clark(i.concept)}`).sort().join('+')}`;
        if (!unique.has(key)) unique.set(key, rel);
      }
    }
    for (const rel of unique.values()) {
      for (const c of [rel.total, ...rel.items.map((i) => i.concept)]) {
        const list = byConcept.get(clark(c)) ?? [];
        list.push(rel);
        byConcept.set(clark(c), list);
      }
    }
    relationCache.set(tax, byConcept);
  }
  return byConcept.get(clark(concept)) ?? [];
}

/**
 * The sums a figure takes part in whose every other figure its column prints, each with the same precision
 * (a column of like figures: a millions summary does not foot a thousands statement to the unit).
 */
export function sumsOf(ctx: RuleContext, figure: Fact, column: Column): SumCheck[] {
  const self = clark(column.concept);
  const out: SumCheck[] = [];
  next: for (const rel of relationsOf(ctx, column.concept)) {
    const entries = new Map<string, Entry>();
    for (const c of [rel.total, ...rel.items.map((i) => i.concept)]) {
      if (clark(c) === self) continue;
      const e = column.entry(c, clark(c) !== clark(rel.total));
      if (!e || (e.fact && e.fact.decimals !== figure.decimals)) continue next;
      entries.set(clark(c), e);
    }
    if (column.duplicated && ![...entries.values()].every((e) => !e.fact || sharesColumn(e.fact, figure))) continue;
    const isTotal = clark(rel.total) === self;
    // A total whose every item is blank is not a sum its column prints.
    if (isTotal && rel.items.every((i) => entries.get(clark(i.concept))?.blank)) continue;
    const sumItems = (value: Decimal) => rel.items.reduce((s, i) => s.plus((clark(i.concept) === self ? value : entries.get(clark(i.concept))!.value).times(i.weight)), new Decimal(0));
    const total = isTotal ? { fact: figure, value: figure.value as Decimal } : entries.get(clark(rel.total))!;
    out.push({
      isTotal,
      total,
      items: rel.items.length,
      itemsSum: sumItems,
      foots: (value) => (isTotal ? sumItems(value).equals(value) : sumItems(value).equals(total.value)),
    });
  }
  return out;
}

/** A figure printed in the column, a dash, a blank cell in a row the figure's table prints, or nothing. */
function lookUp(ctx: RuleContext, figure: Fact, concept: QName, item: boolean): Entry | undefined {
  const index = factIndex(ctx);
  const facts = index.every(concept, figure.period, figure.unit);
  if (facts.length) {
    const f = inColumnOf(facts, figure);
    return f ? { fact: f, value: f.value as Decimal } : undefined;
  }
  if (index.isNil(concept, figure.period, figure.unit)) return { value: new Decimal(0) };
  // A blank cell in a printed row: zero. An instance has no tables: a missing item adds nothing, as in XBRL's sums.
  const blank = item && (figure.sources.every((s) => s.table === undefined) || sharesTable(index.ofConcept(concept), figure));
  return blank ? { value: new Decimal(0), blank: true } : undefined;
}

/** The column of amounts a fact is printed in: the same period and unit. */
export function amountColumn(ctx: RuleContext, fact: Fact): Column {
  return {
    concept: fact.concept,
    duplicated: factIndex(ctx).every(fact.concept, fact.period, fact.unit).length > 1,
    entry: (concept, item) => lookUp(ctx, fact, concept, item),
  };
}

/**
 * The column of "% of total" ratios a ratio is printed in: the ratios of the same denominator and period, which add
 * up as their amounts do; the denominator's own ratio is 100% whether printed or not.
 */
export function ratioColumn(ctx: RuleContext, ratio: Fact, base: QName, denominator: QName, ratioOf: (amount: QName, denominator: QName) => QName | undefined): Column {
  return {
    concept: base,
    duplicated: factIndex(ctx).every(ratio.concept, ratio.period, ratio.unit).length > 1,
    entry(concept, item) {
      const r = ratioOf(concept, denominator);
      const e = r ? lookUp(ctx, ratio, r, item) : undefined;
      if (e?.fact || clark(concept) !== clark(denominator)) return e;
      return { value: new Decimal(1) };
    },
  };
}

/** "AssetsCurrent 177,511 (line 418)" or "100%": a sum's total for messages. */
export function entryText(e: Entry, style: Fact): string {
  if (!e.fact) return asPrinted(style, e.value);
  const line = e.fact.sources[0]?.line;
  return `${e.fact.concept.localName} ${asPrinted(e.fact, e.value)}${line ? ` (line ${line})` : ''}`;
}
