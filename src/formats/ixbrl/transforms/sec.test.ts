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
    expect(sec('durwordsen')('5years and 2 weeks')).toBe('P5Y14D');
    expect(sec('durwordsen')(`${'a'.repeat(1_000_000)} years`)).toBeUndefined();
  });
  it('fractions spill into whole smaller units, as the SEC writes them (Apple, P&G: 2.7 years is P2Y8M12D)', () => {
    expect(sec('duryear')('2.7')).toBe('P2Y8M12D');
    expect(sec('duryear')('9.2')).toBe('P9Y2M12D');
    expect(sec('duryear')('0.5')).toBe('P0Y6M');
    expect(sec('duryear')('0')).toBe('P0Y');
    expect(sec('duryear')('-1.5')).toBe('-P1Y6M');
    expect(sec('durmonth')('1.5')).toBe('P1M15D');
    expect(sec('durmonth')('0.5')).toBe('P0M15D');
    expect(sec('durweek')('1.5')).toBe('P10D');
    expect(sec('durday')('0.5')).toBe('P0DT12H');
    expect(sec('durhour')('3.9')).toBe('PT3H');
    for (const bad of ['', 'x', '1e3', '1.2.3']) expect(sec('duryear')(bad), bad).toBeUndefined();
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
