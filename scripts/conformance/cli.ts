#!/usr/bin/env node
/**
 * The conformance suites run as a user of the command line would run them, independently of the conformance
 * runner's own verdicts: `kessan validate <entry> --calc xbrl21 --utr off` once per variation (the UTR suites with
 * `--utr <their registry document>`; every suite with `--allow-dir <its folder>`, since a variation's files
 * reference the suite's shared schemas), and a variation passes when the command exits 0 for a valid one and 1 for
 * an invalid one, with one of the expected codes printed as an error or inconsistency.
 *
 * `node dist/scripts/conformance/cli.js [--suite ID] [--process]`: in-process through runCli (the command line's
 * own entry, as bin/kessan runs it), or with --process as a child process of the built CLI per variation.
 * test/conformance-cli.test.ts runs every variation in-process and a sample through the real process.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../src/core/paths.js';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { readSuite, type Variation } from './suite.js';
import { conformanceDir, SUITES, suiteIndex, type SuiteId } from './suites.js';

export interface CliVariation {
  readonly key: string;
  readonly expected: 'valid' | 'invalid';
  readonly exit: number;
  readonly pass: boolean;
}

/** The command line's arguments for a suite's variation, after `validate <entry>`. */
export function commandArgs(id: SuiteId): string[] {
  const suite = SUITES[id];
  const utr = !('utr' in suite) ? 'off' : suite.utr.startsWith('taxonomy/') ? join(projectRoot(), suite.utr) : join(conformanceDir(), suite.utr);
  return ['--calc', 'xbrl21', '--utr', utr, '--allow-dir', join(conformanceDir(), suite.index.split('/')[0]!)];
}

/** One run of the command line: its exit code and what it printed. */
export type Runner = (argv: readonly string[]) => Promise<{ exit: number; out: string }>;

/** The command line in this process, through its own entry (runCli). */
export const inProcess: Runner = async (argv) => {
  const io = bufferIo();
  const exit = await runCli(argv, io);
  return { exit, out: io.out() + io.err() };
};

/** The built command line (dist/src/cli/main.js) as a child process. */
export const childProcess: Runner = async (argv) => {
  const r = spawnSync(process.execPath, [join(projectRoot(), 'dist', 'src', 'cli', 'main.js'), ...argv], { encoding: 'utf8', timeout: 120_000 });
  return { exit: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
};

/** The variations of a suite (undefined when the suite is not there). */
export function suiteVariations(id: SuiteId): readonly Variation[] | undefined {
  const index = suiteIndex(id);
  return index ? readSuite(index, SUITES[id].name).variations : undefined;
}

/** Runs one variation through the command line and judges it by its exit code and output alone. */
export async function runThroughCli(v: Variation, args: readonly string[], run: Runner): Promise<CliVariation> {
  const entry = v.inputs.find((i) => i.readMeFirst) ?? v.inputs[0];
  if (!entry) return { key: v.key, expected: v.expected, exit: -1, pass: false };
  const { exit, out } = await run(['validate', entry.file, ...args]);
  let pass = exit === (v.expected === 'valid' ? 0 : 1);
  if (v.errors.length) {
    // A finding line is `file:line:col: severity code message`; the code is matched by its local name.
    const printed = new Set([...out.matchAll(/(?:^|: )(?:error|inconsistency) (\S+) /gm)].map((m) => local(m[1]!)));
    pass &&= v.errors.some((e) => printed.has(local(e)));
  }
  return { key: v.key, expected: v.expected, exit, pass };
}

function local(code: string): string {
  return code.slice(code.lastIndexOf(':') + 1);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { suite: { type: 'string', multiple: true }, process: { type: 'boolean' } } });
  const run = values.process ? childProcess : inProcess;
  for (const id of (values.suite ?? Object.keys(SUITES)) as SuiteId[]) {
    const variations = suiteVariations(id);
    if (!variations) {
      process.stdout.write(`${SUITES[id].name}: suite not found; skipped\n`);
      continue;
    }
    const t0 = performance.now();
    const results: CliVariation[] = [];
    for (const v of variations) results.push(await runThroughCli(v, commandArgs(id), run));
    const passed = results.filter((r) => r.pass).length;
    process.stdout.write(`${SUITES[id].name}: ${passed} / ${results.length} through kessan validate (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
