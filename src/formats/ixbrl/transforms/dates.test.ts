import { describe, expect, it } from 'vitest';
import { findTransform, TR } from './index.js';
import { cjkDate, eraDate, monthNumber, namedMonthDate, numericDate } from './dates.js';

describe('date transforms', () => {
  it('numeric dates in each field order, two-digit years as 20xx, invalid days rejected', () => {
    expect(numericDate(['d', 'm', 'y'])('31.3.18')).toBe('2018-03-31');
    expect(numericDate(['d', 'm', 'y'])('1.4.17')).toBe('2017-04-01');
    expect(numericDate(['m', 'd', 'y'])('03/31/2018')).toBe('2018-03-31');
    expect(numericDate(['y', 'm', 'd'])('2018-03-31')).toBe('2018-03-31');
    expect(numericDate(['d', 'm'])('29/02')).toBe('--02-29');
    expect(numericDate(['m', 'y'])('3/2018')).toBe('2018-03');
    expect(numericDate(['d', 'm', 'y'])('31.2.18')).toBeUndefined();
    expect(numericDate(['d', 'm', 'y'])('31.3')).toBeUndefined();
  });
  it('English month names, ordinals and abbreviations', () => {
    expect(monthNumber('Sept')).toBe(9);
    expect(monthNumber('Sep.')).toBe(9);
    expect(monthNumber('Marc')).toBe(3);
    expect(monthNumber('Mai')).toBeUndefined();
    expect(namedMonthDate(['m', 'd', 'y'])('March 29, 2025')).toBe('2025-03-29');
    expect(namedMonthDate(['d', 'm', 'y'])('30th September 2016')).toBe('2016-09-30');
    expect(namedMonthDate(['d', 'm', 'y'])('1 Jan 10')).toBe('2010-01-01');
    expect(namedMonthDate(['m', 'y'])('June 2019')).toBe('2019-06');
    expect(namedMonthDate(['m', 'd', 'y'])('Foo 29, 2025')).toBeUndefined();
    expect(findTransform(TR.tr4, 'date-monthname-day-year-en')!('March 29, 2025')).toBe('2025-03-29');
  });
  it('CJK and Japanese era dates', () => {
    expect(cjkDate(true)('2018年6月19日')).toBe('2018-06-19');
    expect(cjkDate(true)('２０１８年６月１９日')).toBe('2018-06-19');
    expect(cjkDate(false)('2018年3月')).toBe('2018-03');
    expect(eraDate(true)('平成26年5月8日')).toBe('2014-05-08');
    expect(eraDate(true)('令和元年5月1日')).toBe('2019-05-01');
    expect(eraDate(false)('平成30年3月')).toBe('2018-03');
    expect(eraDate(true)('平成26年13月8日')).toBeUndefined();
  });
});
