/**
 * Converting a document: open it in any format, write it in any other. The output is written atomically (a
 * temporary file renamed into place) and never over the input, even through another name for it.
 */
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { KessanError } from '../core/errors.js';
import { hasErrors, uniqueFindings, type Finding } from '../core/model/finding.js';
import type { Report } from '../core/model/report.js';
import { formatOf, inputFormatOf, type Format } from './formats.js';
import { releaseCoverage, type Coverage } from '../formats/release/read/coverage.js';
import { openDocument } from './open.js';
import { loadWriter } from './writers.js';
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
  /** Whether the conversion is a failure although written: an error, or a release figure not tagged, or no table. */
  readonly failed: boolean;
}

/** A relative schemaRef read from `input`, made relative to `output` (absolute URLs and paths stay as they are). */
export function relinkSchemaRef(href: string | undefined, input: string, output: string): string | undefined {
  if (!href || /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(href) || href.startsWith('/')) return href;
  const target = resolve(dirname(resolve(input)), href);
  return relative(dirname(resolve(output)), target).split(sep).join('/');
}

/** A conversion done in memory: the converted document's text beside what `Conversion` says. */
export interface ConvertedDocument extends Conversion {
  readonly text: string;
}

/**
 * Reads `input` and converts it to `to`, in memory (the service answers with the text; `convertFile` writes it).
 * `output` is where the text is meant to go: a schemaRef is made relative to it. Throws KessanError when the
 * input cannot be read or the output format cannot carry its facts; what is wrong inside the input is in `findings`.
 */
export async function convertDocument(input: string, output: string, to: Format, options: Pick<ConvertOptions, 'profile'> = {}): Promise<ConvertedDocument> {
  const from = inputFormatOf(input);
  // Only the reader and writer this conversion needs are loaded.
  const [doc, write] = await Promise.all([openDocument(input, { format: from, output, ...(options.profile ? { profile: options.profile } : {}) }), loadWriter(to)]);
  const report = doc.report;
  // A report read from an instance keeps its own schemaRef; re-point it when the output moves elsewhere.
  const schemaRef = from === 'release' ? undefined : relinkSchemaRef(report.taxonomy.schemaRefs[0], input, output);
  const written: Finding[] = [];
  const text = write(report, { ...(schemaRef ? { schemaRef } : {}), findings: written });
  const findings = uniqueFindings([...report.findings, ...written]);
  const coverage = releaseCoverage(report);
  // A release: every table figure is tagged or reported; any figure not tagged, or no table at all, is a failure.
  const failed = hasErrors(findings) || (coverage !== undefined && (coverage.reported > 0 || coverage.figures === 0));
  return { from, to, report, findings, ...(coverage ? { coverage } : {}), failed, text };
}

/**
 * Reads `input` and writes it to `output`. Throws KessanError when the input cannot be read (nothing is written)
 * or the output cannot be written; what is wrong inside the input is in `findings` (the output is still written).
 */
export async function convertFile(input: string, output: string, options: ConvertOptions = {}): Promise<Conversion> {
  if (resolve(output) === resolve(input) || sameFile(input, output)) throw new KessanError('kessan:usage', 'the output would overwrite the input; choose another -o', { file: output }, 2);
  const { text, ...conversion } = await convertDocument(input, output, options.to ?? formatOf(output), options.profile ? { profile: options.profile } : {});
  try {
    await writeFileAtomic(output, text);
  } catch (e) {
    throw new KessanError('kessan:outputUnwritable', `cannot write the output: ${(e as Error).message}`, { file: output }, 2);
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
