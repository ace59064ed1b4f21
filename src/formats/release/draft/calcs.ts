/**
 * Calculations a draft proposes: a row is the total of the rows just before it (of its type and period type, each
 * row a part of one total at most) when their figures add up to its figures in every column — as printed (a
 * "Less …" row subtracts), or the first less the others (gross margin = net sales − cost of sales). Then each
 * summation is checked on every context the release prints its total in, in every table: one that does not hold
 * within the rounding of the printed figures (Calculations 1.1) somewhere is dropped, so the draft never declares
 * a calculation the release contradicts.
 */
import { Decimal } from 'decimal.js';
import type { SpecCalculation } from '../spec/model.js';
import type { DraftConcept, PlacedRow, PlacedTable } from './concepts.js';
import { figureValue } from './tables.js';

export interface DraftCalculation {
  readonly total: DraftConcept;
  readonly items: readonly { concept: DraftConcept; weight: 1 | -1 }[];
}

const sign = (p: PlacedRow) => (p.show === 'negated' ? -1 : 1);

/** The printed value of a row in a column (scale applied, sign as printed), or undefined. */
function printedValue(p: PlacedRow, t: PlacedTable, k: number): { value: Decimal; decimals: number } | undefined {
  const f = p.row.figures[k];
  if (!f || !p.kind) return undefined;
  const v = figureValue(f, p.kind.type, p.row.scales);
  return v ?? { value: new Decimal(0), decimals: 99 };
}

/** The columns a total is checked in: amount columns with a period whose figures are the rows' own. */
function amountColumns(t: PlacedTable): number[] {
  return t.table.columns.flatMap((c, k) => {
    const use = t.uses[k];
    return c.spec.kind === 'amount' && c.spec.period && !(use && typeof use === 'object' && 'variant' in use) ? [k] : [];
  });
}

function foots(t: PlacedTable, cols: readonly number[], items: readonly PlacedRow[], weights: readonly number[], total: PlacedRow): boolean {
  let checked = 0;
  for (const k of cols) {
    // A total printed as a dash is zero: its parts must add up to nothing there too.
    const tv = printedValue(total, t, k);
    if (!tv) continue;
    let sum = new Decimal(0);
    let tolerance = new Decimal(10).pow(-tv.decimals).div(2);
    let any = false;
    items.forEach((it, i) => {
      const v = printedValue(it, t, k);
      if (!v) return;
      any = true;
      sum = sum.plus(v.value.times(weights[i]!));
      if (v.decimals < 99) tolerance = tolerance.plus(new Decimal(10).pow(-v.decimals).div(2));
    });
    if (!any || sum.minus(tv.value).abs().greaterThan(tolerance)) return false;
    checked++;
  }
  return checked > 0;
}

/** The summations each table's figures show. */
export function findCalculations(t: PlacedTable): DraftCalculation[] {
  const cols = amountColumns(t);
  const open = new Map<string, PlacedRow[]>();
  const out: DraftCalculation[] = [];
  const totals = new Set<DraftConcept>();
  for (const p of t.rows) {
    if (!p.kind || p.show === 'periodStart' || p.show === 'periodEnd' || p.kind.type === 'percent') continue;
    const cls = `${p.kind.type}|${p.kind.period}`;
    const list = open.get(cls) ?? [];
    open.set(cls, list);
    let found: { k: number; weights: number[] } | undefined;
    if (!totals.has(p.concept)) {
      for (let k = list.length; k >= 2 && !found; k--) {
        const items = list.slice(-k);
        if (items.some((i) => i.concept === p.concept) || new Set(items.map((i) => i.concept)).size < items.length) continue;
        // A total under a heading sums rows under that heading.
        const heading = p.row.ancestors[0];
        if (heading && items.some((i) => !i.row.ancestors.includes(heading))) continue;
        // "Less …" printed as a positive figure is subtracted; printed in parentheses it is already negative.
        const printed = items.map((i) => (/^less\b/i.test(i.row.text) && i.show !== 'negated' ? -1 : 1));
        const difference = items.map((_, i) => (i === 0 ? 1 : -1));
        for (const w of [printed, difference]) if (!found && foots(t, cols, items, w, p)) found = { k, weights: w };
      }
    }
    if (found) {
      const items = list.splice(list.length - found.k, found.k);
      out.push({ total: p.concept, items: items.map((i, n) => ({ concept: i.concept, weight: (sign(p) * found.weights[n]! * sign(i)) as 1 | -1 })) });
      totals.add(p.concept);
    }
    list.push(p);
  }
  return out;
}

/** Whether a summation holds, within rounding, in every context its total and an item are printed in. */
export function holdsEverywhere(c: DraftCalculation): boolean {
  for (const [ctx, totals] of c.total.values) {
    for (const tv of totals) {
      if (tv.value === null) continue;
      let sum = new Decimal(0);
      let tolerance = new Decimal(10).pow(-tv.decimals).div(2);
      let any = false;
      for (const { concept, weight } of c.items) {
        const vs = (concept.values.get(ctx) ?? []).filter((v) => v.value !== null);
        const best = vs.sort((a, b) => b.decimals - a.decimals)[0];
        if (!best) continue;
        any = true;
        sum = sum.plus(best.value!.times(weight));
        tolerance = tolerance.plus(new Decimal(10).pow(-best.decimals).div(2));
      }
      if (any && sum.minus(tv.value).abs().greaterThan(tolerance)) return false;
    }
  }
  return true;
}

export function toSpecCalculation(c: DraftCalculation): SpecCalculation {
  return { total: c.total.name, items: c.items.map((i) => ({ concept: i.concept.name, weight: i.weight })) };
}
