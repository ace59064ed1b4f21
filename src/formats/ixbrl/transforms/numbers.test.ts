import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTransform, TR } from './index.js';
import { asciiDotDecimal, numCommaDecimal, numDotDecimal, numDotDecimalByPattern, numUnitDecimal, zeroDash } from './numbers.js';

describe('number transforms', () => {
  it('num-dot-decimal: groups by comma, space, no-break space; decimal dot', () => {
    expect(numDotDecimal('1,234,567.89')).toBe('1234567.89');
    expect(numDotDecimal(' 10,512 ')).toBe('10512');
    expect(numDotDecimal('1 234\u00A0567')).toBe('1234567');
    expect(numDotDecimal('0')).toBe('0');
    expect(numDotDecimal('.5')).toBe('0.5');
    expect(numDotDecimal('1,23,45,678.90')).toBe('12345678.90');
    expect(numDotDecimal('１２３')).toBe('123');
    for (const bad of ['', '1,2345', '1.234,5', '(100)', '-5', 'abc', '1,,000']) expect(numDotDecimal(bad)).toBeUndefined();
  });
  it('num-dot-decimal reads ASCII digits, commas and dots in one pass as its pattern reads them', () => {
    // Groups of 1 to 4 digits between commas and dots, so that the pattern's groupings (3s, Indian 2s) and near misses come up.
    const piece = fc.oneof(fc.stringMatching(/^[0-9]{0,4}$/), fc.constantFrom(',', '.'));
    const text = fc.array(piece, { maxLength: 9 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(asciiDotDecimal(s)).not.toBeNull();
        expect(numDotDecimal(s)).toBe(numDotDecimalByPattern(s));
      }),
      { numRuns: 5000 },
    );
    for (const s of ['1,234', '12,34,567.5', '1,23,456', '1,234,56', '123,45,678', '5.', '.', ',', '0,000.', '1,234.5,6']) expect(numDotDecimal(s), s).toBe(numDotDecimalByPattern(s));
    // Anything else is left to the pattern.
    for (const s of [' 1', '1 234', '１', '-1', '1e3', '1\u00A0234']) expect(asciiDotDecimal(s), s).toBeNull();
  });
  it('num-comma-decimal and num-unit-decimal', () => {
    expect(numCommaDecimal('1.234.567,89')).toBe('1234567.89');
    expect(numCommaDecimal('1 234,5')).toBe('1234.5');
    expect(numCommaDecimal('1,234.5')).toBeUndefined();
    expect(numUnitDecimal('5 Euro 20')).toBe('5.20');
    expect(numUnitDecimal('1,000 yen')).toBe('1000');
    expect(numUnitDecimal('5 dollars 5 cents')).toBe('5.05');
    for (const bad of ['5', '5 5', 'yen 5', '5 Euro 200', '5 Euro 20 30', '1,000 5', '1 000']) expect(numUnitDecimal(bad), bad).toBeUndefined();
  });
  it('num-unit-decimal reads a megabyte that is not a number in linear time (a backtracking pattern took minutes)', () => {
    expect(numUnitDecimal(`1${' x'.repeat(500_000)} 5 5`)).toBeUndefined();
    expect(numUnitDecimal(`1x${' '.repeat(1_000_000)}5 5`)).toBeUndefined();
  });
  it('zero dash and fixed values', () => {
    expect(zeroDash('-')).toBe('0');
    expect(zeroDash(' — ')).toBe('0');
    expect(zeroDash('0')).toBeUndefined();
    expect(findTransform(TR.tr4, 'fixed-zero')!('anything')).toBe('0');
    expect(findTransform(TR.tr2, 'nocontent')!('x')).toBe('');
  });
  it('finds transforms by registry and name, and no other', () => {
    expect(findTransform(TR.tr4, 'num-dot-decimal')).toBe(numDotDecimal);
    expect(findTransform(TR.tr3, 'numdotdecimal')).toBe(numDotDecimal);
    expect(findTransform(TR.tr4, 'numdotdecimal')).toBeUndefined();
    expect(findTransform(TR.tr2, 'toString')).toBeUndefined();
    expect(findTransform('http://example.com/ixt', 'num-dot-decimal')).toBeUndefined();
  });
});
