import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedDecimal, keptDecimal } from './decimal.js';

/** What decimal.js stores for a value: sign, exponent, digit words. */
const stored = (x: Decimal) => {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] };
  return { s, e, d: [...d] };
};

describe('keptDecimal', () => {
  // xs:decimal's lexical form, with the zeros, signs and points that change how decimal.js cuts the digits.
  const zeros = fc.integer({ min: 0, max: 12 }).map((n) => '0'.repeat(n));
  const digits = fc.stringMatching(/^[0-9]{0,22}$/);
  const lexical = fc
    .tuple(fc.constantFrom('', '-', '+'), zeros, digits, fc.boolean(), digits, zeros)
    .map(([sign, lead, int, point, frac, trail]) => `${sign}${lead}${int}${point ? `.${frac}${trail}` : trail}`)
    .filter((t) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t));

  it('stores every value as decimal.js does (sign, exponent, digit words)', () => {
    fc.assert(
      fc.property(lexical, (t) => {
        const kept = keptDecimal(t);
        expect(stored(kept)).toEqual(stored(new Decimal(t)));
        expect(kept.eq(new Decimal(t))).toBe(true);
        expect(kept.toFixed()).toBe(new Decimal(t).toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('shifts by an exponent as decimal.js reads `${text}e${exponent}`', () => {
    fc.assert(
      fc.property(lexical, fc.integer({ min: -1100, max: 1100 }), (t, n) => {
        const kept = keptDecimal(t, n);
        const read = new Decimal(`${t}e${n}`);
        expect(stored(kept)).toEqual(stored(read));
        expect(kept.toFixed()).toBe(read.toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a figure with commas among its digits as the same figure without them (groupedDecimal)', () => {
    const commas = fc.array(fc.nat(40), { maxLength: 6 });
    fc.assert(
      fc.property(lexical, commas, fc.integer({ min: -30, max: 30 }), (t, at, n) => {
        // Commas put among the digits (never before a sign).
        let grouped = t;
        for (const k of at) {
          const p = Math.min(k, grouped.length);
          if (p > 0 || !/^[+-]/.test(grouped)) grouped = `${grouped.slice(0, p)},${grouped.slice(p)}`;
        }
        const read = groupedDecimal(grouped, n);
        const want = new Decimal(`${t}e${n}`);
        if (read === undefined) expect(want.precision(true) > 14 || grouped.length > 40).toBe(true);
        else expect(stored(read)).toEqual(stored(want));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the words of one to three words in arrays of their size', () => {
    for (const t of ['0', '-0', '7', '1234567', '12345678', '6115234000', '-0.000123', '1234567890.1234', '99999999999999']) {
      const d = (keptDecimal(t) as unknown as { d: number[] }).d;
      expect(d).toEqual((new Decimal(t) as unknown as { d: number[] }).d);
      expect(d.length).toBeLessThanOrEqual(3);
    }
  });

  it('refuses what is not a decimal, as decimal.js does', () => {
    for (const t of ['', '.', '-', '1e5x', 'abc']) expect(() => keptDecimal(t)).toThrow();
  });
});
