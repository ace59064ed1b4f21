import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChunks } from '../../../core/xml/chunks.js';
import { numDotDecimal } from '../transforms/numbers.js';
import { readDocument } from './stream.js';
import { numberOf } from './values.js';

/** What decimal.js stores for a value: sign, exponent, digit words. */
const stored = (x: Decimal) => {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] };
  return { s, e, d: [...d] };
};

/** An ix:nonFraction element in scope of the TR4 namespace, as the streaming reader builds it. */
const fact = readDocument(
  textChunks(
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"><body><ix:nonFraction name="x" contextRef="c" unitRef="u">1</ix:nonFraction></body></html>',
  ),
  'v.html',
).facts[0]!;

describe('numberOf', () => {
  it('reads a figure under num-dot-decimal as its transform, scale and sign say, digit for digit', () => {
    // Figures of digits, commas and dots (well grouped or not), the scales and signs reports use and some they must not.
    const piece = fc.oneof(fc.stringMatching(/^[0-9]{0,4}$/), fc.constantFrom(',', '.', '000,', ',000'));
    const figure = fc.array(piece, { maxLength: 9 }).map((p) => p.join(''));
    const scale = fc.option(fc.constantFrom('0', '3', '6', '-2', '+4', ' 3 ', '1e2', '2000'), { nil: undefined });
    const sign = fc.option(fc.constantFrom('-', '+', ''), { nil: undefined });
    fc.assert(
      fc.property(figure, scale, sign, (s, sc, sg) => {
        const got = numberOf(fact, s, 'ixt:num-dot-decimal', sc, sg);
        // The reading step by step: the transform's text, shifted by the scale, then the sign.
        const text = numDotDecimal(s);
        const n = sc === undefined ? 0 : /^[+-]?\d+$/.test(sc.trim()) && Math.abs(Number(sc)) <= 1000 ? Number(sc) : undefined;
        if (text === undefined || n === undefined || (sg !== undefined && sg !== '-')) {
          expect(got.ok).toBe(false);
          return;
        }
        const shifted = new Decimal(`${text}e${n}`);
        const want = sg === '-' ? shifted.negated() : shifted;
        expect(got.ok).toBe(true);
        const value = (got as { value: Decimal }).value;
        expect(stored(value)).toEqual(stored(want.isZero() ? new Decimal(0) : want));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads figures of more than 14 significant digits too', () => {
    const got = numberOf(fact, '123,456,789,012,345.678', 'ixt:num-dot-decimal', '3', '-');
    expect(got).toEqual({ ok: true, value: new Decimal('-123456789012345678') });
  });
});
