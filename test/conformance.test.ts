import { describe, expect, it } from 'vitest';
import { readBaseline, regressions, runSuite } from '../src/conformance/main.js';
import { suiteIndex } from '../src/conformance/suites.js';

/**
 * The conformance ratchet: when ../shared/conformance is there, every variation in the committed baseline
 * (test/conformance/<suite>.baseline.json) must still pass. Raise the baseline with
 * `npm run conformance -- --update-baseline`; it only grows.
 */
describe('conformance suites (ratchet)', () => {
  it.skipIf(!suiteIndex('xbrl21'))('XBRL 2.1: every baseline variation still passes, and at least 90% pass', () => {
    const run = runSuite('xbrl21')!;
    const baseline = readBaseline('xbrl21');
    expect(regressions(run, baseline)).toEqual([]);
    const passed = run.results.filter((r) => r.pass).length;
    expect(run.results).toHaveLength(548);
    expect(passed / run.results.length).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
