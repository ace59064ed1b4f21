/**
 * Converting a document: open it in any format, write it in any other. The output is written atomically (a
 * temporary file renamed into place) and never over the input, even through another name for it.
 */
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { KessanError } from '../core/errors.js';
import { hasErrors, uniqueFindings, type Finding } from '../core/model/finding.js';
import type { Report } from '../core/model/report.js';
import { csvReferenceBase } from './csv-output.js';
import { formatOf, inputFormatOf, type Format } from './formats.js';
import { releaseCoverage, type Coverage } from '../formats/release/read/coverage.js';
import { openDocument } from './open.js';
import { isSeveralFiles, loadWriter, wholeText, type TextPieces } from './writers.js';
import { writeFileAtomic } from './write-file.js';

export interface ConvertOptions {
  /** The output format; by default told by the output's extension. */
  readonly to?: Format;
  /** Filer profile for release text (found beside the input when absent). */
  readonly profile?: string;
}

export interface Conversion {
  readonly from: Format;
  readonly to: Format;
  readonly report: Report;
  /** What reading and writing found, each once: the reader's first, then the writer's. */
  readonly findings: readonly Finding[];
  /** A release: how many table figures it prints, how many were tagged and how many reported. */
  readonly coverage?: Coverage;
  /** Whether the conversion is a failure: an error, or a release figure not tagged, or no table, or nothing written. */
  readonly failed: boolean;
  /** Whether the output was written. When the writer refused the report, its reason is the last finding. */
  readonly written: boolean;
  /** The exit code the conversion deserves: 0, 1 (written, with problems) or 2 (nothing written). */
  readonly exitCode: 0 | 1 | 2;
}

/** A relative schemaRef read from `input`, made relative to `output` (absolute URLs and paths stay as they are). */
export function relinkSchemaRef(href: string | undefined, input: string, output: string): string | undefined {
  if (!href || /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(href) || href.startsWith('/')) return href;
  const target = resolve(dirname(resolve(input)), href);
  return relative(dirname(resolve(output)), target).split(sep).join('/');
}

/** A conversion done in memory: what `Conversion` says, and the output's files, not written (none when refused). */
export interface ConvertedDocument extends Conversion {
  /** The output: one file, or several (xBRL-CSV), each with the path it is meant for. */
  readonly files: readonly { readonly path: string; readonly data: string | Uint8Array }[];
  /** The files the report was read from (the input, an xBRL-CSV folder's metadata, the documents of a set). */
  readonly read: readonly string[];
}

/**
 * Reads `input` and converts it to `to`, in memory (the service answers with the result; `convertFile` writes
 * it). `output` is where the result is meant to go: a schemaRef is made relative to it, and xBRL-CSV's layout
 * (folder, metadata file or package) follows it. Throws KessanError when the input cannot be read; a report
 * the writer refuses is `written: false` with the reason as the last finding.
 */
export async function convertDocument(input: string, output: string, to: Format, options: Pick<ConvertOptions, 'profile'> = {}): Promise<ConvertedDocument> {
  return converted(input, output, to, options, true);
}

/** A file of the output: its text whole, or in pieces still to be made (`convertFile` writes them as they come). */
type OutputFile = { readonly path: string; readonly data: string | Uint8Array | TextPieces };

/** `convertDocument`, with text in pieces left as they are unless `whole`. */
async function converted(input: string, output: string, to: Format, options: Pick<ConvertOptions, 'profile'>, whole: true): Promise<ConvertedDocument>;
async function converted(input: string, output: string, to: Format, options: Pick<ConvertOptions, 'profile'>, whole: false): Promise<Omit<ConvertedDocument, 'files'> & { files: readonly OutputFile[] }>;
async function converted(input: string, output: string, to: Format, options: Pick<ConvertOptions, 'profile'>, whole: boolean): Promise<Omit<ConvertedDocument, 'files'> & { files: readonly OutputFile[] }> {
  const from = inputFormatOf(input);
  // Only the reader and writer this conversion needs are loaded.
  const [doc, write] = await Promise.all([openDocument(input, { format: from, output, ...(options.profile ? { profile: options.profile } : {}) }), loadWriter(to)]);
  const report = doc.report;
  // A report read from an instance keeps its own schemaRef; re-point it when the output moves elsewhere. (A report
  // read through another file than the one named, an xBRL-CSV folder's metadata, says so in documentInfo.source.)
  const readFrom = from === 'csv' ? report.documentInfo.source ?? input : input;
  const read = [...new Set([input, readFrom, ...report.facts.flatMap((f) => f.sources.map((x) => x.file))])];
  const schemaRef = from === 'release' ? undefined : relinkSchemaRef(report.taxonomy.schemaRefs[0], readFrom, to === 'csv' ? csvReferenceBase(output) : output);
  const written: Finding[] = [];
  let files: readonly OutputFile[];
  try {
    const result = write(report, { ...(schemaRef ? { schemaRef } : {}), findings: written, output });
    files = isSeveralFiles(result) ? result.files : [{ path: output, data: whole ? wholeText(result) : result }];
  } catch (e) {
    if (!(e instanceof KessanError)) throw e;
    return { ...refused({ from, to, report }, [...report.findings, ...written], e), files: [], read };
  }
  const findings = uniqueFindings([...report.findings, ...written]);
  const coverage = releaseCoverage(report);
  // A release: every table figure is tagged or reported; any figure not tagged, or no table at all, is a failure.
  const failed = hasErrors(findings) || (coverage !== undefined && (coverage.reported > 0 || coverage.figures === 0));
  return { from, to, report, findings, ...(coverage ? { coverage } : {}), failed, written: true, exitCode: failed ? 1 : 0, files, read };
}

/**
 * The writer refuses the report (a fact its format cannot hold): nothing is written, and what reading found is
 * still said, since it is usually why.
 */
function refused(what: Pick<Conversion, 'from' | 'to' | 'report'>, findings: readonly Finding[], e: KessanError): Conversion {
  return { from: what.from, to: what.to, report: what.report, findings: uniqueFindings([...findings, e.finding]), failed: true, written: false, exitCode: e.exitCode };
}

/**
 * Reads `input` and writes it to `output`. Throws KessanError when the input cannot be read (nothing is written)
 * or the output cannot be written; what is wrong inside the input is in `findings` (the output is still written).
 */
export async function convertFile(input: string, output: string, options: ConvertOptions = {}): Promise<Conversion> {
  if (resolve(output) === resolve(input) || sameFile(input, output)) throw new KessanError('kessan:usage', 'the output would overwrite the input; choose another -o', { file: output }, 2);
  const { files, read, ...conversion } = await converted(input, output, options.to ?? formatOf(output), options.profile ? { profile: options.profile } : {}, false);
  // Never over what was read: the input, or (xBRL-CSV, Inline XBRL sets) any file a fact was read from.
  for (const f of files) {
    for (const r of read) {
      if (resolve(f.path) === resolve(r) || sameFile(r, f.path)) throw new KessanError('kessan:usage', `the output would overwrite ${r === input ? 'the input' : `${r}, which was read`}; choose another -o`, { file: f.path }, 2);
    }
  }
  for (const f of files) {
    try {
      await writeFileAtomic(f.path, f.data);
    } catch (e) {
      // Only the writer throws a KessanError here, making a piece of its text (file system errors are Node's).
      if (e instanceof KessanError) return refused(conversion, conversion.findings, e);
      throw new KessanError('kessan:outputUnwritable', `cannot write the output: ${(e as Error).message}`, { file: f.path }, 2);
    }
  }
  return conversion;
}

/** Whether two paths name the same existing file (a link, another spelling). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
