import { Decimal } from 'decimal.js';
import type { Fact } from '../../core/model/fact.js';

/** A closed interval of decimals: what a printed (rounded) figure says the true value could be. */
export interface Interval {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

/**
 * The values a fact could stand for: ±½ unit of its last printed digit when it was rounded to nearest (exact
 * when decimals is INF or absent). `units = 1` widens that to ±1 unit: any of rounding, truncation, floor or a
 * "make the column add up to 100%" adjustment could have printed it (derived figures such as ratios and
 * convenience translations are printed by methods a release does not state).
 */
export function factInterval(f: Fact, units: 0.5 | 1 = 0.5): Interval | undefined {
  if (f.value === null || typeof f.value === 'string') return undefined;
  if (f.decimals === undefined || f.decimals === 'INF') return { lo: f.value, hi: f.value };
  const slack = new Decimal(10).pow(-f.decimals).times(units);
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
