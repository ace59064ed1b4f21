import { Decimal } from 'decimal.js';
import type { Fact } from '../../core/model/fact.js';
import type { Finding } from '../../core/model/finding.js';
import type { Rule, RuleContext } from '../rule.js';
import { asPrinted, unitsText } from './display.js';
import { entryText, sumsOf, type Column, type SumCheck } from './footing.js';
import { clamp, factInterval, overlaps, roundAt, type Interval } from './intervals.js';
import { describe, location, printed, printedAt } from './facts.js';

/** A figure the release derives from others (a convenience translation, a ratio) and what its inputs say it is. */
export interface DerivedFigure {
  readonly fact: Fact;
  /** The values the inputs allow, each input taken as ±½ unit of its last printed digit. */
  readonly expected: Interval;
  /** The same computed from the inputs as printed. */
  readonly quotient: Decimal;
  /** How it follows from its inputs, for the message: "739,957 JPY (line 371 …) at JPY 110.20 = 1 USD". */
  readonly from: string;
  /** The column it foots in, when it takes part in sums (amounts, "% of total" ratios). */
  readonly column?: Column;
  readonly factIds: readonly string[];
}

/** A derived figure printed further from its inputs than rounding to nearest explains. */
export interface Assessment {
  /** The figure its inputs round to (at the printed figure's precision), nearest to the printed one. */
  readonly correct: Decimal;
  /** printed − correct in units of the last printed digit; undefined for a figure with no stated precision. */
  readonly units?: Decimal;
  readonly sums: readonly SumCheck[];
  readonly footsPrinted: boolean;
  readonly footsCorrect: boolean;
  /** One unit off, in a column that foots with it and would not with the correct figure: changed to foot. */
  readonly adjusted: boolean;
}

/** Undefined when the printed figure is within rounding of what its inputs give. */
export function assess(ctx: RuleContext, d: DerivedFigure): Assessment | undefined {
  const printedAs = factInterval(d.fact);
  if (!printedAs || overlaps(printedAs, d.expected)) return undefined;
  const value = d.fact.value as Decimal;
  const nearest = clamp(d.expected, value);
  const decimals = d.fact.decimals;
  const correct = typeof decimals === 'number' ? roundAt(nearest, decimals) : nearest;
  const units = typeof decimals === 'number' ? value.minus(correct).times(new Decimal(10).pow(decimals)) : undefined;
  const sums = d.column ? sumsOf(ctx, d.fact, d.column) : [];
  const footsPrinted = sums.length > 0 && sums.every((s) => s.foots(value));
  const footsCorrect = sums.length > 0 && sums.every((s) => s.foots(correct));
  return { correct, ...(units ? { units } : {}), sums, footsPrinted, footsCorrect, adjusted: !!units?.abs().equals(1) && footsPrinted && !footsCorrect };
}

function sumText(d: DerivedFigure, a: Assessment, s: SumCheck): string {
  const value = d.fact.value as Decimal;
  const p = asPrinted(d.fact, value);
  const c = asPrinted(d.fact, a.correct);
  const style = s.isTotal ? d.fact : (s.total.fact ?? d.fact);
  const add = (v: Decimal) => asPrinted(style, s.itemsSum(v));
  if (s.isTotal) return `its own ${s.items} items add up to ${add(value)}`;
  return `${entryText(s.total, d.fact)} is the total of ${s.items} items that add up to ${add(value)} with ${p} and to ${add(a.correct)} with ${c}`;
}

function footingText(d: DerivedFigure, a: Assessment): string {
  if (!a.sums.length) return d.column ? 'It takes part in no sum whose figures its column prints in full.' : 'It takes part in no sum.';
  const p = asPrinted(d.fact, d.fact.value as Decimal);
  const c = asPrinted(d.fact, a.correct);
  const verdict = `Its column ${a.footsPrinted ? 'foots' : 'does not foot'} with ${p} and ${a.footsCorrect ? 'would' : 'would not'} with ${c}`;
  return `${verdict}: ${a.sums.map((s) => sumText(d, a, s)).join('; ')}.`;
}

/** The finding for a derived figure: both figures, the exact quotient and whether its column foots with each. */
export function derivedFinding(rule: Rule, d: DerivedFigure, a: Assessment): Finding {
  const f = d.fact;
  const q = (v: Decimal) => asPrinted(f, v, 3);
  const [lo, hi] = d.expected.lo.abs().lessThanOrEqualTo(d.expected.hi.abs()) ? [d.expected.lo, d.expected.hi] : [d.expected.hi, d.expected.lo];
  const range = q(lo) === q(hi) ? '' : ` Allowing for the rounding of the figures it is computed from, it lies between ${q(lo)} and ${q(hi)}.`;
  const off = a.units ? `, which rounds to ${asPrinted(f, a.correct)}: the printed figure is off by ${unitsText(a.units)}` : '';
  return {
    code: rule.code,
    severity: rule.severity,
    message: `${describe(f)} is printed as ${printed(f)} at ${printedAt(f)}, but ${d.from} is ${q(d.quotient)}${off}.${range} ${footingText(d, a)}`,
    ...location(f),
    factIds: [...d.factIds],
  };
}

/** A mismatch rule's findings: its derived figures not within rounding, except those adjusted to foot. */
export function* mismatches(rule: Rule, ctx: RuleContext, figures: Iterable<DerivedFigure>): Iterable<Finding> {
  for (const d of figures) {
    const a = assess(ctx, d);
    if (a && !a.adjusted) yield derivedFinding(rule, d, a);
  }
}
