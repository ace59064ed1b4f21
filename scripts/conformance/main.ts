#!/usr/bin/env node
/**
 * `npm run conformance [-- --suite xbrl21] [--filter TEXT] [--check] [--update-baseline] [--failures]`
 * Runs XBRL International's conformance suites, prints a table per testcase group and the total, writes the
 * result of every variation to out/conformance/<suite>.json. `--check` fails (exit 1) when a variation in the
 * committed baseline (test/conformance/<suite>.baseline.json) no longer passes: a ratchet. `--update-baseline`
 * writes the passing set, refusing to drop any variation the baseline had.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../src/core/paths.js';
import { runVariation, type VariationResult } from './run.js';
import { readSuite } from './suite.js';
import { baselineFile, SUITES, suiteArgs, suiteIndex, type SuiteId } from './suites.js';

export interface SuiteRun {
  readonly suite: SuiteId;
  readonly results: readonly VariationResult[];
  readonly groups: ReadonlyMap<string, { total: number; passed: number }>;
}

export async function runSuite(id: SuiteId, filter?: string): Promise<SuiteRun | undefined> {
  const index = suiteIndex(id);
  if (!index) return undefined;
  const suite = readSuite(index, SUITES[id].name);
  const results: VariationResult[] = [];
  const groups = new Map<string, { total: number; passed: number }>();
  const args = suiteArgs(id);
  for (const v of suite.variations) {
    if (filter && !v.key.includes(filter)) continue;
    const r = await runVariation(v, args);
    results.push(r);
    const g = groups.get(v.group) ?? { total: 0, passed: 0 };
    g.total++;
    if (r.pass) g.passed++;
    groups.set(v.group, g);
  }
  return { suite: id, results, groups };
}

export function readBaseline(id: SuiteId): string[] {
  try {
    return JSON.parse(readFileSync(baselineFile(id), 'utf8')) as string[];
  } catch {
    return [];
  }
}

/** Baseline variations that no longer pass. */
export function regressions(run: SuiteRun, baseline: readonly string[]): string[] {
  const passing = new Set(run.results.filter((r) => r.pass).map((r) => r.key));
  const ran = new Set(run.results.map((r) => r.key));
  return baseline.filter((k) => ran.has(k) && !passing.has(k));
}

function table(run: SuiteRun): string {
  const rows = [...run.groups].map(([g, c]) => `${g.padEnd(40)} ${String(c.passed).padStart(5)} / ${String(c.total).padEnd(5)} ${pct(c.passed, c.total)}`);
  const total = [...run.groups.values()].reduce((a, c) => ({ total: a.total + c.total, passed: a.passed + c.passed }), { total: 0, passed: 0 });
  return [`${SUITES[run.suite].name}: group${' '.repeat(31 - SUITES[run.suite].name.length)} passed / total`, ...rows, `${'TOTAL'.padEnd(40)} ${String(total.passed).padStart(5)} / ${String(total.total).padEnd(5)} ${pct(total.passed, total.total)}`].join('\n');
}

function pct(a: number, b: number): string {
  return b ? `${((100 * a) / b).toFixed(1)}%` : '-';
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      suite: { type: 'string', multiple: true },
      filter: { type: 'string' },
      check: { type: 'boolean' },
      'update-baseline': { type: 'boolean' },
      failures: { type: 'boolean' },
    },
  });
  const ids = (values.suite ?? Object.keys(SUITES)) as SuiteId[];
  let status = 0;
  for (const id of ids) {
    if (!(id in SUITES)) {
      process.stderr.write(`unknown suite ${id} (known: ${Object.keys(SUITES).join(', ')})\n`);
      return 2;
    }
    const t0 = performance.now();
    const run = await runSuite(id, values.filter);
    if (!run) {
      process.stdout.write(`${SUITES[id].name}: suite not found (looked in ${suiteIndex(id) ?? 'the conformance folder'}); skipped\n`);
      continue;
    }
    process.stdout.write(`${table(run)}\n(${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    const out = join(projectRoot(), 'out', 'conformance', `${id}.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(run.results, null, 1)}\n`);
    process.stdout.write(`results: ${out}\n`);
    if (values.failures) {
      for (const r of run.results.filter((x) => !x.pass)) process.stdout.write(`FAIL ${r.key} expected ${r.expected} got ${r.actual} ${r.codes.join(' ')}\n${r.findings.map((f) => `     ${f}`).join('\n')}${r.findings.length ? '\n' : ''}`);
    }
    const baseline = readBaseline(id);
    const lost = regressions(run, baseline);
    if (values.check && lost.length) {
      process.stdout.write(`${lost.length} variation(s) of the baseline no longer pass:\n${lost.map((k) => `  ${k}`).join('\n')}\n`);
      status = 1;
    }
    if (values['update-baseline']) {
      if (values.filter) {
        process.stderr.write('--update-baseline needs the whole suite (no --filter)\n');
        return 2;
      }
      if (lost.length) {
        process.stderr.write(`refusing to update the baseline: ${lost.length} of its variations fail now\n`);
        return 1;
      }
      const passing = run.results.filter((r) => r.pass).map((r) => r.key).sort();
      mkdirSync(dirname(baselineFile(id)), { recursive: true });
      writeFileSync(baselineFile(id), `${JSON.stringify(passing, null, 1)}\n`);
      process.stdout.write(`baseline: ${passing.length} passing variations (was ${baseline.length})\n`);
    }
  }
  return status;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
