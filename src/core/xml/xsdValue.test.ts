import { describe, expect, it } from 'vitest';
import { canonicalValue } from './xsdValue.js';

describe('canonicalValue (XML Schema values for s-equal and v-equal)', () => {
  it('decimals and integers by value', () => {
    expect(canonicalValue('decimal', '+0001.230')).toBe(canonicalValue('decimal', '1.23'));
    expect(canonicalValue('decimal', '-0.0')).toBe('0');
    expect(canonicalValue('integer', ' 00123 ')).toBe('123');
  });
  it('doubles by value, -0 equal to 0, NaN equal to nothing', () => {
    expect(canonicalValue('double', '321E-2')).toBe(canonicalValue('double', '0.321E1'));
    expect(canonicalValue('double', '-0E0')).toBe(canonicalValue('double', '+0'));
    expect(canonicalValue('double', '456e2')).not.toBe(canonicalValue('double', '4.56'));
    expect(canonicalValue('double', 'NaN')).toBeUndefined();
    expect(canonicalValue('double', 'INF')).toBe('INF');
  });
  it('booleans 1/0 as true/false; strings and tokens by their whitespace facets', () => {
    expect(canonicalValue('boolean', '1')).toBe('true');
    expect(canonicalValue('boolean', 'false')).toBe(canonicalValue('boolean', '0'));
    expect(canonicalValue('token', ' a \n b ')).toBe('a b');
    expect(canonicalValue('string', ' a  b ')).toBe('a  b');
    expect(canonicalValue(undefined, ' x ')).toBe('x');
  });
});
