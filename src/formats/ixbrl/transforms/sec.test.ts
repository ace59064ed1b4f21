import { describe, expect, it } from 'vitest';
import { findTransform, TR } from './index.js';

const sec = (name: string) => findTransform(TR.sec, name)!;

describe('ixt-sec transforms', () => {
  it('durations from numbers and words', () => {
    expect(sec('duryear')('5')).toBe('P5Y');
    expect(sec('duryear')('2.5')).toBe('P2Y6M');
    expect(sec('duryear')('three')).toBe('P3Y');
    expect(sec('durmonth')('18')).toBe('P18M');
    expect(sec('durday')('30')).toBe('P30D');
    expect(sec('durhour')('4')).toBe('PT4H');
    expect(sec('durwordsen')('five years, two months')).toBe('P5Y2M');
    expect(sec('durwordsen')('three years and 10 days')).toBe('P3Y10D');
    expect(sec('durwordsen')('soon')).toBeUndefined();
  });
  it('name lists', () => {
    expect(sec('exchnameen')('The Nasdaq Stock Market LLC')).toBe('NASDAQ');
    expect(sec('exchnameen')('New York Stock Exchange')).toBe('NYSE');
    expect(sec('stateprovnameen')('California')).toBe('CA');
    expect(sec('stateprovnameen')('Ohio')).toBe('OH');
    expect(sec('entityfilercategoryen')('Large Accelerated Filer')).toBe('Large Accelerated Filer');
    expect(sec('numwordsen')('two')).toBe('2');
    expect(sec('stateprovnameen')('Atlantis')).toBeUndefined();
  });
});
