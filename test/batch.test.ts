/**
 * Batches over ../shared/corpus: `kessan facts|validate <folder|files…> --jobs 2` through the built CLI (worker
 * threads) against one-by-one runs in-process. The CLI cases skip when dist/ is not built (CI builds it in
 * `npm ci`; locally run `npm run build`), the corpus cases when ../shared is not beside the project.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../src/app/batch/files.js';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { compileSchema } from '../src/core/schemas.js';
import { ROOT } from './support/example.js';
import { CLI } from './support/cli.js';
import { CORPUS_FACTS } from './support/corpus.js';
import { SHARED } from './support/example.js';

const CORPUS = join(SHARED, 'corpus');
const HAVE_CORPUS = existsSync(CORPUS);
const HAVE_CLI = existsSync(CLI) && existsSync(join(ROOT, 'dist', 'cli', 'batch-worker.js'));

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** The built CLI in a child process (so --jobs 2 really starts worker processes). */
function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, KESSAN_DEBUG: '1' }, maxBuffer: 1 << 28 }, (error, out, err) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? -1) : 0, out, err });
    });
  });
}

const FACTS = CORPUS_FACTS;

/** A folder with two valid instances (one fact each), their schema, and an instance that is not well-formed XML. */
function withBadFile(): { dir: string; bad: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-batch-'));
  const hostile = join(ROOT, 'test', 'hostile', 'files');
  for (const name of ['a.xbrl', 'c.xbrl']) copyFileSync(join(hostile, 'valid.xbrl'), join(dir, name));
  copyFileSync(join(hostile, 'hostile.xsd'), join(dir, 'hostile.xsd'));
  const bad = join(dir, 'b.xbrl');
  writeFileSync(bad, '<?xml version="1.0"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">\n<a></b>\n</xbrli:xbrl>\n');
  return { dir, bad };
}

type FileEntry = { file: string; format: string; valid: boolean; facts: number; ms: number; findings: { code: string; severity: string }[] };

describe('kessan validate, many files', () => {
  it('prints each file\'s findings and a line per file, validates the rest past a bad file, exits 1', async () => {
    const { dir, bad } = withBadFile();
    const r = await run('validate', dir, '--jobs', '2');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toContain(`${bad}: 0 facts: 1 error(s), 0 warning(s), 0 inconsistencies (0 ms)`);
    expect(lines.filter((l) => /[ac]\.xbrl: 1 facts: 0 error\(s\), 0 warning\(s\), 0 inconsistencies \(\d+ ms\)$/.test(l))).toHaveLength(2);
    expect(r.out).toMatch(/b\.xbrl:3:\d+: error kessan:xmlNotWellFormed/);
    expect(lines.at(-1)).toBe('3 file(s), 2 facts: 1 error(s), 0 warning(s), 0 inconsistencies');
    expect(r.err).toBe('');
    const progress = await run('validate', dir, '--progress');
    // Asked for where stderr is not a terminal: plain lines, never an escape code (a CI log stays readable).
    expect(progress.err).toMatch(/^\[[= ]+\] 0\/3 files.*\n\[=+\] 3\/3 files, 2 facts, /);
    expect(progress.err).not.toMatch(/[\r\x1b]/);
    const timeless = (text: string) => text.replace(/\(\d+ ms\)/g, '(ms)');
    expect(timeless(progress.out)).toBe(timeless(r.out));
  });

  it('prints JSON lines: one per file in the shape of the report\'s files[], then the summary', async () => {
    const { dir } = withBadFile();
    const lines = (await run('validate', dir, '--format', 'jsonl')).out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    const last = lines.pop()!;
    const report = { ...last, files: lines };
    const check = compileSchema('validation-report.schema.json');
    expect(check(report), JSON.stringify(check.errors)).toBe(true);
    expect(last.summary).toEqual({ files: 3, errors: 1, warnings: 0, inconsistencies: 0, info: 0 });
  });
});

