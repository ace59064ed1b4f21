import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KessanError } from '../core/errors.js';
import type { Limits } from '../core/limits.js';
import { findingJson, formatFinding } from '../core/model/finding.js';
import { batchExitCode, failureOf, type Failure } from '../app/batch/failure.js';
import { BATCH_HELP, BATCH_OPTIONS, parseJobs, planBatch } from './batch-options.js';
import { defaultJobs, runPool } from '../app/batch/pool.js';
import { Progress, wantProgress } from './progress.js';
import { countFindings, type FileReport, type Totals, type ValidateOneOptions, type ValidateResult } from '../app/batch/validate-one.js';
import { junitXml } from '../app/junit.js';
import { reportedOptions, reportSummary, reportTrailer, validationReport, type Summary } from '../app/report.js';
import { sarifLog } from '../app/sarif.js';
import { DEFAULT_FAIL_ON, FAIL_ON, validationExitCode, type FailOn } from '../app/verdict.js';
import type { CalcMode, DuplicatesMode } from '../validate/rule.js';
import type { Io } from './io.js';
import type { Command } from './run.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';

const USAGE = `Usage: kessan validate <file|folder>... [--format text|json|jsonl|sarif|junit] [--calc MODE]
                       [--duplicates MODE] [--utr on|off|FILE] [--fail-on LEVEL]
                       [--allow-unavailable-taxonomy] [--jobs N] [--profile P.json]

Validates XBRL 2.1 instances (.xbrl, .xml), Inline XBRL (.htm, .html, .xhtml), xBRL-JSON and xBRL-CSV
against XBRL 2.1 and their taxonomy, and taxonomy entry points on their own (a schema .xsd, or an .xml
whose root is a schema or a linkbase: an instance .xml stays an instance). Taxonomies are loaded offline:
XBRL International's schemas from kessan's catalog, base taxonomies from --package, --taxonomy-dir and
KESSAN_TAXONOMY_PATH; a schema found nowhere is an error (kessan:taxonomyUnavailable) naming it, and
the facts it defines are still read but not checked against it. Release text (.txt, .md) is read with
its filer profile and validated the same way.

Options:
      --format FORMAT      text: one line per finding "file:line:col severity code message", a line per
                           file when there are several ("file: N facts: N error(s), ..."), then a summary;
                           json: one report at the end (schemas/validation-report.schema.json);
                           jsonl: one line per file as it is done, shaped like the report's files[]
                           entries, then a last line {"kessan", "options", "summary"};
                           sarif: SARIF 2.1.0 (code-scanning views): a result per finding at its file,
                           line and column, the rules with their help;
                           junit: JUnit XML (test dashboards): a testsuite per file, a testcase per rule
                           checked, a failure per finding that fails the file
      --calc MODE          calculation checks: none | xbrl21 (XBRL 2.1) | c11r (Calculations 1.1
                           round-to-nearest, default) | c11t (Calculations 1.1 truncation)
      --duplicates MODE    which duplicate facts to report (arelle:duplicateFacts warnings): none |
                           inconsistent (default) | consistent | complete | all
      --utr MODE           the Units Registry check: on (the registry kessan bundles, default) | off |
                           a registry document (utr.xml) to check against instead
      --fail-on LEVEL      what fails a file (exit 1, "valid": false): error | inconsistency (default:
                           errors, and calculations or duplicates that disagree, as Arelle's verdict) |
                           warning (warnings too)
      --allow-unavailable-taxonomy
                           a taxonomy document not available offline is a warning, not an error (its
                           facts are still not checked against it; the report says which)
  -p, --profile FILE       filer profile, for release text
  -h, --help               this help

${BATCH_HELP}
${LIMITS_HELP}
Exit: 0 every file passes (no finding at or above --fail-on); 1 a file does not pass (a file that
      cannot be read is an error finding of that file, and the others are still validated); 2 usage
      error, or no file could be read and one was unreadable (missing, not a format kessan reads, an
      empty folder).
`;

const CALC = ['none', 'xbrl21', 'c11r', 'c11t'];
const DUPLICATES = ['none', 'inconsistent', 'consistent', 'complete', 'all'];
const FORMATS = ['text', 'json', 'jsonl', 'sarif', 'junit'];

const counts = (t: Totals) => `${t.errors} error(s), ${t.warnings} warning(s), ${t.inconsistencies} inconsistenc${t.inconsistencies === 1 ? 'y' : 'ies'}`;

/** The last line of the text format: files, facts, findings, and what could not be checked. */
function totalsLine(facts: number, s: Summary): string {
  const u = s.unchecked;
  const docs = u ? [u.unavailable.length ? `${u.unavailable.length} taxonomy document(s) not available offline` : '', u.missing.length ? `${u.missing.length} missing` : ''].filter(Boolean).join(', ') : '';
  const unchecked = u ? `; ${u.facts} facts in ${u.files} file(s) not checked against their definitions (${docs})` : '';
  return `${s.files} file(s), ${facts} facts: ${counts(s)}${unchecked}`;
}

function fileLine(r: FileReport): string {
  return `${r.file}: ${r.facts} facts: ${counts(countFindings(r.findings))} (${r.ms} ms)`;
}

/** A `kessan validate` command line, parsed: what it validates, how, and how it prints. */
export interface ValidateRequest {
  readonly inputs: string[];
  readonly format: string;
  readonly jobs: number | undefined;
  readonly options: ValidateOneOptions;
  readonly limits: Limits;
}

