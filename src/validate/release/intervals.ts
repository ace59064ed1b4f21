import { Decimal } from 'decimal.js';
import type { Fact } from '../../core/model/fact.js';

/** A closed interval of decimals: what a printed (rounded) figure says the true value could be. */
export interface Interval {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

/**
 * The values a fact could stand for: ±½ unit of its last printed digit, as rounding to nearest leaves it (exact
 * when decimals is INF or absent). Derived figures (ratios, convenience translations) are taken the same way: a
 * figure further off than that was not rounded from its inputs, and is reported (docs/release-checks.md).
 */
export function factInterval(f: Fact): Interval | undefined {
  if (f.value === null || typeof f.value === 'string') return undefined;
  if (f.decimals === undefined || f.decimals === 'INF') return { lo: f.value, hi: f.value };
  const slack = new Decimal(10).pow(-f.decimals).dividedBy(2);
  return { lo: f.value.minus(slack), hi: f.value.plus(slack) };
}

export function add(a: Interval, b: Interval, weight = 1): Interval {
  return weight >= 0 ? { lo: a.lo.plus(b.lo.times(weight)), hi: a.hi.plus(b.hi.times(weight)) } : { lo: a.lo.plus(b.hi.times(weight)), hi: a.hi.plus(b.lo.times(weight)) };
}

export function scale(a: Interval, k: Decimal): Interval {
  const x = a.lo.times(k);
  const y = a.hi.times(k);
  return x.lessThanOrEqualTo(y) ? { lo: x, hi: y } : { lo: y, hi: x };
}

/** a / b; undefined when b may be zero (no conclusion can be drawn). */
export function divide(a: Interval, b: Interval): Interval | undefined {
  if (b.lo.lessThanOrEqualTo(0) && b.hi.greaterThanOrEqualTo(0)) return undefined;
  const qs = [a.lo.dividedBy(b.lo), a.lo.dividedBy(b.hi), a.hi.dividedBy(b.lo), a.hi.dividedBy(b.hi)];
  return { lo: Decimal.min(...qs), hi: Decimal.max(...qs) };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo.lessThanOrEqualTo(b.hi) && b.lo.lessThanOrEqualTo(a.hi);
}

/** The distance between two disjoint intervals (0 when they overlap). */
export function gap(a: Interval, b: Interval): Decimal {
  if (overlaps(a, b)) return new Decimal(0);
  return a.hi.lessThan(b.lo) ? b.lo.minus(a.hi) : a.lo.minus(b.hi);
}

/** The middle of an interval, for messages. */
export function mid(a: Interval): Decimal {
  return a.lo.plus(a.hi).dividedBy(2);
}

/** The point of an interval nearest to x (x itself when inside). */
export function clamp(a: Interval, x: Decimal): Decimal {
  return x.lessThan(a.lo) ? a.lo : x.greaterThan(a.hi) ? a.hi : x;
}

/** x rounded to nearest at `decimals` places (negative: tens, thousands...), halves away from zero. */
export function roundAt(x: Decimal, decimals: number): Decimal {
  const unit = new Decimal(10).pow(-decimals);
  return x.dividedBy(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}
