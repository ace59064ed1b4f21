/**
 * The Calculations 1.1 check (round-to-nearest `c11r`, truncation `c11t`), as Arelle does it. Per
 * summation-item network (the 2003 arcrole and the 1.1 arcrole `https://xbrl.org/2023/arcrole/summation-item`),
 * per total concept, top-level facts bind when their contexts are c-equal and their units u-equal (facts in
 * tuples take no part). Each concept's facts in a binding (duplicates included) give one interval: the
 * intersection of their value intervals (support/c11-interval.ts). A fact with more digits than its decimals
 * allow stops the check for its binding (`calc11e:excessDigits`); duplicates whose intervals do not meet, or a
 * nil fact among non-nil duplicates, stop it too (`oime:disallowedDuplicateFacts`, in truncation mode
 * `calc11e:disallowedDuplicateFactsUsingTruncation`). The weighted sum of the items' intervals must meet the
 * total's interval (`calc11e:inconsistentCalculationUsingRounding` / `…UsingTruncation`). Relationship errors:
 * `calc11e:duplicateCalculationRelationships`, `calc11e:nonDecimalItemNode`.
 *
 * Two of Arelle's choices are kept so that verdicts match: facts with the same decimals but different values
 * are judged by the first one's interval only, and a negative weight swaps an interval's ends but not their
 * open/closed flags.
 */
import type { Decimal } from 'decimal.js';
import type { Finding } from '../../core/model/finding.js';
import { formatUnit } from '../../core/model/unit.js';
import { formatPeriod } from '../../core/model/period.js';
import { clark, formatQName } from '../../core/model/qname.js';
import { ARCROLE, type Concept, type Relationship } from '../../core/taxonomy/model.js';
import type { Engine, RuleContext } from '../rule.js';
import { disjoint, Exact, formatInterval, hasExcessDigits, valueInterval, type Interval } from '../../core/xbrl/intervals.js';
import { contextIdOf, factEntries, placeOf, unitIdOf, type FactEntry } from '../duplicates/facts.js';

export const SUMMATION_ITEM_11 = 'https://xbrl.org/2023/arcrole/summation-item';

type SetResult = { kind: 'nil' } | { kind: 'inconsistent' } | { kind: 'ok'; interval: Interval };

const NON_DECIMAL = new Set(['float', 'double', 'fraction']);

function where(ctx: RuleContext, facts: readonly FactEntry[]): Pick<Finding, 'file' | 'line' | 'column' | 'factIds'> {
  return { ...(facts[0] ? placeOf(ctx, facts[0]) : {}), factIds: facts.map((e) => e.fact.id) };
}

const contexts = (fs: readonly FactEntry[]) => [...new Set(fs.map((f) => contextIdOf(f) ?? formatPeriod(f.fact.period)))].sort().join(', ');
/**
 * A concept's facts by binding (context and unit numbers), in binding order: `keys` ascending, and `at[i]` the
 * facts of binding `keys[i]`: the fact itself when it is the only one, as almost every fact is (a million
 * one-element arrays would be ~60 MB), an array in document order when there are more. Sorted arrays rather
 * than a Map per concept: a million facts' Maps outgrow the CPU's caches (their lookups then cost ~20× what
 * they do at 100k facts), and matching a total's bindings with its items' becomes a merge of sorted lists.
 */
interface Binds {
  readonly keys: Float64Array;
  readonly at: readonly (FactEntry | FactEntry[])[];
}

/** The Binds of facts `es` with binding keys `ks` (document order; a stable sort keeps duplicates in it). */
function bindsOf(ks: readonly number[], es: readonly FactEntry[]): Binds {
  const order = new Uint32Array(ks.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => ks[a]! - ks[b]! || a - b);
  const keys: number[] = [];
  const at: (FactEntry | FactEntry[])[] = [];
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const last = keys.length - 1;
    if (last >= 0 && keys[last] === ks[i]) {
      const b = at[last]!;
      if (Array.isArray(b)) b.push(es[i]!);
      else at[last] = [b, es[i]!];
    } else {
      keys.push(ks[i]!);
      at.push(es[i]!);
    }
  }
  return { keys: Float64Array.from(keys), at };
}

