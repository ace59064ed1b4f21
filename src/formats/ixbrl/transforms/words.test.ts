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
  });
  it('ballot boxes', () => {
    expect(boolBallotBox('☐')).toBe('false');
    expect(boolBallotBox('☒')).toBe('true');
    expect(boolBallotBox('x')).toBeUndefined();
  });
});
