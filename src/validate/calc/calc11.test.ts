import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateInstance } from '../../app/validate.js';
import type { CalcMode } from '../rule.js';
import { hasExcessDigits, valueInterval } from '../../core/xbrl/intervals.js';
import { Decimal } from 'decimal.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Error and inconsistency codes kessan gives, sorted (duplicates reporting off, as Arelle by default). */
function codes(name: string, calc: CalcMode): string[] {
  const { findings } = validateInstance(join(fixtures, name), { calc, duplicates: 'none' });
  return [...new Set(findings.filter((f) => f.severity === 'error' || f.severity === 'inconsistency').map((f) => f.code))].sort();
}

/**
 * [fixture, codes under c11r, c11t, xbrl21]: what Arelle 2.44.4 (`run-arelle -v --calc=MODE`) reported for each
 * fixture, recorded by hand.
 */
const ARELLE: [string, string[], string[], string[]][] = [
  ['c11-example.xbrl', [], ['calc11e:inconsistentCalculationUsingTruncation'], ['xbrl.5.2.5.2:calcInconsistency']],
  ['c11-consistent.xbrl', [], [], []],
  ['c11-inconsistent.xbrl', ['calc11e:inconsistentCalculationUsingRounding'], ['calc11e:inconsistentCalculationUsingTruncation'], ['xbrl.5.2.5.2:calcInconsistency']],
  ['c11-truncation.xbrl', [], ['calc11e:inconsistentCalculationUsingTruncation'], ['xbrl.5.2.5.2:calcInconsistency']],
  ['c11-excess.xbrl', ['calc11e:excessDigits'], ['calc11e:excessDigits'], []],
  ['c11-dup-consistent.xbrl', [], [], []],
  ['c11-dup-inconsistent.xbrl', ['oime:disallowedDuplicateFacts'], ['calc11e:disallowedDuplicateFactsUsingTruncation'], []],
  ['c11-dup-samedecimals.xbrl', [], [], []],
  ['c11-dup-nil.xbrl', ['oime:disallowedDuplicateFacts'], ['calc11e:disallowedDuplicateFactsUsingTruncation'], []],
  [
    'c11-rels.xbrl',
    ['calc11e:duplicateCalculationRelationships', 'calc11e:inconsistentCalculationUsingRounding', 'calc11e:nonDecimalItemNode', 'xlink:dupArcs'],
    ['calc11e:duplicateCalculationRelationships', 'calc11e:inconsistentCalculationUsingTruncation', 'calc11e:nonDecimalItemNode', 'xlink:dupArcs'],
    ['xbrl.5.2.5.2:calcInconsistency', 'xlink:dupArcs'],
  ],
];

describe('Calculations 1.1 (codes as Arelle gives them)', () => {
  for (const [name, c11r, c11t, xbrl21] of ARELLE) {
    it(`${name}: c11r ${c11r.join(' ') || 'consistent'}`, () => expect(codes(name, 'c11r')).toEqual(c11r));
    it(`${name}: c11t ${c11t.join(' ') || 'consistent'}`, () => expect(codes(name, 'c11t')).toEqual(c11t));
    it(`${name}: xbrl21 ${xbrl21.join(' ') || 'consistent'}`, () => expect(codes(name, 'xbrl21')).toEqual(xbrl21));
  }

  it('1500 (decimals 0) = 1000 (decimals -2) + 501 (decimals 0): consistent only under c11r', () => {
    expect(codes('c11-example.xbrl', 'c11r')).toEqual([]);
    expect(codes('c11-example.xbrl', 'c11t')).toEqual(['calc11e:inconsistentCalculationUsingTruncation']);
    expect(codes('c11-example.xbrl', 'xbrl21')).toEqual(['xbrl.5.2.5.2:calcInconsistency']);
    expect(codes('c11-example.xbrl', 'none')).toEqual([]);
  });

  it('says where and what: the total, its interval and the items\' interval', () => {
    const { findings } = validateInstance(join(fixtures, 'c11-inconsistent.xbrl'), { calc: 'c11r', duplicates: 'none' });
    const f = findings.find((x) => x.code === 'calc11e:inconsistentCalculationUsingRounding')!;
    expect(f.line).toBe(8);
    expect(f.message).toContain('reported sum [1499.5, 1500.5], computed sum [1399, 1401]');
  });
});

describe('Calculations 1.1 intervals', () => {
  const D = (s: string) => new Decimal(s);
  it('round-to-nearest and truncation intervals', () => {
    const r = valueInterval(D('1000'), -2, false);
    expect([r.lo.toFixed(), r.hi.toFixed(), r.loIncl, r.hiIncl]).toEqual(['950', '1050', true, true]);
    const t = valueInterval(D('-12.3'), 1, true);
    expect([t.lo.toFixed(), t.hi.toFixed(), t.loIncl, t.hiIncl]).toEqual(['-12.4', '-12.3', false, true]);
    const z = valueInterval(D('0'), 0, true);
    expect([z.lo.toFixed(), z.hi.toFixed(), z.loIncl, z.hiIncl]).toEqual(['-1', '1', false, false]);
    const inf = valueInterval(D('5.5'), Infinity, false);
    expect([inf.lo.toFixed(), inf.hi.toFixed()]).toEqual(['5.5', '5.5']);
  });
  it('excess digits', () => {
    expect(hasExcessDigits(D('1234.5'), 0)).toBe(true);
    expect(hasExcessDigits(D('1234'), -2)).toBe(true);
    expect(hasExcessDigits(D('1200'), -2)).toBe(false);
    expect(hasExcessDigits(D('12345678901234567890123.5'), 1)).toBe(false);
    expect(hasExcessDigits(D('0'), -3)).toBe(false);
  });
});
