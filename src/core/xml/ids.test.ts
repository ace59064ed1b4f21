import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentIds } from './ids.js';

/** What a Set says: the ids written more than once, and membership. */
function expected(ids: readonly string[]): { repeated: string[]; all: Set<string> } {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return { repeated: [...counts].filter(([, n]) => n > 1).map(([id]) => id).sort(), all: new Set(ids) };
}

describe('DocumentIds', () => {
  const idLists = fc.array(fc.oneof(fc.constantFrom('f1', 'f2', 'c1', 'u1', 'f10', '日本', ''), fc.string({ maxLength: 6 })), { maxLength: 300 });

  for (const maxProbe of [64, 0, 1]) {
    it(`finds the repeated ids and answers membership as a Set does (longest probe ${maxProbe}${maxProbe < 2 ? ': falls back to a Set on the first collision' : ''})`, () => {
      fc.assert(
        fc.property(idLists, fc.array(fc.string({ maxLength: 6 }), { maxLength: 20 }), (list, probes) => {
          const ids = new DocumentIds(maxProbe);
          for (const id of list) ids.add(id);
          ids.seal();
          const want = expected(list);
          expect([...ids.repeated].sort()).toEqual(want.repeated);
          for (const p of [...probes, ...list]) expect(ids.has(p)).toBe(want.all.has(p));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('holds a hundred thousand distinct ids, and knows an id it was not given', () => {
    const ids = new DocumentIds();
    for (let i = 1; i <= 100_000; i++) ids.add(`f${i}`);
    ids.seal();
    expect(ids.repeated.size).toBe(0);
    expect(ids.has('f100000')).toBe(true);
    expect(ids.has('f100001')).toBe(false);
  });
});
