/**
 * One request's work, done in a worker process: plain data in (the request's folder, its limits and what it
 * asks), plain data out. The use cases are the command line's own: `validateOne` and the report builder for
 * validate, `convertDocument`, `listFacts`, `checkFile`. Paths in the outcome are the server's; the server
 * rewrites them before answering (see `scrubber`).
 */
import { basename, dirname, extname, join } from 'node:path';
import { KessanError } from '../../core/errors.js';
import { setLimits, type Limits } from '../../core/limits.js';
import { findingJson, type Finding } from '../../core/model/finding.js';
import { isInside, real } from '../../core/taxonomy/resolver.js';
import { batchExitCode, type Failure } from '../batch/failure.js';
import { failedEntry, fileEntry, validateOne, type FileReport } from '../batch/validate-one.js';
import type { Coverage } from '../../formats/release/read/coverage.js';
import { csvHeader, listFacts, type ListFormat } from '../facts.js';
import { inputFormatOf, type Format } from '../formats.js';
import { loadProfile } from '../../formats/release/read/profile.js';
import { findProfile } from '../open.js';
import { validationReport, type ReportOptions, type ValidationReport } from '../report.js';
import { checkFile } from '../validate.js';
import { validationExitCode } from '../verdict.js';
import { selectDocuments, selectOne, type DocumentRef } from './documents.js';
import { reviewDocuments, reviewFacts, type Review } from './review.js';

interface TaskBase {
  /** The request's folder: the upload. */
  readonly folder: string;
  /** The server's limits, confined to the request's folder and what the server shares. */
  readonly limits: Limits;
  /** A document named in the upload (`?document=`); default: every document (validate) or the only one. */
  readonly document?: string;
  /** A filer profile named in the upload (`?profile=`); default: found beside the release. */
  readonly profile?: string;
}

export type Task = TaskBase &
  (
    | { readonly kind: 'validate'; readonly options: ReportOptions }
    | { readonly kind: 'review'; readonly options: ReportOptions }
    | { readonly kind: 'convert'; readonly to: Format }
    | { readonly kind: 'facts'; readonly format: ListFormat }
  );

export type Outcome =
  | { readonly kind: 'validate'; readonly report: ValidationReport; readonly failed: boolean; readonly exit: 0 | 1 | 2 }
  | { readonly kind: 'review'; readonly review: Review; readonly failed: boolean }
  /** `data`: the document (xBRL-CSV: its report package, a zip). */
  | { readonly kind: 'convert'; readonly data: string | Uint8Array; readonly to: Format; readonly facts: number; readonly findings: Finding[]; readonly coverage?: Coverage; readonly failed: boolean }
  | { readonly kind: 'facts'; readonly body: string; readonly facts: number; readonly warnings: string[]; readonly errors: number }
  /** The request cannot be done: 400 for a usage error (no document, a name the upload lacks), 422 for a document that cannot be read. */
  | { readonly kind: 'refused'; readonly status: 400 | 422; readonly code: string; readonly message: string; readonly findings: Finding[] };

const USAGE_CODES = new Set(['kessan:usage', 'kessan:noDocument', 'kessan:unknownFormat']);

/** Does one task. Never throws for a user's input: what cannot be done is a `refused` outcome. */
export async function runTask(task: Task): Promise<Outcome> {
  setLimits(task.limits);
  try {
    return await dispatch(task);
  } catch (e) {
    if (!(e instanceof KessanError)) throw e;
    return refusal(e.finding);
  }
}

/** A finding that stops a request as its answer: 400 for a usage error, else 422 (the document cannot be read). */
function refusal(finding: Finding): Outcome {
  const where = finding.file ? `${finding.file}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}: ` : '';
  return { kind: 'refused', status: USAGE_CODES.has(finding.code) ? 400 : 422, code: finding.code, message: `${where}${finding.message}`, findings: [findingJson(finding)] };
}

