/**
 * Calculations 1.1 interval arithmetic. A fact's value stands for an interval given by its inferred decimals d:
 * round-to-nearest [v − ½·10^−d, v + ½·10^−d]; truncation [v, v + 10^−d) for positive v, (v − 10^−d, v] for
 * negative v, (−10^−d, 10^−d) for zero. INF (or unknown) decimals give [v, v]. Exact decimal arithmetic only.
 */
import { Decimal } from 'decimal.js';

export interface Interval {
  readonly lo: Decimal;
  readonly hi: Decimal;
  readonly loIncl: boolean;
  readonly hiIncl: boolean;
}

/** A Decimal constructor with room for the exact sums of many facts (the default keeps 20 digits). */
export const Exact = Decimal.clone({ precision: 80 });
const exact = (v: Decimal) => new Exact(v);
const powers = new Map<number, { unit: Decimal; half: Decimal }>();
/** 10^−d and half of it, made once per d. */
function step(d: number): { unit: Decimal; half: Decimal } {
  let p = powers.get(d);
  if (!p) {
    const unit = new Exact(10).pow(-d);
    powers.set(d, (p = { unit, half: unit.div(2) }));
  }
  return p;
}

/** The interval a value with inferred decimals `d` stands for. */
export function valueInterval(value: Decimal, d: number, truncate: boolean): Interval {
  const v = exact(value);
  if (!Number.isFinite(d)) return { lo: v, hi: v, loIncl: true, hiIncl: true };
  const { unit: dd, half } = step(Math.trunc(d));
  if (!truncate) return { lo: v.minus(half), hi: v.plus(half), loIncl: true, hiIncl: true };
  if (v.isPositive() && !v.isZero()) return { lo: v, hi: v.plus(dd), loIncl: true, hiIncl: false };
  if (v.isNegative() && !v.isZero()) return { lo: v.minus(dd), hi: v, loIncl: false, hiIncl: true };
  return { lo: dd.neg(), hi: dd, loIncl: false, hiIncl: false };
}

/** True when `v` has non-zero digits beyond `d` decimal places (1234.5 with decimals 0): "excess digits". */
export function hasExcessDigits(value: Decimal, d: number): boolean {
  if (value.isZero() || !value.isFinite() || !Number.isFinite(d) || d <= -28) return false;
  // The lowest non-zero digit is at 10^(e − sd + 1) (e: the exponent of the first digit, sd: significant digits).
  return value.e - value.sd() + 1 < -Math.trunc(d);
}

/** Whether two intervals have no point in common, as Arelle decides it for a total against its items. */
export function disjoint(a: Interval, b: Interval): boolean {
  const lo = Decimal.max(a.lo, b.lo);
  const hi = Decimal.min(a.hi, b.hi);
  const loIncl = a.loIncl || b.loIncl;
  const hiIncl = a.hiIncl || b.hiIncl;
  return (lo.eq(hi) && !(loIncl && hiIncl)) || lo.gt(hi);
}

/** [lo, hi) style text for messages. */
export function formatInterval(i: Interval): string {
  return `${i.loIncl ? '[' : '('}${i.lo.toFixed()}, ${i.hi.toFixed()}${i.hiIncl ? ']' : ')'}`;
}
