import { describe, expect, it } from 'vitest';
import { boolBallotBox, numWordsEn, wordsToInteger } from './words.js';

describe('word transforms', () => {
  it('English number words', () => {
    expect(numWordsEn('no')).toBe('0');
    expect(numWordsEn('None')).toBe('0');
    expect(numWordsEn('twenty-five')).toBe('25');
    expect(numWordsEn('one hundred and five')).toBe('105');
    expect(numWordsEn('three thousand two hundred')).toBe('3200');
    expect(wordsToInteger('2 million')).toBe(2_000_000n);
    expect(numWordsEn('many')).toBeUndefined();
    expect(numWordsEn('three hundred thousand and twelve')).toBe('300012');
    expect(numWordsEn('one quintillion two')).toBe('1000000000000000002');
  });
  it('as in English: hundred once per group, scale words from largest to smallest, no words of Object.prototype', () => {
    // 'hundred' repeated made a number of twice as many digits as words (a hang for a few MB of text).
    expect(numWordsEn(`one${' hundred'.repeat(1_000_000)}`)).toBeUndefined();
    expect(numWordsEn('one thousand one million')).toBeUndefined();
    expect(numWordsEn('one million million')).toBeUndefined();
    for (const proto of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(numWordsEn(proto), proto).toBeUndefined();
  });
  it('ballot boxes', () => {
    expect(boolBallotBox('☐')).toBe('false');
    expect(boolBallotBox('☒')).toBe('true');
    expect(boolBallotBox('x')).toBeUndefined();
  });
});
