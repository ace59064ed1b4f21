import { dirname, join } from 'node:path';
import { KessanError } from '../core/errors.js';
import type { Format } from './formats.js';
import type { Finding } from '../core/model/finding.js';
import type { Report } from '../core/model/report.js';

export interface WriteOptions {
  /** The schemaRef href to write (instances, Inline XBRL). */
  readonly schemaRef?: string;
  /** Where a writer reports what it could not do (a taxonomy it was not allowed to read, say). */
  readonly findings?: Finding[];
  /** Where the output goes: needed by xBRL-CSV, which is several files (see csv-output.ts). */
  readonly output?: string;
}

/** Several files for one output (xBRL-CSV): each with its path, the main one (metadata or package) last. */
export interface WrittenFiles {
  readonly files: readonly { readonly path: string; readonly data: string | Uint8Array }[];
}

/**
 * A document's text in pieces, each made when it is asked for (`xbrlPieces`): written to a file one after
 * another, a large report's text is never whole in memory. Making a piece may throw the writer's KessanError (a
 * fact its format cannot hold). A writer that gives pieces reports nothing in `WriteOptions.findings`.
 */
export interface TextPieces {
  readonly pieces: Iterable<string>;
}

export type Writer = (report: Report, options: WriteOptions) => string | TextPieces | WrittenFiles;

/** A writer's text whole. */
export function wholeText(written: string | TextPieces): string {
  return typeof written === 'string' ? written : [...written.pieces].join('');
}

/**
 * One writer per format: Report → text, each imported only when asked for. A new format is one entry here (and
 * one in src/app/open.ts).
 */
export const WRITER_LOADERS: Partial<Record<Format, () => Promise<Writer>>> = {
  xbrl: async () => {
    const { xbrlPieces } = await import('../formats/xbrl/write/index.js');
    return (report, options) => ({ pieces: xbrlPieces(report, options.schemaRef ? { schemaRef: options.schemaRef } : {}) });
  },
  json: async () => {
    const { xbrlJsonPieces } = await import('../formats/json/write/index.js');
    return (report, options) => ({ pieces: xbrlJsonPieces(report, options.schemaRef ? { schemaRef: options.schemaRef } : {}) });
  },
  csv: async () => {
    const [{ writeXbrlCsv, reportPackage, hrefInsidePackage }, { csvLayout }] = await Promise.all([import('../formats/csv/write/index.js'), import('./csv-output.js')]);
    return (report, options): WrittenFiles => {
      if (options.output === undefined) throw new KessanError('kessan:usage', 'xBRL-CSV is several files: give the output (a folder, a .json metadata file or a .xbr package) to writeDocumentFiles or convertFile', {}, 2);
      const layout = csvLayout(options.output);
      if (layout.kind === 'package') {
        const files = writeXbrlCsv(report, options.schemaRef ? { schemaRef: hrefInsidePackage(options.schemaRef) } : {});
        return { files: [{ path: layout.file, data: reportPackage(layout.name, files) }] };
      }
      const files = writeXbrlCsv(report, { ...(options.schemaRef ? { schemaRef: options.schemaRef } : {}), ...(layout.kind === 'beside' ? { tablePrefix: layout.tablePrefix } : {}) });
      const folder = dirname(layout.metadata);
      return { files: [...files.tables.map((t) => ({ path: join(folder, t.url), data: t.text })), { path: layout.metadata, data: files.metadata }] };
    };
  },
  ixbrl: async () => {
    const { writeInlineXbrl } = await import('../formats/ixbrl/write/index.js');
    return (report, options) => writeInlineXbrl(report, options.schemaRef ? { schemaRef: options.schemaRef } : {});
  },
  release: async () => {
    const { writeReleaseText } = await import('../formats/release/write/index.js');
    return (report, options) => writeReleaseText(report, {}, options.findings);
  },
};

export function canWrite(format: Format): boolean {
  return WRITER_LOADERS[format] !== undefined;
}

/** The writer for `format`, loading only its modules. */
export async function loadWriter(format: Format): Promise<Writer> {
  const load = WRITER_LOADERS[format];
  if (!load) throw new KessanError('kessan:unsupported', `writing ${format} is not supported yet`, {}, 2);
  return load();
}

/**
 * A report as a document of `format` (its text): XBRL 2.1, Inline XBRL, xBRL-JSON or release text. What the
 * writer could not do is added to `options.findings` when given. xBRL-CSV, several files, is `writeDocumentFiles`.
 */
export async function writeDocument(report: Report, format: Format, options: WriteOptions = {}): Promise<string> {
  const written = (await loadWriter(format))(report, options);
  if (isSeveralFiles(written)) throw new KessanError('kessan:usage', `${format} is several files: use writeDocumentFiles`, {}, 2);
  return wholeText(written);
}

/** A report as the files of `format` written to `output` (one file for every format but xBRL-CSV), not yet on disk. */
export async function writeDocumentFiles(report: Report, format: Format, output: string, options: WriteOptions = {}): Promise<WrittenFiles> {
  const written = (await loadWriter(format))(report, { ...options, output });
  return isSeveralFiles(written) ? written : { files: [{ path: output, data: wholeText(written) }] };
}

/** Whether a writer gave several files (xBRL-CSV) rather than one text. */
export function isSeveralFiles(written: string | TextPieces | WrittenFiles): written is WrittenFiles {
  return typeof written !== 'string' && 'files' in written;
}
