import { describe, expect, it } from 'vitest';
import { readBaseline, regressions, runSuite } from '../scripts/conformance/main.js';
import { suiteIndex } from '../scripts/conformance/suites.js';

/**
 * The conformance ratchet: when ../shared/conformance is there, every variation in the committed baseline
 * (test/conformance/<suite>.baseline.json) must still pass. Raise the baseline with
 * `npm run conformance -- --update-baseline`; it only grows.
 */
describe('conformance suites (ratchet)', () => {
  it.skipIf(!suiteIndex('xbrl21'))('XBRL 2.1: every baseline variation still passes, and at least 90% pass', async () => {
    const run = (await runSuite('xbrl21'))!;
    const baseline = readBaseline('xbrl21');
    expect(regressions(run, baseline)).toEqual([]);
    const passed = run.results.filter((r) => r.pass).length;
    expect(run.results).toHaveLength(548);
    expect(passed / run.results.length).toBeGreaterThanOrEqual(0.9);
  }, 300_000);

  it.skipIf(!suiteIndex('xdt'))('XBRL Dimensions 1.0: every baseline variation still passes, and at least 95% pass', async () => {
    const run = (await runSuite('xdt'))!;
    const baseline = readBaseline('xdt');
    expect(regressions(run, baseline)).toEqual([]);
    const passed = run.results.filter((r) => r.pass).length;
    expect(run.results).toHaveLength(337);
    expect(passed / run.results.length).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it.skipIf(!suiteIndex('utrRegistry'))('UTR registry: every baseline variation still passes, and all 69 pass', async () => {
    const run = (await runSuite('utrRegistry'))!;
    expect(regressions(run, readBaseline('utrRegistry'))).toEqual([]);
    expect(run.results).toHaveLength(69);
    expect(run.results.filter((r) => !r.pass).map((r) => r.key)).toEqual([]);
  }, 300_000);

  it.skipIf(!suiteIndex('utrStructure'))('UTR structure (with the suite\'s own UTR document): every baseline variation still passes, and all 20 pass', async () => {
    const run = (await runSuite('utrStructure'))!;
    expect(regressions(run, readBaseline('utrStructure'))).toEqual([]);
    expect(run.results).toHaveLength(20);
    expect(run.results.filter((r) => !r.pass).map((r) => r.key)).toEqual([]);
  }, 300_000);
});