/**
 * Parses `kessan validate`'s arguments (after the command name) as the command does, and sets the limits they
 * give. The conformance runner validates each variation with the options this gives for its suite's arguments,
 * so its verdicts are the command line's.
 */
export function parseValidateArgs(argv: readonly string[]): ValidateRequest {
  const { values, positionals } = parseArgs({ args: [...argv], options: validateCommand.options, allowPositionals: true, strict: true });
  return validateRequest(positionals, values as Record<string, unknown>);
}

function validateRequest(positionals: string[], values: Record<string, unknown>): ValidateRequest {
  const limits = applyLimitOptions(values);
  if (!positionals.length) throw new KessanError('kessan:usage', `validate needs at least one file\n\n${USAGE}`, {}, 2);
  const format = (values.format as string | undefined) ?? 'text';
  if (!FORMATS.includes(format)) throw new KessanError('kessan:usage', `--format must be one of ${FORMATS.join(', ')}, not "${format}"`, {}, 2);
  const calc = (values.calc as string | undefined) ?? 'c11r';
  if (!CALC.includes(calc)) throw new KessanError('kessan:usage', `--calc must be one of ${CALC.join(', ')}`, {}, 2);
  const duplicates = (values.duplicates as string | undefined) ?? 'inconsistent';
  if (!DUPLICATES.includes(duplicates)) throw new KessanError('kessan:usage', `--duplicates must be one of ${DUPLICATES.join(', ')}`, {}, 2);
  const failOn = (values['fail-on'] as string | undefined) ?? DEFAULT_FAIL_ON;
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new KessanError('kessan:usage', `--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`, {}, 2);
  const utr = utrOption(values.utr as string | undefined);
  const options: ValidateOneOptions = {
    calc: calc as CalcMode,
    duplicates: duplicates as DuplicatesMode,
    failOn: failOn as FailOn,
    ...(utr !== undefined ? { utr } : {}),
    ...(values['allow-unavailable-taxonomy'] ? { allowUnavailableTaxonomy: true } : {}),
    ...(values.profile ? { profile: values.profile as string } : {}),
  };
  return { inputs: positionals, format, jobs: parseJobs(values.jobs), options, limits };
}

/** --utr: on (undefined: the bundled registry), off ('none'), or a registry document (its absolute path). */
function utrOption(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === 'on') return undefined;
  if (raw === 'off') return 'none';
  const file = resolve(raw);
  if (!existsSync(file)) throw new KessanError('kessan:usage', `--utr must be on, off or a Units Registry document, and ${raw} is no such file`, {}, 2);
  return file;
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const { format, jobs, options, limits } = validateRequest(positionals, values);
  const { files, weights, failures } = planBatch(positionals);
  const folders = failures.length;
  const progress = new Progress(io.stderr, files.length, { enabled: files.length > 0 && wantProgress(values, io.stderr) });
  for (const f of failures) progress.print(io.stderr, `kessan validate: ${formatFinding(f.finding)}\n`);
  const reports: FileReport[] = new Array<FileReport>(files.length);
  const failed = new Set<number>();
  const totals = countFindings([]);
  const several = files.length > 1;
  const onResult = (r: ValidateResult, index: number) => {
    reports[index] = r.report;
    countFindings(r.report.findings, totals);
    if (r.failure) {
      failures.push(r.failure);
      failed.add(index);
    }
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
      crashed: (file, error) => crashedResult(file, error),
      onResult,
    });
    if (process.env.KESSAN_DEBUG) progress.print(io.stderr, `kessan validate: ${files.length} file(s) ${ran.mode === 'workers' ? `on ${ran.threads} worker processes` : 'in-process'}\n`);
  } finally {
    progress.finish();
  }
  const done = reports.filter(Boolean);
  const summary = reportSummary(done, totals);
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(validationReport(done, options, totals), null, 2)}\n`);
  } else if (format === 'jsonl') {
    io.stdout.write(`${JSON.stringify(reportTrailer(options, summary))}\n`);
  } else if (format === 'sarif') {
    io.stdout.write(`${JSON.stringify(sarifLog(done, options.failOn ?? DEFAULT_FAIL_ON), null, 2)}\n`);
  } else if (format === 'junit') {
    io.stdout.write(junitXml(reports.flatMap((report, i) => (report ? [{ report, failed: failed.has(i) }] : [])), reportedOptions(options)));
  } else {
    io.stdout.write(`${totalsLine(done.reduce((a, v) => a + v.facts, 0), summary)}\n`);
  }
  return validationExitCode(batchExitCode(failures, files.length + folders), done);
}

function crashedResult(file: string, error: Error): ValidateResult {
  const failure: Failure = failureOf(error, file);
  return { report: { file, format: 'xbrl', valid: false, facts: 0, ms: 0, findings: [findingJson(failure.finding)] }, failure };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate XBRL instances, taxonomies or release text; findings as text, JSON, SARIF or JUnit',
  usage: USAGE,
  options: {
    ...LIMIT_OPTIONS,
    ...BATCH_OPTIONS,
    format: { type: 'string' },
    calc: { type: 'string' },
    duplicates: { type: 'string' },
    utr: { type: 'string' },
    'fail-on': { type: 'string' },
    'allow-unavailable-taxonomy': { type: 'boolean' },
    profile: { type: 'string', short: 'p' },
  },
  run,
};
