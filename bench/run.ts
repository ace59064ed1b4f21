/**
 * `npm run bench`: times kessan's readers, validator and writers on generated instances (bench/generate.ts) of
 * 10k and 100k facts (and 1M with --full), and the conversion of the example release. Every measurement is a
 * fresh child process (bench/step.ts), so each step's peak RSS is its own; each is repeated, in rounds of all the steps
 * of a size (so that the machine's drift weighs on them alike), and the median kept.
 *
 *     npm run bench [-- --full] [--sizes 10000,100000] [--repeat 3] [--seed 1] [--inconsistencies 10]
 *                   [--steps read-xbrl,validate-c11r,...] [--no-convert] [--no-serve] [--cpu-prof] [--json FILE]
 *                   [--facts-batch 100x10000] [--no-facts] [--arelle]
 *
 * `--sizes=` (empty) skips the per-size steps. Then `kessan facts` lists a batch of generated documents (by default
 * 100 of 10,000 facts: a million) to Parquet, in one process (bench/facts.ts). With validate-c11r, `kessan validate`
 * runs as a whole process on the 10k and 100k instances, and with --arelle Arelle validates the 100k one too.
 *
 * Output: a table (step, facts, seconds, facts/s, peak RSS MiB, whole-process seconds, runs, spread) and the
 * issue's targets marked met or missed; all numbers also go to bench/out/results.json. Data and outputs go to
 * bench/out/ (gitignored); generated data is kept and reused while the generator and its options are unchanged.
 * Last, unless --no-serve, bench/serve.ts measures `kessan serve` (requests per second, p95 latency).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBench, generateInline, type BenchFiles } from './generate.js';
import { STEPS, type Step, type StepResult } from './steps.js';
import { writeHtmlRelease } from './release-html.js';
import { factsBatch, runFactsParquet, type FactsRun } from './facts.js';
import { NODE_FLAGS } from '../src/app/node-flags.js';
import { ARELLE_VALIDATE, CLI_VALIDATE, fmt, median, table, thousands, verdicts, type Row } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url)); // dist/bench/run.js → the repository
const STEP_JS = fileURLToPath(new URL('./step.js', import.meta.url));
const CLI = join(ROOT, 'dist/cli/kessan.cjs'); // the bin: the bundled command line
const OUT = join(ROOT, 'bench/out');
const EXAMPLE = 'examples/iij-2q-fy2004.txt';
const TIME = '/usr/bin/time';
const ARELLE = join(ROOT, '../shared/referee/run-arelle');

function options() {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      repeat: { type: 'string' },
      seed: { type: 'string', default: '1' },
      inconsistencies: { type: 'string', default: '10' },
      steps: { type: 'string' },
      'no-convert': { type: 'boolean', default: false },
      'no-serve': { type: 'boolean', default: false },
      'facts-batch': { type: 'string', default: '100x10000' },
      'no-facts': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      arelle: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const sizes = values.sizes !== undefined ? values.sizes.split(',').filter(Boolean).map((s) => Number(s.replace(/_/g, ''))) : [10_000, 100_000, ...(values.full ? [1_000_000] : [])];
  const steps = (values.steps ? values.steps.split(',') : [...STEPS]) as Step[];
  for (const s of steps) if (!(STEPS as readonly string[]).includes(s)) throw new Error(`unknown step ${s}; steps: ${STEPS.join(', ')}`);
  return {
    sizes,
    steps,
    repeat: values.repeat ? Number(values.repeat) : undefined,
    seed: Number(values.seed),
    inconsistencies: Number(values.inconsistencies),
    convert: !values['no-convert'],
    serve: !values['no-serve'],
    factsBatch: values['no-facts'] ? undefined : parseBatch(values['facts-batch']),
    cpuProf: values['cpu-prof'],
    arelle: values.arelle,
    json: values.json ?? join(OUT, 'results.json'),
  };
}

/** `--facts-batch DOCSxFACTS`: how many documents of how many facts each `kessan facts` lists to Parquet. */
function parseBatch(text: string): { documents: number; perDocument: number } {
  const m = /^(\d+)x(\d+)$/.exec(text.replace(/_/g, ''));
  if (!m) throw new Error(`--facts-batch wants DOCUMENTSxFACTS (such as 100x10000), not ${text}`);
  return { documents: Number(m[1]), perDocument: Number(m[2]) };
}