describe.skipIf(!HAVE_CORPUS)('batches over ../shared/corpus', () => {
  it.skipIf(!HAVE_CLI)('facts --jobs 2 (worker processes) lists exactly the facts of one-by-one runs, each file\'s rows together', async () => {
    // The child process runs while the one-by-one runs go on here.
    const running = cli(['facts', CORPUS, '--format', 'jsonl', '--jobs', '2']);
    const entries = expandInputs([CORPUS]).files;
    const single: string[] = [];
    const entryOf = new Map<string, number>();
    const counts: Record<string, number> = {};
    for (const [i, file] of entries.entries()) {
      const r = await run('facts', file, '--format', 'jsonl');
      expect(r.code, r.err).toBe(0);
      const rows = r.out.split('\n').filter(Boolean);
      counts[relative(CORPUS, file)] = rows.length;
      for (const row of rows) entryOf.set((JSON.parse(row) as { document: string }).document, i);
      single.push(...rows);
    }
    expect(counts).toEqual(FACTS);
    const batch = await running;
    expect(batch.code, batch.err).toBe(0);
    expect(batch.err).toMatch(/kessan facts: 15 file\(s\) on 2 worker processes/);
    const rows = batch.out.split('\n').filter(Boolean);
    expect(rows).toHaveLength(9482);
    expect([...rows].sort()).toEqual(single.sort());
    // Rows of one document (set) come together: the entries appear as 15 runs.
    const seq = rows.map((row) => entryOf.get((JSON.parse(row) as { document: string }).document));
    const runs = seq.filter((e, i) => i === 0 || e !== seq[i - 1]);
    expect(runs).toHaveLength(15);
    expect(new Set(runs).size).toBe(15);
  }, 120_000);

  it.skipIf(!HAVE_CLI)('validate --jobs 2 (worker processes) finds per file what a sequential run finds, past a bad file', async () => {
    const { dir } = withBadFile();
    const files = [
      'sec-nflx-10q-2010q3-xml/nflx-20100930.xml',
      'sec-aapl-10q-2025q2-ixbrl/aapl-20250329.htm',
      'tdnet-toyota-tanshin-2013-03-us-xml/us-cons-2013-q4.xbrl',
      'tdnet-toyota-tanshin-2014-03-us-ixbrl/us-cons-2014-q4.htm',
      'uk-ch-07713141-2016-ukgaap/GB-COH-07713141-2016-09-30.html',
      'uk-ch-10087608-2018-frs102/GB-COH-10087608-2018-03-31.html',
    ].map((f) => join(CORPUS, f));
    const running = cli(['validate', ...files, dir, '--format', 'jsonl', '--jobs', '2']);
    const sequential = await run('validate', ...files, dir, '--format', 'json', '--jobs', '1');
    const parallel = await running;
    expect(parallel.err).toMatch(/kessan validate: 9 file\(s\) on 2 worker processes/);
    expect(parallel.code).toBe(1);
    expect(sequential.code).toBe(1);
    const lines = parallel.out.trimEnd().split('\n').map((l) => JSON.parse(l) as FileEntry & { summary?: unknown });
    const summary = lines.pop()!;
    const report = JSON.parse(sequential.out) as { files: FileEntry[]; summary: unknown };
    expect(summary.summary).toEqual(report.summary);
    const byFile = (list: FileEntry[]) => Object.fromEntries(list.map(({ ms: _ms, ...rest }) => [rest.file, rest]));
    expect(byFile(lines)).toEqual(byFile(report.files));
    expect(report.files).toHaveLength(9);
    expect(report.files.find((f) => f.file.endsWith('b.xbrl'))!.findings.map((f) => f.code)).toEqual(['kessan:xmlNotWellFormed']);
    // Its base taxonomies (us-gaap 2009) are not available offline: its facts were not all checked, so it does not pass.
    expect(report.files.find((f) => f.file.endsWith('nflx-20100930.xml'))).toMatchObject({ valid: false, facts: 303, unchecked: { facts: 261, missing: [] } });
  }, 120_000);
});
