import { KessanError } from '../core/errors.js';
import { findingJson, formatFinding } from '../core/model/finding.js';
import { batchExitCode, failureOf, type Failure } from '../app/batch/failure.js';
import { BATCH_HELP, BATCH_OPTIONS, parseJobs, planBatch } from './batch-options.js';
import { defaultJobs, runPool } from '../app/batch/pool.js';
import { Progress, wantProgress } from './progress.js';
import { countFindings, type FileReport, type Totals, type ValidateResult } from '../app/batch/validate-one.js';
import { reportTrailer, validationReport } from '../app/report.js';
import type { CalcMode, DuplicatesMode } from '../validate/rule.js';
import type { Io } from './io.js';
import type { Command } from './run.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';

const USAGE = `Usage: kessan validate <file|folder>... [--format text|json|jsonl] [--calc MODE] [--duplicates MODE]
                       [--jobs N] [--profile P.json]

Validates XBRL 2.1 instances (.xbrl, .xml), Inline XBRL (.htm, .html, .xhtml) and xBRL-JSON (.json)
against XBRL 2.1 and their taxonomy (loaded offline: XBRL International's schemas from kessan's
catalog; anything else not local is reported once as unavailable and the checks that need it are
skipped). Release text (.txt, .md) is read with its filer profile and validated the same way.

Options:
      --format FORMAT      text: one line per finding "file:line:col severity code message", a line per
                           file when there are several ("file: N facts: N error(s), ..."), then a summary;
                           json: one report at the end (schemas/validation-report.schema.json);
                           jsonl: one line per file as it is done, shaped like the report's files[]
                           entries, then a last line {"kessan", "options", "summary"}
      --calc MODE          calculation checks: none | xbrl21 (XBRL 2.1) | c11r (Calculations 1.1
                           round-to-nearest, default) | c11t (Calculations 1.1 truncation)
      --duplicates MODE    which duplicate facts to report (arelle:duplicateFacts warnings): none |
                           inconsistent (default) | consistent | complete | all
  -p, --profile FILE       filer profile, for release text
  -h, --help               this help

${BATCH_HELP}
${LIMITS_HELP}
Exit: 0 no errors; 1 errors found (a file that cannot be read is an error finding of that file, and
      the others are still validated); 2 usage error, or no file could be read and one was
      unreadable (missing, not a format kessan reads, an empty folder).
`;

const CALC = ['none', 'xbrl21', 'c11r', 'c11t'];
const DUPLICATES = ['none', 'inconsistent', 'consistent', 'complete', 'all'];
const FORMATS = ['text', 'json', 'jsonl'];

const counts = (t: Totals) => `${t.errors} error(s), ${t.warnings} warning(s), ${t.inconsistencies} inconsistenc${t.inconsistencies === 1 ? 'y' : 'ies'}`;

function totalsLine(files: number, facts: number, t: Totals): string {
  return `${files} file(s), ${facts} facts: ${counts(t)}`;
}

function fileLine(r: FileReport): string {
  return `${r.file}: ${r.facts} facts: ${counts(countFindings(r.findings))} (${r.ms} ms)`;
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const limits = applyLimitOptions(values);
  if (!positionals.length) throw new KessanError('kessan:usage', `validate needs at least one file\n\n${USAGE}`, {}, 2);
  const format = (values.format as string | undefined) ?? 'text';
  if (!FORMATS.includes(format)) throw new KessanError('kessan:usage', `--format must be text, json or jsonl, not "${format}"`, {}, 2);
  const calc = (values.calc as string | undefined) ?? 'c11r';
  if (!CALC.includes(calc)) throw new KessanError('kessan:usage', `--calc must be one of ${CALC.join(', ')}`, {}, 2);
  const duplicates = (values.duplicates as string | undefined) ?? 'inconsistent';
  if (!DUPLICATES.includes(duplicates)) throw new KessanError('kessan:usage', `--duplicates must be one of ${DUPLICATES.join(', ')}`, {}, 2);
  const jobs = parseJobs(values.jobs);
  const options = { calc: calc as CalcMode, duplicates: duplicates as DuplicatesMode, ...(values.profile ? { profile: values.profile as string } : {}) };
  const { files, weights, failures } = planBatch(positionals);
  const folders = failures.length;
  const progress = new Progress(io.stderr, files.length, { enabled: files.length > 0 && wantProgress(values, io.stderr) });
  for (const f of failures) progress.print(io.stderr, `kessan validate: ${formatFinding(f.finding)}\n`);
  const reports: FileReport[] = new Array<FileReport>(files.length);
  const totals = countFindings([]);
  const several = files.length > 1;
  const onResult = (r: ValidateResult, index: number) => {
    reports[index] = r.report;
    countFindings(r.report.findings, totals);
    if (r.failure) failures.push(r.failure);
    if (format === 'text') {
      const lines = r.report.findings.map((f) => `${formatFinding(f)}\n`);
      if (several) lines.push(`${fileLine(r.report)}\n`);
      progress.print(io.stdout, lines);
    } else if (format === 'jsonl') progress.print(io.stdout, `${JSON.stringify(r.report)}\n`);
    progress.fileDone(r.report.facts);
  };
  try {
    const ran = await runPool(files, {
      spec: { kind: 'validate', options, limits },
      jobs: jobs ?? defaultJobs(files.length),
      weights,
      crashed: (file, message) => crashedResult(file, message),
      onResult,
    });
    if (process.env.KESSAN_DEBUG) progress.print(io.stderr, `kessan validate: ${files.length} file(s) ${ran.mode === 'workers' ? `on ${ran.threads} worker threads` : 'in-process'}\n`);
  } finally {
    progress.finish();
  }
  const done = reports.filter(Boolean);
  const summary = { files: done.length, ...totals };
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(validationReport(done, options, totals), null, 2)}\n`);
  } else if (format === 'jsonl') {
    io.stdout.write(`${JSON.stringify(reportTrailer(options, summary))}\n`);
  } else {
    io.stdout.write(`${totalsLine(done.length, done.reduce((a, v) => a + v.facts, 0), totals)}\n`);
  }
  const total = files.length + folders;
  const batch = batchExitCode(failures, total);
  return batch === 2 ? 2 : batch === 1 || totals.errors ? 1 : 0;
}

function crashedResult(file: string, message: string): ValidateResult {
  const failure: Failure = failureOf(new Error(message), file);
  return { report: { file, format: 'xbrl', valid: false, facts: 0, ms: 0, findings: [findingJson(failure.finding)] }, failure };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate XBRL instances (or release text) and list findings',
  usage: USAGE,
  options: {
    ...LIMIT_OPTIONS,
    ...BATCH_OPTIONS,
    format: { type: 'string' },
    calc: { type: 'string' },
    duplicates: { type: 'string' },
    profile: { type: 'string', short: 'p' },
  },
  run,
};