async function dispatch(task: Task): Promise<Outcome> {
  const profile = task.profile === undefined ? undefined : join(task.folder, task.profile);
  switch (task.kind) {
    case 'validate': {
      const entries: FileReport[] = [];
      const failures: Failure[] = [];
      for (const doc of selectDocuments(task.folder, task.document)) {
        const refused = profileRefused(doc, profile, task.limits);
        const r = refused ? failedEntry(refused, doc.file) : await validateOne(doc.file, { ...task.options, ...optional(profile, doc) });
        entries.push(r.report);
        if (r.failure) failures.push(r.failure);
      }
      const report = validationReport(entries, task.options);
      // The command line's exit code for the same files.
      return { kind: 'validate', report, failed: failures.length > 0, exit: validationExitCode(batchExitCode(failures, entries.length), entries) };
    }
    case 'review': {
      const doc = selectOne(task.folder, task.document);
      try {
        guardProfile(doc, profile, task.limits);
        const checked = await checkFile(doc.file, { ...task.options, ...optional(profile, doc) });
        const review = { report: validationReport([fileEntry(checked.verdict, task.options.failOn)], task.options), facts: reviewFacts(checked.doc, checked.taxonomy), documents: reviewDocuments(checked.doc) };
        return { kind: 'review', review, failed: false };
      } catch (e) {
        return { kind: 'review', review: { report: validationReport([failedEntry(e, doc.file).report], task.options), facts: [], documents: [] }, failed: true };
      }
    }
    case 'convert': {
      const doc = selectOne(task.folder, task.document);
      guardProfile(doc, profile, task.limits);
      const { convertDocument } = await import('../convert.js');
      // Never written: where it would go only makes its schemaRef relative to the upload, as the CLI's -o would.
      const output = join(dirname(doc.file), `${basename(doc.file, extname(doc.file))}${EXTENSION[task.to]}`);
      const c = await convertDocument(doc.file, output, task.to, profile ? { profile } : {});
      // The writer refused the report (a fact its format cannot hold): the reason is the last finding.
      if (!c.written) return { ...refusal(c.findings[c.findings.length - 1]!), findings: c.findings.map(findingJson) } as Outcome;
      return { kind: 'convert', data: c.files[0]!.data, to: c.to, facts: c.report.facts.length, findings: c.findings.map(findingJson), ...(c.coverage ? { coverage: c.coverage } : {}), failed: c.failed };
    }
    case 'facts': {
      const doc = selectOne(task.folder, task.document);
      guardProfile(doc, profile, task.limits);
      const r = await listFacts(doc.file, { format: task.format, ...optional(profile, doc) });
      if (r.failure) return refusal(r.failure.finding);
      const rows = r.chunks.join('');
      const body = task.format === 'csv' ? csvHeader(false) + rows : task.format === 'json' ? (rows ? `[\n${rows}\n]\n` : '[]\n') : rows;
      return { kind: 'facts', body, facts: r.facts, warnings: r.warnings, errors: r.errors };
    }
  }
}

/** The output each format is converted to; xBRL-CSV as a report package (one file rather than a folder of them). */
const EXTENSION: Record<Format, string> = { xbrl: '.xbrl', ixbrl: '.html', json: '.json', release: '.txt', csv: '.xbr' };

function optional(profile: string | undefined, doc: DocumentRef): { profile?: string; members?: readonly string[] } {
  return { ...(profile ? { profile } : {}), ...(doc.members ? { members: doc.members } : {}) };
}

/**
 * A release's profile names its taxonomy by a path of its own choosing, which the reader loads as an entry point
 * (an entry point's folder is always allowed). From an upload, that path must stay inside the folders the
 * request may read: an uploaded profile naming /etc/… is refused before anything is read.
 */
function guardProfile(doc: DocumentRef, profile: string | undefined, limits: Limits): void {
  const refused = profileRefused(doc, profile, limits);
  if (refused) throw refused;
}

function profileRefused(doc: DocumentRef, profile: string | undefined, limits: Limits): KessanError | undefined {
  let format: Format;
  try {
    format = inputFormatOf(doc.file);
  } catch {
    return undefined;
  }
  if (format !== 'release') return undefined;
  let file: string;
  try {
    file = profile ?? findProfile(doc.file);
  } catch {
    return undefined; // the reader reports the missing profile itself
  }
  const schema = profileSchema(file);
  if (schema === undefined) return undefined;
  const folders = limits.confineTo ?? [];
  const byName = folders.some((f) => isInside(schema, f));
  const byReal = folders.some((f) => isInside(real(schema), real(f)));
  return byName && byReal ? undefined : new KessanError('kessan:referenceRefused', `the filer profile's taxonomy ${schema} is outside the upload and the folders the server shares; it was not read`, { file }, 2);
}

/** The taxonomy schema a profile names (absolute); undefined when the profile cannot be read (the reader says why). */
function profileSchema(file: string): string | undefined {
  try {
    return loadProfile(file).taxonomySchema;
  } catch {
    return undefined;
  }
}
