import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentRounding, parsePrinted, roundTo, scaleFigure } from './figures.js';

function num(text: string) {
  const p = parsePrinted(text);
  if (p.kind !== 'number') throw new Error(`not a number: ${text} (${p.kind})`);
  return p;
}

describe('printed figures', () => {
  it.each([
    ['19,187', '19187', 0, false],
    ['(2,035)', '-2035', 0, false],
    ['(19.4%)', '-19.4', 1, true],
    ['14.4%', '14.4', 1, true],
    ['0.0', '0', 1, false],
    ['(3.56)', '-3.56', 2, false],
    ['-12.5', '-12.5', 1, false],
    ['76,623,702', '76623702', 0, false],
  ])('%s reads as %s with %i places', (text, value, places, percent) => {
    const p = num(text);
    expect(p.value.toString()).toBe(value);
    expect(p.places).toBe(places);
    expect(p.percent).toBe(percent);
  });

  it('keeps a unit glued to the number', () => {
    expect(num('104.9Gbps')).toMatchObject({ suffix: 'Gbps', places: 1 });
  });

  it('tells blanks, nil dashes and text apart', () => {
    expect(parsePrinted('').kind).toBe('blank');
    expect(parsePrinted('-').kind).toBe('nil');
    expect(parsePrinted('—').kind).toBe('nil');
    for (const t of ['(12', '12)', '1,23', 'abc', '(-5)', '1.2.3', '1e9999', 'NaN']) expect(parsePrinted(t).kind).toBe('text');
  });

  it('applies scale and percent to value and decimals', () => {
    const a = scaleFigure(num('19,187'), 6, false);
    expect([a.value.toFixed(), a.decimals]).toEqual(['19187000000', -6]);
    const b = scaleFigure(num('(19.4%)'), 0, true);
    expect([b.value.toFixed(), b.decimals]).toEqual(['-0.194', 3]);
    const c = scaleFigure(num('100.0'), 0, true);
    expect([c.value.toFixed(), c.decimals]).toEqual(['1', 3]);
    const d = scaleFigure(num('(0.0)'), 0, true);
    expect(d.value.isNegative()).toBe(false);
  });

  it('judges printings consistent only within rounding', () => {
    expect(consistentRounding(new Decimal('517379000'), new Decimal('517000000'), -6)).toBe(true);
    expect(consistentRounding(new Decimal('517379000'), new Decimal('518000000'), -6)).toBe(false);
    expect(consistentRounding(new Decimal('-829760000'), new Decimal('-830000000'), -6)).toBe(true);
    expect(roundTo(new Decimal('2500'), -3).toFixed()).toBe('3000');
    expect(roundTo(new Decimal('-2500'), -3).toFixed()).toBe('-3000');
  });

  it('reads back any figure it could print (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (n, places, parens) => {
        const v = new Decimal(n.toString()).dividedBy(new Decimal(10).pow(places));
        const abs = v.abs().toFixed(places);
        const [int, frac] = abs.split('.');
        const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
        const text = v.isNegative() ? (parens ? `(${grouped})` : `-${grouped}`) : grouped;
        const p = num(text);
        expect(p.value.equals(v)).toBe(true);
        expect(p.places).toBe(places);
      }),
    );
  });
});
