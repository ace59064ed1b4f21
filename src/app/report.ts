/**
 * The validation report of schemas/validation-report.schema.json: what `kessan validate --format json` prints and
 * what `POST /v1/validate` answers. One builder, so the two cannot drift apart.
 */
import { compileSchema } from '../core/schemas.js';
import type { CalcMode, DuplicatesMode } from '../validate/rule.js';
import { countFindings, type FileReport, type Totals } from './batch/validate-one.js';
import { DEFAULT_FAIL_ON, type FailOn } from './verdict.js';

export const KESSAN_VERSION = '0.1.0';

export interface ReportOptions {
  readonly calc: CalcMode;
  readonly duplicates: DuplicatesMode;
  /** The Units Registry document (a path), or 'none'; default (absent) the bundled registry. */
  readonly utr?: string;
  /** Which severities fail a file; default inconsistency. */
  readonly failOn?: FailOn;
  /** A DTS document not available offline is a warning rather than an error. */
  readonly allowUnavailableTaxonomy?: boolean;
}

/** The options as the report states them: every policy that decided `valid` and the exit code, spelled out. */
export interface ReportedOptions {
  readonly calc: CalcMode;
  readonly duplicates: DuplicatesMode;
  /** on (the bundled registry), off, or the Units Registry document's path. */
  readonly utr: string;
  readonly failOn: FailOn;
  readonly allowUnavailableTaxonomy: boolean;
}

/** Across the files: how many facts were not checked against their definitions, and every document missing. */
export interface UncheckedSummary {
  readonly files: number;
  readonly facts: number;
  /** URLs not available offline, sorted, each once. */
  readonly unavailable: string[];
  /** Local files referenced that do not exist, sorted, each once. */
  readonly missing: string[];
}

export type Summary = { files: number } & Totals & { unchecked?: UncheckedSummary };

export interface ValidationReport {
  readonly kessan: string;
  readonly options: ReportedOptions;
  readonly files: FileReport[];
  readonly summary: Summary;
}

export function reportedOptions(options: ReportOptions): ReportedOptions {
  const utr = options.utr === undefined ? 'on' : options.utr === 'none' ? 'off' : options.utr;
  return { calc: options.calc, duplicates: options.duplicates, utr, failOn: options.failOn ?? DEFAULT_FAIL_ON, allowUnavailableTaxonomy: options.allowUnavailableTaxonomy ?? false };
}

/** The summary of the files' entries: how many, findings by severity, and what could not be checked. */
export function reportSummary(files: readonly FileReport[], totals: Totals = countFindings(files.flatMap((f) => f.findings))): Summary {
  const unchecked = uncheckedSummary(files);
  return { files: files.length, ...totals, ...(unchecked ? { unchecked } : {}) };
}

function uncheckedSummary(files: readonly FileReport[]): UncheckedSummary | undefined {
  const with_ = files.filter((f) => f.unchecked);
  if (!with_.length) return undefined;
  const unavailable = new Set<string>();
  const missing = new Set<string>();
  let facts = 0;
  for (const f of with_) {
    facts += f.unchecked!.facts;
    for (const u of f.unchecked!.unavailable) unavailable.add(u);
    for (const m of f.unchecked!.missing) missing.add(m);
  }
  return { files: with_.length, facts, unavailable: [...unavailable].sort(), missing: [...missing].sort() };
}

/** The last line of `--format jsonl`: the options and the summary, without the files. */
export function reportTrailer(options: ReportOptions, summary: Summary) {
  return { kessan: KESSAN_VERSION, options: reportedOptions(options), summary };
}

/**
 * The report of `files` (each file's entry as `validateOne` made it, in the order given), checked against its
 * schema: a report that does not match is kessan's bug, never printed.
 */
export function validationReport(files: readonly FileReport[], options: ReportOptions, totals?: Totals): ValidationReport {
  const report: ValidationReport = { kessan: KESSAN_VERSION, options: reportedOptions(options), files: [...files], summary: reportSummary(files, totals) };
  const check = compileSchema('validation-report.schema.json');
  if (!check(report)) throw new Error(`validation report does not match its schema: ${JSON.stringify(check.errors?.[0])}`);
  return report;
}