function machine(): Record<string, string> {
  let cpu = cpus()[0]?.model ?? '?';
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) cpu = m[1];
  } catch {
    /* not Linux */
  }
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
  return {
    node: process.version,
    cpu,
    cpus: String(availableParallelism()),
    memory: `${gib(totalmem())} total, ${gib(freemem())} free`,
    load: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/** Runs one step in a fresh process; returns its result and the wall time of the whole process. */
function runStep(step: Step, input: string, output: string | undefined, profDir: string | undefined): StepResult & { processSeconds: number } {
  const flags = profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-name', `${step}-${Date.now()}.cpuprofile`] : [];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...NODE_FLAGS, ...flags, STEP_JS, step, input, ...(output ? [output] : [])], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const processSeconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`step ${step} on ${input} failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return { ...(JSON.parse(last) as StepResult), processSeconds };
}

/**
 * One whole process (start included): `kessan <args>` as the bin runs it (node with kessan's V8 options), or
 * `command` itself; peak RSS and CPU from GNU time when it is there. Exit codes other than `ok` throw.
 */
function runWhole(args: readonly string[], profDir: string | undefined, command?: string, ok: readonly number[] = [0, 1]): { seconds: number; maxRssMiB?: number; cpuSeconds?: number } {
  const flags = profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  const argv = command ? [command, ...args] : [process.execPath, ...NODE_FLAGS, ...flags, CLI, ...args];
  const timeFile = join(OUT, 'time.txt');
  const useTime = existsSync(TIME);
  const t0 = performance.now();
  const r = useTime ? spawnSync(TIME, ['-f', '%M %U %S', '-o', timeFile, ...argv], { cwd: ROOT, encoding: 'utf8' }) : spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status === null || !ok.includes(r.status)) throw new Error(`${argv.slice(0, 4).join(' ')} … failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  if (!useTime) return { seconds };
  const [kib, user, system] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { seconds, maxRssMiB: kib! / 1024, cpuSeconds: user! + system! };
}

/** `kessan convert` of the example release (or `input` with the IIJ profile); exit 1 means written, with findings about the input. */
function runConvert(output: string, profDir: string | undefined, input = EXAMPLE): { seconds: number; maxRssMiB?: number; cpuSeconds?: number } {
  return runWhole(['convert', input, '-o', output, ...(input === EXAMPLE ? [] : ['--profile', 'examples/iij.profile.json'])], profDir);
}

/** Arelle is runnable here: its launcher and its Python dependencies (../shared/referee/README.md). */
function arelleRunnable(): boolean {
  return existsSync(ARELLE) && spawnSync('/usr/bin/python3', ['-c', 'import lxml, isodate, regex'], { stdio: 'ignore' }).status === 0;
}

type Once = () => { seconds: number; cpuSeconds?: number; maxRssMiB?: number; processSeconds?: number; facts?: number; na?: boolean; detail?: Record<string, unknown> };

/**
 * Runs each of `steps` `runs` times, in rounds (every step once, then again...), and gives a row per step with the
 * medians. Interleaved, so that the machine's speed drifting over a minute (it does, on a shared 2-core machine)
 * weighs on every step alike and not on the steps that happened to run last: the targets compare steps.
 */
function measureRounds(steps: readonly { step: string; facts: number | undefined; once: Once }[], runs: number): Row[] {
  const results: ReturnType<Once>[][] = steps.map(() => []);
  const loads: number[][] = steps.map(() => []);
  const na = steps.map(() => false);
  for (let i = 0; i < runs; i++) {
    steps.forEach(({ once }, k) => {
      if (na[k]) return;
      loads[k]!.push(loadavg()[0]!);
      const r = once();
      if (r.na) na[k] = true;
      else results[k]!.push(r);
    });
    process.stderr.write('.');
  }
  return steps.map(({ step, facts }, k) => (na[k] ? { step, facts, na: true, runs: 0 } : summary(step, facts, runs, results[k]!, loads[k]!)));
}

function measure(step: string, facts: number | undefined, runs: number, once: Once): Row {
  return measureRounds([{ step, facts, once }], runs)[0]!;
}

function summary(step: string, facts: number | undefined, runs: number, results: ReturnType<Once>[], loads: number[]): Row {
  const secs = results.map((r) => r.seconds);
  const rss = results.flatMap((r) => (r.maxRssMiB !== undefined ? [r.maxRssMiB] : []));
  const proc = results.flatMap((r) => (r.processSeconds !== undefined ? [r.processSeconds] : []));
  const cpu = results.flatMap((r) => (r.cpuSeconds !== undefined ? [r.cpuSeconds] : []));
  return {
    step,
    facts: results[0]?.facts ?? facts,
    seconds: median(secs),
    minSeconds: Math.min(...secs),
    maxSeconds: Math.max(...secs),
    ...(cpu.length ? { cpuSeconds: median(cpu) } : {}),
    ...(rss.length ? { maxRssMiB: median(rss) } : {}),
    ...(proc.length ? { processSeconds: median(proc) } : {}),
    runs,
    ...(results[0]?.detail ? { detail: results[0].detail } : {}),
    load: median(loads),
  };
}

/** The checks that make the timings mean something: every fact read, and exactly the planted inconsistencies found. */
function sanity(files: BenchFiles, row: Row): string | undefined {
  if (row.na) return undefined;
  if (row.facts !== files.facts && !row.step.startsWith('write')) return `${row.step}: read ${row.facts} facts, expected ${files.facts}`;
  if (row.step === 'validate-c11r') {
    const expected = files.inconsistencies ? { 'inconsistency calc11e:inconsistentCalculationUsingRounding': files.inconsistencies } : {};
    if (JSON.stringify(row.detail?.findings) !== JSON.stringify(expected)) return `validate-c11r: findings ${JSON.stringify(row.detail?.findings)}, expected ${JSON.stringify(expected)}`;
  } else if (row.step.startsWith('read') && Object.keys((row.detail?.findings as object | undefined) ?? {}).length) {
    return `${row.step}: findings ${JSON.stringify(row.detail?.findings)}, expected none`;
  }
  return undefined;
}

async function main(): Promise<void> {
  const opts = options();
  if (!existsSync(CLI)) throw new Error(`${relative(ROOT, CLI)} is missing: build first (npm run bench does)`);
  mkdirSync(OUT, { recursive: true });
  const profDir = opts.cpuProf ? join(OUT, 'prof') : undefined;
  if (profDir) mkdirSync(profDir, { recursive: true });
  const info = machine();
  process.stderr.write(`node ${info.node}, ${info.cpu}, ${info.cpus} CPUs, ${info.memory}, load average ${info.load}\n`);

  const rows: Row[] = [];
  const warnings: string[] = [];
  const hasInline = existsSync(join(ROOT, 'dist/src/formats/ixbrl/read/index.js'));
  for (const size of opts.sizes) {
    const runs = opts.repeat ?? (size >= 1_000_000 ? 1 : 3);
    const dir = join(OUT, 'data', `n${size}-s${opts.seed}-k${opts.inconsistencies}`);
    const t0 = performance.now();
    const files = ensureBench(dir, { facts: size, seed: opts.seed, inconsistencies: opts.inconsistencies });
    const xhtml = join(dir, 'instance.xhtml');
    if (hasInline && opts.steps.includes('read-ixbrl') && !existsSync(xhtml)) generateInline(dir, { facts: size, seed: opts.seed, inconsistencies: opts.inconsistencies });
    process.stderr.write(
      `${thousands(files.facts)} facts, ${thousands(files.contexts)} contexts (${thousands(files.dimensionalContexts)} dimensional), ${(files.bytes / 2 ** 20).toFixed(1)} MiB: ${relative(ROOT, files.instance)} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
    const io: Record<Step, [string, string | undefined]> = {
      'read-xbrl': [files.instance, undefined],
      'validate-c11r': [files.instance, undefined],
      'write-xbrl': [files.instance, join(dir, 'written.xbrl')],
      'write-json': [files.instance, join(dir, 'written.json')],
      'read-json': [join(dir, 'written.json'), undefined],
      'read-ixbrl': [xhtml, undefined],
    };
    if (opts.steps.includes('write-json')) rmSync(io['write-json'][1]!, { force: true });
    // The steps in rounds (write-json before read-json in each: it reads what write-json wrote).
    process.stderr.write(`  ${opts.steps.join(', ')}, ${runs} round(s) `);
    const measured = measureRounds(
      opts.steps.map((step) => {
        const [input, output] = io[step];
        return {
          step,
          facts: files.facts,
          once: () => {
            const r = runStep(step, input, output, profDir);
            return { ...r, seconds: r.seconds ?? 0 };
          },
        };
      }),
      runs,
    );
    process.stderr.write('\n');
    for (const row of measured) {
      process.stderr.write(`  ${row.step} ${row.na ? 'n/a' : `${fmt(row.seconds, 3)} s, ${fmt(row.maxRssMiB, 0)} MiB`}\n`);
      const problem = sanity(files, row);
      if (problem) warnings.push(`${thousands(files.facts)} facts: ${problem}`);
      rows.push(row);
    }
    // The command a user runs, whole process: 10k facts must take < 0.3 s with start-up; at 100k, against Arelle.
    if (opts.steps.includes('validate-c11r') && (size === 10_000 || size === 100_000)) {
      process.stderr.write(`  ${CLI_VALIDATE(size)} `);
      const row = measure(CLI_VALIDATE(size), files.facts, size === 10_000 ? 7 : runs, () => runWhole(['validate', '--calc', 'c11r', files.instance], profDir));
      process.stderr.write(` ${fmt(row.seconds, 3)} s, ${fmt(row.maxRssMiB, 0)} MiB\n`);
      rows.push(row);
      if (size === 100_000 && opts.arelle) {
        if (!arelleRunnable()) throw new Error(`--arelle: Arelle is not runnable here (${relative(ROOT, ARELLE)}, see its README)`);
        process.stderr.write(`  ${ARELLE_VALIDATE(size)} `);
        // Exit 3: Arelle found the planted inconsistencies (--validationExitCode is not given, so 0 is expected).
        const arelle = measure(ARELLE_VALIDATE(size), files.facts, 1, () => runWhole(['-f', files.instance, '-v', '--calc=c11r'], undefined, ARELLE, [0, 3]));
        process.stderr.write(` ${fmt(arelle.seconds, 3)} s, ${fmt(arelle.maxRssMiB, 0)} MiB\n`);
        rows.push(arelle);
      }
    }
  }
  if (opts.convert) {
    process.stderr.write('  convert ');
    const row = measure('convert example', 694, 5, () => runConvert(join(OUT, 'iij-2q-fy2004.xbrl'), profDir));
    process.stderr.write(` ${fmt(row.seconds, 3)} s\n`);
    rows.push(row);
    // A 1 MB HTML release (word-processor layout), read with the IIJ profile: its rows are unknown, so every
    // figure is reported (exit 1) — the reader's whole path, HTML parse to coverage.
    const html = join(OUT, 'release-1mb.htm');
    const made = writeHtmlRelease(html, 1024 * 1024);
    process.stderr.write(`  convert html release (${(made.bytes / 1048576).toFixed(2)} MB, ${thousands(made.figures)} figures) `);
    const big = measure('convert html 1MB', made.figures, 3, () => runConvert(join(OUT, 'release-1mb.xbrl'), profDir, relative(ROOT, html)));
    process.stderr.write(` ${fmt(big.seconds, 3)} s\n`);
    rows.push(big);
  }

  if (opts.factsBatch) {
    const batch = factsBatch(OUT, opts.factsBatch.documents, opts.factsBatch.perDocument, opts.seed);
    const step = `facts parquet ${batch.documents}×${thousands(batch.facts / batch.documents)}`;
    process.stderr.write(`  ${step} (${thousands(batch.facts)} facts, ${(batch.bytes / 2 ** 20).toFixed(0)} MiB of XBRL) `);
    const runs: FactsRun[] = [];
    const loads: number[] = [];
    for (let i = 0; i < (opts.repeat ?? 1); i++) {
      loads.push(loadavg()[0]!);
      runs.push(await runFactsParquet(CLI, ROOT, batch, join(OUT, 'facts.parquet'), TIME, join(OUT, 'time.txt')));
      process.stderr.write('.');
    }
    const secs = runs.map((r) => r.seconds);
    const row: Row = { step, facts: runs[0]!.facts, seconds: median(secs), minSeconds: Math.min(...secs), maxSeconds: Math.max(...secs), runs: runs.length, detail: runs[0]!.detail, load: median(loads), ...(runs[0]!.maxRssMiB !== undefined ? { maxRssMiB: median(runs.map((r) => r.maxRssMiB!)), cpuSeconds: median(runs.map((r) => r.cpuSeconds!)) } : {}) };
    process.stderr.write(` ${fmt(row.seconds, 3)} s, ${fmt(row.maxRssMiB, 0)} MiB\n`);
    if (row.facts !== batch.facts) warnings.push(`${step}: ${row.facts} rows in the Parquet file, expected ${batch.facts}`);
    rows.push(row);
  }

  const end = machine();
  process.stdout.write(`\n${table(rows)}\n\n`);
  process.stdout.write('seconds: median of the runs, the step alone (module loading excluded; writers: after reading the input); convert: the whole process.\n');
  process.stdout.write('cpu s: CPU time (user + system) of the same span, median. process s: the whole child process. peak RSS: the whole child process (maxRSS), median of the runs. load: 1-min load average before each run.\n');
  process.stdout.write(`load average at start ${info.load}, at end ${end.load}\n\n`);
  for (const v of verdicts(rows)) process.stdout.write(`${v}\n`);
  for (const w of warnings) process.stdout.write(`WARNING ${w}\n`);
  writeFileSync(opts.json, `${JSON.stringify({ date: new Date().toISOString(), machine: info, machineAtEnd: end, options: opts, rows, warnings }, null, 2)}\n`);
  process.stdout.write(`\n(results: ${relative(ROOT, opts.json)}${profDir ? `; CPU profiles: ${relative(ROOT, profDir)}` : ''})\n`);
  // The service's throughput (bench/serve.ts), in its own process: it starts a server of its own.
  if (opts.serve) {
    process.stdout.write('\nkessan serve (bench/serve.ts; alone: npm run bench:serve):\n');
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('./serve.js', import.meta.url))], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`bench/serve.js failed (exit ${r.status ?? r.signal})`);
  }
}

await main();
