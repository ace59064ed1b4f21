import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateGroups, type FactEntry } from './facts.js';

/** The sets as their definition says: entries with equal keys, more than one, in order of their first entry. */
function naiveGroups(entries: readonly FactEntry[], parent: boolean): FactEntry[][] {
  const byKey = new Map<string, FactEntry[]>();
  for (const e of entries) {
    const k = `${e.conceptNo}|${e.contextNo}|${e.unitNo}|${e.lang}|${parent ? e.parent : ''}`;
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  return [...byKey.values()].filter((g) => g.length > 1);
}

const entry = (small: boolean) =>
  fc.record({
    conceptNo: fc.integer({ min: 1, max: small ? 4 : 2_000 }),
    contextNo: fc.integer({ min: 1, max: small ? 4 : 3_000 }),
    unitNo: fc.integer({ min: 0, max: small ? 2 : 50 }),
    lang: fc.constantFrom('', '', '', 'en', 'ja'),
    parent: fc.constantFrom('', '', 't1'),
  });

describe('duplicateGroups', () => {
  // Few distinct keys (the array-indexed path, many sets) and a key space too large for an array (the Map path).
  for (const small of [true, false]) {
    it(`finds the same sets, in the same order, as grouping by the key text (${small ? 'small' : 'large'} key space)`, () => {
      fc.assert(
        fc.property(fc.array(entry(small), { maxLength: 60 }), fc.boolean(), (raw, parent) => {
          const entries = raw.map((r, i) => ({ ...r, fact: { id: `f${i}` } }) as unknown as FactEntry);
          expect(duplicateGroups(entries, parent)).toEqual(naiveGroups(entries, parent));
        }),
        { numRuns: 300 },
      );
    });
  }
});
