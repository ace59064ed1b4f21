import { KessanError } from '../core/errors.js';
import type { Format } from './formats.js';
import type { Finding } from '../core/model/finding.js';
import type { Report } from '../core/model/report.js';

export interface WriteOptions {
  /** The schemaRef href to write (instances, Inline XBRL). */
  readonly schemaRef?: string;
  /** Where a writer reports what it could not do (a taxonomy it was not allowed to read, say). */
  readonly findings?: Finding[];
}

export type Writer = (report: Report, options: WriteOptions) => string;

/**
 * One writer per format: Report → text, each imported only when asked for. A new format is one entry here (and
 * one in src/app/readers.ts).
 */
export const WRITER_LOADERS: Partial<Record<Format, () => Promise<Writer>>> = {
  xbrl: async () => {
    const { writeXbrl } = await import('../formats/xbrl/write/index.js');
    return (report, options) => writeXbrl(report, options.schemaRef ? { schemaRef: options.schemaRef } : {});
  },
  json: async () => {
    const { writeXbrlJson } = await import('../formats/json/write/index.js');
    return (report, options) => writeXbrlJson(report, options.schemaRef ? { schemaRef: options.schemaRef } : {});
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
 * writer could not do is added to `options.findings` when given.
 */
export async function writeDocument(report: Report, format: Format, options: WriteOptions = {}): Promise<string> {
  return (await loadWriter(format))(report, options);
}
