import { KessanError } from '../errors.js';
import type { Format } from '../formats.js';
import type { Report } from '../model/report.js';
import { writeXbrl } from '../writers/xbrl/index.js';
import { writeXbrlJson } from '../writers/json/index.js';
import { writeInlineXbrl } from '../writers/ixbrl/index.js';
import { writeReleaseText } from '../render/index.js';

export interface WriteOptions {
  /** The schemaRef href to write (instances, Inline XBRL). */
  readonly schemaRef?: string;
}

/** One writer per format: Report → text. A new format is one entry here (and one in src/io/read.ts). */
const WRITERS: Partial<Record<Format, (report: Report, options: WriteOptions) => string>> = {
  xbrl: (report, options) => writeXbrl(report, options.schemaRef ? { schemaRef: options.schemaRef } : {}),
  json: (report, options) => writeXbrlJson(report, options.schemaRef ? { schemaRef: options.schemaRef } : {}),
  ixbrl: (report, options) => writeInlineXbrl(report, options.schemaRef ? { schemaRef: options.schemaRef } : {}),
  release: (report) => writeReleaseText(report),
};

export function writeAny(report: Report, format: Format, options: WriteOptions = {}): string {
  const writer = WRITERS[format];
  if (!writer) throw new KessanError('kessan:unsupported', `writing ${format} is not supported yet`, {}, 2);
  return writer(report, options);
}

export function canWrite(format: Format): boolean {
  return WRITERS[format] !== undefined;
}
