import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateInstance } from '../../app/validate.js';
import type { DuplicatesMode } from '../rule.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The concepts of the arelle:duplicateFacts warnings kessan gives, in order. */
function reported(name: string, duplicates: DuplicatesMode): string[] {
  const { findings } = validateInstance(join(fixtures, name), { calc: 'none', duplicates });
  expect(findings.filter((f) => f.severity === 'error' || f.severity === 'inconsistency')).toEqual([]);
  return findings.filter((f) => f.code === 'arelle:duplicateFacts').map((f) => /duplicate\(s\) (\S+):/.exec(f.message)?.[1] ?? '?');
}

/**
 * [fixture, the sets reported with --duplicates inconsistent, consistent, complete, all]: what Arelle 2.44.4
 * (`run-arelle -v --calc=none --validateDuplicateFacts=MODE`) reported, recorded by hand.
 */
const ARELLE: [string, string[], string[], string[], string[]][] = [
  ['dup-none.xbrl', [], [], [], []],
  ['dup-tuple.xbrl', [], [], [], []],
  ['dup-inconsistent.xbrl', ['d:Cash', 'd:Note'], [], [], ['d:Cash', 'd:Note']],
  ['dup-consistent.xbrl', [], ['d:Cash'], [], ['d:Cash']],
  ['dup-complete.xbrl', [], ['d:Cash', 'd:Note'], ['d:Cash', 'd:Note'], ['d:Cash', 'd:Note']],
];

describe('duplicate facts (arelle:duplicateFacts, as Arelle reports them)', () => {
  for (const [name, inconsistent, consistent, complete, all] of ARELLE) {
    it(name, () => {
      expect(reported(name, 'inconsistent')).toEqual(inconsistent);
      expect(reported(name, 'consistent')).toEqual(consistent);
      expect(reported(name, 'complete')).toEqual(complete);
      expect(reported(name, 'all')).toEqual(all);
      expect(reported(name, 'none')).toEqual([]);
    });
  }

  it('says which facts, where, and what kind of set', () => {
    const { findings } = validateInstance(join(fixtures, 'dup-inconsistent.xbrl'), { calc: 'none' });
    const f = findings.find((x) => x.code === 'arelle:duplicateFacts')!;
    expect(f).toMatchObject({ severity: 'warning', line: 11 });
    expect(f.factIds).toHaveLength(2);
    expect(f.message).toBe('Duplicate fact set with inconsistent duplicate(s) d:Cash: 100, 200, I, I2 (the set is inconsistent).');
  });
});
