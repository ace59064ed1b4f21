import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledInteger, sumMeetsTotalInIntegers } from './check.js';
import { disjoint, Exact, valueInterval, type Interval } from '../../core/xbrl/intervals.js';

/** The exact answer: Decimal intervals summed as the Calculations 1.1 check does. */
function exactMeets(terms: readonly { value: Decimal; decimals: number }[], weights: readonly number[]): boolean {
  const total = valueInterval(terms[0]!.value, terms[0]!.decimals, false);
  let sum: Interval | undefined;
  for (let i = 1; i < terms.length; i++) {
    const iv = valueInterval(terms[i]!.value, terms[i]!.decimals, false);
    const w = new Exact(weights[i]!);
    let [lo, hi] = [iv.lo.mul(w), iv.hi.mul(w)];
    if (hi.lt(lo)) [lo, hi] = [hi, lo];
    sum = sum ? { lo: sum.lo.plus(lo), hi: sum.hi.plus(hi), loIncl: true, hiIncl: true } : { lo, hi, loIncl: true, hiIncl: true };
  }
  return !disjoint(total, sum!);
}

/** A value with no digits beyond its decimals (the integer path's domain), sometimes with more (it must decline). */
const term = fc.record({ units: fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), decimals: fc.integer({ min: -9, max: 6 }), extra: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }).map(({ units, decimals, extra }) => {
  let value = new Decimal(units.toString()).mul(new Exact(10).pow(-decimals));
  if (extra) value = value.plus(new Exact(10).pow(-decimals - 1));
  return { value: new Decimal(value.toFixed()), decimals };
});

describe('Calculations 1.1 in integers', () => {
  it('agrees with exact decimal arithmetic whenever it gives an answer', () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 2, maxLength: 6 }), fc.array(fc.constantFrom(1, -1), { minLength: 6, maxLength: 6 }), (terms, weights) => {
        const fast = sumMeetsTotalInIntegers(terms, weights);
        if (fast !== undefined) expect(fast).toBe(exactMeets(terms, weights));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees near the edge: totals within a few rounding steps of the items\' sum (true and false answers both)', () => {
    const seen = { true: 0, false: 0 };
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom(1, -1), { minLength: 6, maxLength: 6 }), fc.integer({ min: -6, max: 3 }), fc.integer({ min: -3, max: 3 }), (items, weights, d, steps) => {
        let sum = new Exact(0);
        items.forEach((e, i) => (sum = sum.plus(e.value.mul(weights[i + 1]!))));
        const unit = new Exact(10).pow(-d);
        const total = { value: new Decimal(sum.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).plus(steps).mul(unit).toFixed()), decimals: d };
        const terms = [total, ...items];
        const fast = sumMeetsTotalInIntegers(terms, weights);
        if (fast === undefined) return;
        seen[String(fast) as 'true' | 'false']++;
        expect(fast).toBe(exactMeets(terms, weights));
      }),
      { numRuns: 3000 },
    );
    // The generator reaches both answers often, or this test could not fail.
    expect(seen.true).toBeGreaterThan(30);
    expect(seen.false).toBeGreaterThan(30);
  });

  it('decides the usual sums (IIJ-sized figures) and finds an inconsistency of one unit beyond rounding', () => {
    const t = (v: string, d: number) => ({ value: new Decimal(v), decimals: d });
    expect(sumMeetsTotalInIntegers([t('17403000', -3), t('12000000', -3), t('5403000', -3)], [0, 1, 1])).toBe(true);
    // 1,000 off at decimals −3: the intervals [17402500, 17403500] and [17403000 ± 1000] still meet.
    expect(sumMeetsTotalInIntegers([t('17403000', -3), t('12001000', -3), t('5403000', -3)], [0, 1, 1])).toBe(true);
    expect(sumMeetsTotalInIntegers([t('17403000', -3), t('12002000', -3), t('5403000', -3)], [0, 1, 1])).toBe(false);
    expect(sumMeetsTotalInIntegers([t('1.5', 2), t('1', 0), t('0.5', 2)], [0, 1, 1])).toBe(true);
    expect(sumMeetsTotalInIntegers([t('10', 0), t('12', 0), t('2', 0)], [0, 1, -1])).toBe(true);
  });

  it('declines what it cannot do exactly: excess digits, INF, huge values, other weights', () => {
    const t = (v: string, d: number) => ({ value: new Decimal(v), decimals: d });
    expect(sumMeetsTotalInIntegers([t('10.5', 0), t('10', 0)], [0, 1])).toBeUndefined();
    expect(sumMeetsTotalInIntegers([t('10', Infinity), t('10', 0)], [0, 1])).toBeUndefined();
    expect(sumMeetsTotalInIntegers([t('123456789012345678901', 0), t('1', 0)], [0, 1])).toBeUndefined();
    expect(sumMeetsTotalInIntegers([t('10', 0), t('20', 0)], [0, 0.5])).toBeUndefined();
  });
});

describe('scaledInteger', () => {
  it('is value × 10^scale as toFixed writes it, whenever that is a safe integer (NaN otherwise)', () => {
    const digits = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: -12, max: 20 }));
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 22 }), ([neg, units, exp], scale) => {
        const value = new Decimal(`${neg ? '-' : ''}${units}e${exp}`);
        const expected = value.decimalPlaces() <= scale ? Number(value.toFixed(scale).replace('.', '')) : NaN;
        const got = scaledInteger(value, scale);
        if (Number.isSafeInteger(expected)) expect(got).toBe(expected);
        else expect(got).toBeNaN();
      }),
      { numRuns: 5000 },
    );
  });
});
