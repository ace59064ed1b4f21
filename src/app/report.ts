/**
 * The validation report of schemas/validation-report.schema.json: what `kessan validate --format json` prints and
 * what `POST /v1/validate` answers. One builder, so the two cannot drift apart.
 */
import { compileSchema } from '../core/schemas.js';
import type { CalcMode, DuplicatesMode } from '../validate/rule.js';
import { countFindings, type FileReport, type Totals } from './batch/validate-one.js';

export const KESSAN_VERSION = '0.1.0';

export interface ReportOptions {
  readonly calc: CalcMode;
  readonly duplicates: DuplicatesMode;
}

export interface ValidationReport {
  readonly kessan: string;
  readonly options: ReportOptions;
  readonly files: FileReport[];
  readonly summary: { files: number } & Totals;
}

/** The last line of `--format jsonl`: the options and the summary, without the files. */
export function reportTrailer(options: ReportOptions, summary: ValidationReport['summary']) {
  return { kessan: KESSAN_VERSION, options: { calc: options.calc, duplicates: options.duplicates }, summary };
}

/**
 * The report of `files` (each file's entry as `validateOne` made it, in the order given), checked against its
 * schema: a report that does not match is kessan's bug, never printed.
 */
export function validationReport(files: readonly FileReport[], options: ReportOptions, totals: Totals = countFindings(files.flatMap((f) => f.findings))): ValidationReport {
  const summary = { files: files.length, ...totals };
  const report: ValidationReport = { kessan: KESSAN_VERSION, options: { calc: options.calc, duplicates: options.duplicates }, files: [...files], summary };
  const check = compileSchema('validation-report.schema.json');
  if (!check(report)) throw new Error(`validation report does not match its schema: ${JSON.stringify(check.errors?.[0])}`);
  return report;
}
