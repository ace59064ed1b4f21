/** One file validated, as an entry of the validation report (`files[]` of schemas/validation-report.schema.json). */
import { formatOf, taxonomyEntryOf } from '../formats.js';
import { findingJson, type Finding, type Severity } from '../../core/model/finding.js';
import { validateFile, type FileVerdict, type ValidatedFormat } from '../validate.js';
import type { UncheckedFacts } from '../../validate/dts.js';
import type { CalcMode, DuplicatesMode } from '../../validate/rule.js';
import { passes, type FailOn } from '../verdict.js';
import { failureOf, type Failure } from './failure.js';

export interface ValidateOneOptions {
  readonly calc: CalcMode;
  readonly duplicates: DuplicatesMode;
  /** The Units Registry document (a path), or 'none'; default the bundled registry. */
  readonly utr?: string;
  /** Which severities fail a file (`valid: false`); default inconsistency. */
  readonly failOn?: FailOn;
  /** A DTS document not available offline is a warning rather than an error. */
  readonly allowUnavailableTaxonomy?: boolean;
  /** Filer profile, for release text. */
  readonly profile?: string;
  /** Inline XBRL: the documents of the file's set (see `OpenOptions.members`). */
  readonly members?: readonly string[];
}

/** A file's entry in the report. */
export interface FileReport {
  readonly file: string;
  readonly format: ValidatedFormat;
  /** No finding at or above the fail-on level (see app/verdict.ts). */
  readonly valid: boolean;
  readonly facts: number;
  readonly ms: number;
  readonly findings: Finding[];
  /** For a release: its table figures, tagged and reported. */
  readonly coverage?: { figures: number; tagged: number; reported: number };
  /** When some of the DTS was not there: what was missing, and the facts not checked against their definitions. */
  readonly unchecked?: UncheckedFacts;
}

export interface ValidateResult {
  readonly report: FileReport;
  /** Set when the file could not be read or checked; the report then holds it as one error finding. */
  readonly failure?: Failure;
}

/** Validates one file; never throws (an unreadable file is an error finding and a `failure`). */
export async function validateOne(file: string, options: ValidateOneOptions): Promise<ValidateResult> {
  try {
    const { failOn, ...rest } = options;
    return { report: fileEntry(await validateFile(file, rest), failOn) };
  } catch (e) {
    return failedEntry(e, file);
  }
}

/** A file's verdict as its entry in the report. */
export function fileEntry(v: FileVerdict, failOn?: FailOn): FileReport {
  const findings = v.findings.map(findingJson);
  return { file: v.file, format: v.format, valid: passes(findings, failOn), facts: v.facts, ms: v.ms, findings, ...(v.coverage ? { coverage: v.coverage } : {}), ...(v.unchecked ? { unchecked: v.unchecked } : {}) };
}

/** The entry of a file that could not be read or checked: what was thrown, as one error finding. */
export function failedEntry(e: unknown, file: string): ValidateResult {
  const failure = failureOf(e, file);
  return { report: { file, format: formatOr(file), valid: false, facts: 0, ms: 0, findings: [findingJson(failure.finding)] }, failure };
}

function formatOr(file: string): ValidatedFormat {
  if (taxonomyEntryOf(file)) return 'taxonomy';
  try {
    return formatOf(file);
  } catch {
    return 'xbrl';
  }
}

export interface Totals {
  errors: number;
  warnings: number;
  inconsistencies: number;
  info: number;
}

const KEY: Record<Severity, keyof Totals> = { error: 'errors', warning: 'warnings', inconsistency: 'inconsistencies', info: 'info' };

/** Findings counted by severity. */
export function countFindings(findings: Iterable<Finding>, into: Totals = { errors: 0, warnings: 0, inconsistencies: 0, info: 0 }): Totals {
  for (const f of findings) into[KEY[f.severity]]++;
  return into;
}
