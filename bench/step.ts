/**
 * One benchmark step, run in a fresh process by bench/run.ts so that its peak RSS is its own:
 *
 *     node dist/bench/step.js <step> <input> [<output>]
 *
 * Prints one JSON line: { step, facts, seconds (the step's own work, after module loading), maxRssMiB (the
 * whole process's peak), detail }. Steps that need a report in memory first (the writers) read it before the
 * clock starts; their RSS includes that report.
 *
 * The xBRL-JSON and Inline XBRL modules are imported dynamically, by path, so this file compiles (and the
 * other steps run) before they exist; a missing module prints { "na": true }.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../src/core/model/finding.js';
import type { Report } from '../src/core/model/report.js';
import { readInstanceFile } from '../src/formats/xbrl/read/read.js';
import { validateInstance } from '../src/app/validate.js';
import { xbrlPieces } from '../src/formats/xbrl/write/index.js';
import { writeFileAtomic } from '../src/app/write-file.js';
import { STEPS, type Step, type StepResult } from './steps.js';

/** The compiled module at `relative` (from dist/bench/), or undefined when it doesn't exist (yet). */
async function optionalModule(relative: string): Promise<Record<string, unknown> | undefined> {
  const url = new URL(relative, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  return (await import(url.href)) as Record<string, unknown>;
}

function fn<T>(mod: Record<string, unknown> | undefined, name: string): T | undefined {
  const f = mod?.[name];
  return typeof f === 'function' ? (f as T) : undefined;
}

const countBy = (findings: readonly Finding[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const f of findings) out[`${f.severity} ${f.code}`] = (out[`${f.severity} ${f.code}`] ?? 0) + 1;
  return out;
};

/** Wall and CPU seconds of one call, measured the same way for every step. */
function timed<T>(f: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = f();
  const seconds = (performance.now() - t0) / 1000;
  const d = process.cpuUsage(c0);
  return { value, seconds, cpuSeconds: (d.user + d.system) / 1e6 };
}

/** A reading step's result: facts read, and the findings by code. */
function readResult(step: Step, r: { value: Report; seconds: number; cpuSeconds: number }, findings = r.value.findings): Omit<StepResult, 'maxRssMiB'> {
  return { step, facts: r.value.facts.length, seconds: r.seconds, cpuSeconds: r.cpuSeconds, detail: { findings: countBy(findings) } };
}

/**
 * A writing step's result: the input is read first (not timed), then writing and saving are timed, as `kessan
 * convert` saves (the text's pieces written to a new file as they are made).
 */
async function writeResult(step: Step, input: string, output: string, write: (r: Report) => Iterable<string>): Promise<Omit<StepResult, 'maxRssMiB'>> {
  const report = readInstanceFile(input);
  // The last run's output is removed first, untimed: replacing it made the kernel free its pages (300 MB at 1M
  // facts) inside the timed span, ~0.3 s that varied from run to run and has nothing to do with the writer.
  rmSync(output, { force: true });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await writeFileAtomic(output, { pieces: write(report) });
  const seconds = (performance.now() - t0) / 1000;
  const d = process.cpuUsage(c0);
  return { step, facts: report.facts.length, seconds, cpuSeconds: (d.user + d.system) / 1e6, detail: { bytes: statSync(output).size } };
}

async function run(step: Step, input: string, output: string | undefined): Promise<Omit<StepResult, 'maxRssMiB'>> {
  switch (step) {
    case 'read-xbrl':
      return readResult(step, timed(() => readInstanceFile(input)));
    case 'validate-c11r': {
      const r = timed(() => validateInstance(input, { calc: 'c11r' }));
      return readResult(step, { ...r, value: r.value.report }, r.value.findings);
    }
    case 'write-xbrl':
      return writeResult(step, input, output!, (report) => xbrlPieces(report));
    case 'write-json': {
      const write = fn<(r: Report) => Iterable<string>>(await optionalModule('../src/formats/json/write/index.js'), 'xbrlJsonPieces');
      if (!write) return { step, na: true };
      return writeResult(step, input, output!, write);
    }
    case 'read-json': {
      const read = fn<(path: string) => Report>(await optionalModule('../src/formats/json/read/index.js'), 'readXbrlJsonFile');
      if (!read || !existsSync(input)) return { step, na: true };
      return readResult(step, timed(() => read(input)));
    }
    case 'read-ixbrl': {
      const read = fn<(path: string) => Report>(await optionalModule('../src/formats/ixbrl/read/index.js'), 'readInlineFile');
      if (!read) return { step, na: true };
      return readResult(step, timed(() => read(input)));
    }
  }
}

async function main(): Promise<void> {
  const [step, input, output] = process.argv.slice(2);
  if (!step || !input || !(STEPS as readonly string[]).includes(step)) {
    process.stderr.write(`usage: node dist/bench/step.js <${STEPS.join('|')}> <input> [<output>]\n`);
    process.exit(2);
  }
  const result = await run(step as Step, input, output);
  // maxRSS is in KiB (libuv's ru_maxrss).
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMiB })}\n`);
}

await main();
