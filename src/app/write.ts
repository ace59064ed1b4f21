import { KessanError } from '../core/errors.js';
import type { Format } from './formats.js';
import type { Report } from '../core/model/report.js';
import { canWrite, WRITER_LOADERS, type WriteOptions, type Writer } from './writers.js';

export { canWrite, type WriteOptions };

/** Every writer, loaded up front, for synchronous callers; one-format commands use loadWriter (src/app/writers.ts). */
const WRITERS: Partial<Record<Format, Writer>> = Object.fromEntries(
  await Promise.all(Object.entries(WRITER_LOADERS).map(async ([format, load]) => [format, await load()] as const)),
);

export function writeAny(report: Report, format: Format, options: WriteOptions = {}): string {
  const writer = WRITERS[format];
  if (!writer) throw new KessanError('kessan:unsupported', `writing ${format} is not supported yet`, {}, 2);
  return writer(report, options);
}
