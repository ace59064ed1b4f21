import { describe, expect, it } from 'vitest';
import { FactFindings } from './findings.js';

describe('FactFindings', () => {
  it('keeps the first findings of each code, sums up the rest in one, and looks positions up once, at the end', () => {
    const located: string[][] = [];
    const ff = new FactFindings((p) => ({ file: 'x.json', line: Number(p.slice(1)), column: 1 }), (ps) => void located.push([...ps]), 3);
    for (let i = 1; i <= 7; i++) ff.push({ code: 'oime:unknownDimension', severity: 'error', message: `m${i}`, file: 'x.json', factIds: [`f${i % 2}`] }, `/${i}`, `t:D${i}`);
    ff.push({ code: 'oime:unknownConcept', severity: 'error', message: 'c', file: 'x.json' }, '/99');
    const all = ff.all();
    expect(all.map((f) => [f.code, f.line])).toEqual([
      ['oime:unknownDimension', 1],
      ['oime:unknownDimension', 2],
      ['oime:unknownDimension', 3],
      ['oime:unknownConcept', 99],
      ['oime:unknownDimension', 4],
    ]);
    expect(all[4]!.message).toBe('4 more finding(s) like the 3 above, from here on, not listed one by one; about t:D4, t:D5, t:D6, t:D7; facts f0, f1');
    expect(located).toEqual([['/1', '/2', '/3', '/99', '/4']]);
  });
});