/** The facts at position `i` of `binds`, as a list. */
function factsAt(binds: Binds, i: number): readonly FactEntry[] {
  const b = binds.at[i]!;
  return Array.isArray(b) ? b : [b];
}

/** For each of `total`'s keys, its position among `item`'s keys, or −1: one merge of the two sorted lists. */
function matchKeys(total: Float64Array, item: Float64Array): Int32Array {
  const out = new Int32Array(total.length).fill(-1);
  for (let i = 0, j = 0; i < total.length && j < item.length; ) {
    if (total[i]! < item[j]!) i++;
    else if (total[i]! > item[j]!) j++;
    else out[i++] = j++;
  }
  return out;
}

const values = (fs: readonly FactEntry[]) => fs.map((f) => (f.nil ? '(nil)' : (f.value?.toFixed() ?? String(f.fact.value)).slice(0, 64))).join(', ');

class Checker {
  readonly out: Finding[] = [];
  private readonly reported = new Set<string>();
  /** Each concept's facts in a binding are judged once, however many networks use them. */
  private readonly sets = new Map<readonly FactEntry[], SetResult>();
  constructor(private readonly ctx: RuleContext, private readonly truncate: boolean) {}

  private report(f: Finding): void {
    const key = `${f.code}|${(f.factIds ?? []).join(',')}|${f.message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.out.push(f);
  }

  /** One concept's facts in one binding → their common interval, or why there is none. */
  factSet(facts: readonly FactEntry[]): SetResult {
    if (facts.length === 1) return this.judge(facts); // a lone fact's list is made anew each time: nothing to find again
    let r = this.sets.get(facts);
    if (!r) this.sets.set(facts, (r = this.judge(facts)));
    return r;
  }

  private judge(facts: readonly FactEntry[]): SetResult {
    if (facts.length === 1) {
      // The usual case, without the bookkeeping duplicates need.
      const f = facts[0]!;
      if (f.nil) return { kind: 'nil' };
      if (!hasExcessDigits(f.value!, f.decimals)) return { kind: 'ok', interval: valueInterval(f.value!, f.decimals, this.truncate) };
    }
    if (facts.some((f) => f.nil)) {
      if (facts.every((f) => f.nil)) return { kind: 'nil' };
      this.duplicates(facts);
      return { kind: 'inconsistent' };
    }
    const excess: FactEntry[] = [];
    const seen = new Map<number, Decimal>();
    let lo: Decimal | undefined;
    let hi: Decimal | undefined;
    let loIncl = false;
    let hiIncl = false;
    for (const f of facts) {
      const v = f.value!;
      if (hasExcessDigits(v, f.decimals)) {
        excess.push(f);
        continue;
      }
      if (seen.has(f.decimals)) continue; // Arelle: a same-decimals duplicate does not narrow the interval
      seen.set(f.decimals, v);
      const i = valueInterval(v, f.decimals, this.truncate);
      if (lo === undefined || i.lo.gte(lo)) {
        lo = i.lo;
        loIncl ||= i.loIncl;
      }
      if (hi === undefined || i.hi.lte(hi)) {
        hi = i.hi;
        hiIncl ||= i.hiIncl;
      }
    }
    if (excess.length) {
      this.report({
        code: 'calc11e:excessDigits', severity: 'inconsistency',
        message: `Calculations check stopped for excess digits in fact values ${formatQName(excess[0]!.fact.concept)}: ${values(excess)}, ${contexts(excess)}.`,
        ...where(this.ctx, facts),
      });
      return { kind: 'inconsistent' };
    }
    if (lo === undefined || hi === undefined || (lo.eq(hi) && !(loIncl && hiIncl)) || lo.gt(hi)) {
      this.duplicates(facts);
      return { kind: 'inconsistent' };
    }
    return { kind: 'ok', interval: { lo, hi, loIncl, hiIncl } };
  }

  private duplicates(facts: readonly FactEntry[]): void {
    this.report({
      code: this.truncate ? 'calc11e:disallowedDuplicateFactsUsingTruncation' : 'oime:disallowedDuplicateFacts', severity: 'inconsistency',
      message: `Calculations check stopped for duplicate fact values ${formatQName(facts[0]!.fact.concept)}: ${values(facts)}, ${contexts(facts)}.`,
      ...where(this.ctx, facts),
    });
  }

  network(rels: readonly Relationship[], linkrole: string, byConcept: ReadonlyMap<Concept, Binds>): void {
    const t = this.ctx.taxonomy!;
    const byTotal = new Map<string, Relationship[]>();
    for (const r of rels) {
      const k = clark(r.from);
      const list = byTotal.get(k);
      if (list) list.push(r);
      else byTotal.set(k, [r]);
    }
    const factsOf = (q: Relationship['from']) => {
      const c = t.concept(q);
      return c ? byConcept.get(c) : undefined;
    };
    for (const items of byTotal.values()) {
      const totals = factsOf(items[0]!.from);
      const seenItems = new Map<string, Relationship>();
      // Per item: its facts, and where each of the total's bindings is among them.
      const itemBinds: (Binds | undefined)[] = [];
      const matches: (Int32Array | undefined)[] = [];
      for (const r of items) {
        const item = clark(r.to);
        const binds = factsOf(r.to);
        itemBinds.push(binds);
        matches.push(totals && binds ? matchKeys(totals.keys, binds.keys) : undefined);
        const earlier = seenItems.get(item);
        if (earlier) {
          this.report({
            code: 'calc11e:duplicateCalculationRelationships', severity: 'error',
            message: `Duplicate summation-item relationships from total concept ${formatQName(r.from)} to contributing concept ${formatQName(r.to)} in link role ${linkrole}.`,
            file: r.file, ...(r.line ? { line: r.line } : {}),
          });
        }
        seenItems.set(item, r);
        // Only concepts whose type is known (a taxonomy that could not be loaded says nothing either way).
        const known = (c: typeof r.from) => !!t.concept(c)?.type.baseXsd;
        const decimal = (c: typeof r.from) => {
          const type = t.concept(c)!.type;
          return type.numeric && !NON_DECIMAL.has(type.baseXsd);
        };
        if (known(r.from) && known(r.to) && (!decimal(r.from) || !decimal(r.to))) {
          this.report({
            code: 'calc11e:nonDecimalItemNode', severity: 'error',
            message: `The source and target of a Calculations 1.1 relationship must both be decimal concepts: ${formatQName(r.from)}, ${formatQName(r.to)}, link role ${linkrole}.`,
            file: r.file, ...(r.line ? { line: r.line } : {}),
          });
        }
      }
      if (!totals) continue;
      // Each binding of the total that some item has facts in: item j's facts there, as bindings hold them.
      let i = 0;
      const itemAt = (j: number): FactEntry | FactEntry[] | undefined => {
        const at = matches[j]?.[i] ?? -1;
        return at < 0 ? undefined : itemBinds[j]!.at[at];
      };
      for (; i < totals.keys.length; i++) {
        let bound = false;
        for (let j = 0; j < items.length && !bound; j++) bound = (matches[j]?.[i] ?? -1) >= 0;
        if (bound) this.binding(items, factsAt(totals, i), itemAt, linkrole);
      }
    }
  }

  /** One binding of a total and its items: the weighted sum of the items' intervals must meet the total's. */
  private binding(items: readonly Relationship[], totals: readonly FactEntry[], itemAt: (j: number) => FactEntry | FactEntry[] | undefined, linkrole: string): void {
    if (!totals.length) return;
    if (!this.truncate && consistentInIntegers(totals, items, itemAt)) return;
    let sum: Interval | undefined;
    const allItems: FactEntry[] = [];
    let blocked = false;
    for (let j = 0; j < items.length; j++) {
      const r = items[j]!;
      const b = itemAt(j);
      if (b === undefined) continue;
      const fs = Array.isArray(b) ? b : [b];
      const res = this.factSet(fs);
      if (res.kind === 'inconsistent') blocked = true;
      if (res.kind !== 'ok') continue;
      const weight = r.weight ?? 1;
      let { lo, hi } = res.interval;
      if (weight === -1) (lo = lo.neg()), (hi = hi.neg());
      else if (weight !== 1) {
        const w = new Exact(weight);
        (lo = lo.mul(w)), (hi = hi.mul(w));
      }
      if (hi.lt(lo)) [lo, hi] = [hi, lo];
      sum = sum ? { lo: sum.lo.plus(lo), hi: sum.hi.plus(hi), loIncl: sum.loIncl && res.interval.loIncl, hiIncl: sum.hiIncl && res.interval.hiIncl } : { lo, hi, loIncl: res.interval.loIncl, hiIncl: res.interval.hiIncl };
      allItems.push(...fs);
    }
    const res = this.factSet(totals);
    if (res.kind !== 'ok' || blocked || !sum) return;
    if (!disjoint(res.interval, sum)) return;
    const tot = totals[0]!;
    this.report({
      code: `calc11e:inconsistentCalculationUsing${this.truncate ? 'Truncation' : 'Rounding'}`, severity: 'inconsistency',
      message: `Calculation inconsistent from ${formatQName(tot.fact.concept)} in link role ${linkrole}: reported sum ${formatInterval(res.interval)}, computed sum ${formatInterval(sum)}, context ${contextIdOf(tot) ?? formatPeriod(tot.fact.period)}, unit ${unitIdOf(tot) ?? (tot.fact.unit ? formatUnit(tot.fact.unit) : '?')}.`,
      ...where(this.ctx, [...totals, ...allItems]),
    });
  }
}

/**
 * The usual binding, decided in plain integers: one fact per concept, none nil, finite decimals, no excess
 * digits, weights ±1, and every value and half-step a safe integer in units of 10^−K. True when the binding is
 * certainly consistent (round-to-nearest); false when it is not, or when this cannot tell (then the exact
 * decimal check runs, and reports whatever there is to report).
 */
function consistentInIntegers(totals: readonly FactEntry[], items: readonly Relationship[], itemAt: (j: number) => FactEntry | FactEntry[] | undefined): boolean {
  if (totals.length !== 1) return false;
  // Scratch arrays shared by every binding (a run has one per total and context): emptied after each use.
  const terms = scratchTerms;
  const weights = scratchWeights;
  try {
    terms.push(totals[0]!);
    weights.push(0);
    for (let i = 0; i < items.length; i++) {
      const r = items[i]!;
      const b = itemAt(i);
      if (b === undefined) continue;
      const w = r.weight ?? 1;
      if (Array.isArray(b) || (w !== 1 && w !== -1)) return false; // bindings hold a lone fact as itself
      terms.push(b);
      weights.push(w);
    }
    if (terms.length === 1) return false;
    for (let i = 0; i < terms.length; i++) if (terms[i]!.nil || !terms[i]!.value) return false;
    return sumMeetsTotalInIntegers(terms as readonly { value: Decimal; decimals: number }[], weights) === true;
  } finally {
    terms.length = 0;
    weights.length = 0;
  }
}
const scratchTerms: FactEntry[] = [];
const scratchWeights: number[] = [];

/**
 * Round-to-nearest: whether the ±1-weighted sum of the items' intervals (terms 1…) meets the total's (term 0),
 * worked out in safe integers in units of 10^−K; undefined when a value, a half-step or a sum does not fit
 * (or decimals are not finite, or a value has excess digits), so the caller must use exact decimals.
 */
export function sumMeetsTotalInIntegers(terms: readonly { readonly value: Decimal; readonly decimals: number }[], weights: readonly number[]): boolean | undefined {
  let scale = 0;
  for (const e of terms) {
    const d = e.decimals;
    if (!Number.isInteger(d) || d > 15 || d < -15 || !e.value.isFinite() || hasExcessDigits(e.value, d)) return undefined;
    scale = Math.max(scale, d + 1, e.value.decimalPlaces());
  }
  if (scale > 15) return undefined;
  let sumLo = 0;
  let sumHi = 0;
  let totLo = 0;
  let totHi = 0;
  for (let i = 0; i < terms.length; i++) {
    const e = terms[i]!;
    const n = scaledInteger(e.value, scale);
    const half = 5 * 10 ** (scale - e.decimals - 1);
    if (!Number.isSafeInteger(n) || !Number.isSafeInteger(half)) return undefined;
    if (i === 0) {
      (totLo = n - half), (totHi = n + half);
      continue;
    }
    const w = weights[i]!;
    if (w !== 1 && w !== -1) return undefined;
    sumLo += w === 1 ? n - half : -n - half;
    sumHi += w === 1 ? n + half : -n + half;
    if (!Number.isSafeInteger(sumLo) || !Number.isSafeInteger(sumHi) || !Number.isSafeInteger(totLo) || !Number.isSafeInteger(totHi)) return undefined;
  }
  return Math.max(totLo, sumLo) <= Math.min(totHi, sumHi);
}

/**
 * `value × 10^scale` as a safe integer, from the Decimal's base-10^7 words (decimal.js aligns them on the decimal
 * point: the first holds the integer part's leading (e + 1) mod 7 digits); NaN when it is not a safe integer.
 * `toFixed(scale)` gave the same through two strings per term, most of the integer path's time and garbage.
 */
export function scaledInteger(value: Decimal, scale: number): number {
  const d = value.d;
  if (!d || scale > 22) return NaN;
  let lead = 1; // digits in the first word
  for (let w = d[0]!; w >= 10; w = Math.floor(w / 10)) lead++;
  let p = value.e - lead + 1 + scale; // the power of ten of the first word's last digit, scaled
  let n = 0;
  for (let i = 0; i < d.length; i++, p -= 7) {
    const w = d[i]!;
    if (w === 0) continue;
    let t: number;
    if (p >= 0) {
      if (p > 22) return NaN;
      t = w * 10 ** p;
    } else {
      if (p < -7) return NaN; // digits below 10^−scale: not an integer
      const div = 10 ** -p;
      if (w % div !== 0) return NaN;
      t = w / div;
    }
    n += t;
    if (!Number.isSafeInteger(t) || !Number.isSafeInteger(n)) return NaN;
  }
  return value.s < 0 && n !== 0 ? -n : n;
}

const cache = new WeakMap<RuleContext, Finding[]>();

/** Every Calculations 1.1 finding for this validation run (computed once; each calc11 rule takes its code's). */
export function c11Findings(ctx: RuleContext): Finding[] {
  const done = cache.get(ctx);
  if (done) return done;
  const mode = ctx.options.calc;
  const t = ctx.taxonomy;
  if ((mode !== 'c11r' && mode !== 'c11t') || !t) {
    cache.set(ctx, []);
    return [];
  }
  // concept → binding (context|unit) → facts, top-level numeric facts only. The binding key numbers contexts
  // and units together (contexts × units).
  const entries = factEntries(ctx);
  let units = 1;
  for (let i = 0; i < entries.length; i++) if (entries[i]!.unitNo >= units) units = entries[i]!.unitNo + 1;
  const collected = new Map<Concept, { ks: number[]; es: FactEntry[] }>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.parent || !e.concept?.type.numeric || !e.unitNo) continue;
    if (!e.nil && !e.value) continue;
    let c = collected.get(e.concept);
    if (!c) collected.set(e.concept, (c = { ks: [], es: [] }));
    c.ks.push(e.contextNo * units + e.unitNo);
    c.es.push(e);
  }
  const byConcept = new Map<Concept, Binds>();
  for (const [concept, { ks, es }] of collected) byConcept.set(concept, bindsOf(ks, es));
  const checker = new Checker(ctx, mode === 'c11t');
  for (const arcrole of [ARCROLE.summationItem, SUMMATION_ITEM_11]) {
    for (const linkrole of t.linkroles(arcrole)) checker.network(t.relationships(arcrole, linkrole), linkrole, byConcept);
  }
  cache.set(ctx, checker.out);
  return checker.out;
}

/** The engine behind this module's rules: each rule file names it and gets the findings of its own code. */
export const c11Engine: Engine = {
  name: 'Calculations 1.1',
  run: (ctx) => c11Findings(ctx),
};
