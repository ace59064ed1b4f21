import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childProcess, commandArgs, inProcess, runThroughCli, suiteVariations, type CliVariation } from '../scripts/conformance/cli.js';
import { runSuite } from '../scripts/conformance/main.js';
import { suiteIndex, type SuiteId } from '../scripts/conformance/suites.js';
import { ROOT } from './support/example.js';

/**
 * The command line against the conformance suites, judged only by what a user sees: `kessan validate <entry>
 * --calc xbrl21 --utr off` (the UTR suites with their registry document) exits 0 for a valid variation and 1 for
 * an invalid one, printing one of the expected codes. Every variation runs through the command line's own entry
 * (runCli) in this process, and a sample through the built CLI as a child process; the passing variations must
 * be exactly those of `npm run conformance` (the library runner), so the two cannot drift apart.
 */
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const SUITES: [SuiteId, number][] = [['xbrl21', 548], ['xdt', 337], ['utrRegistry', 69], ['utrStructure', 20]];

const passing = (results: readonly { key: string; pass: boolean }[]) => results.filter((r) => r.pass).map((r) => r.key).sort();

describe.each(SUITES)('conformance suite %s through kessan validate', (id, total) => {
  const cli = new Map<string, CliVariation>();

  it.skipIf(!suiteIndex(id))('every variation: the same passing variations as npm run conformance', async () => {
    const args = commandArgs(id);
    for (const v of suiteVariations(id)!) cli.set(v.key, await runThroughCli(v, args, inProcess));
    const library = (await runSuite(id))!;
    expect(cli.size).toBe(total);
    expect(passing([...cli.values()])).toEqual(passing(library.results));
    // Every verdict is an exit code of 0 or 1: nothing refused as unreadable, nothing crashed.
    expect([...cli.values()].filter((r) => r.exit !== 0 && r.exit !== 1)).toEqual([]);
  }, 300_000);

  it.skipIf(!suiteIndex(id) || !existsSync(CLI))('a sample through the built CLI as a child process: the same exit codes and verdicts', async () => {
    const variations = suiteVariations(id)!;
    // Ten spread over the suite, valid and invalid ones, with and without expected codes.
    const sample = variations.filter((_, i) => i % Math.ceil(variations.length / 10) === 0);
    expect(sample.length).toBeGreaterThanOrEqual(5);
    const args = commandArgs(id);
    for (const v of sample) {
      const real = await runThroughCli(v, args, childProcess);
      const here = cli.get(v.key) ?? (await runThroughCli(v, args, inProcess));
      expect(real, v.key).toEqual(here);
    }
  }, 300_000);
});
