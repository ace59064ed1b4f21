import { KessanError } from '../core/errors.js';
import { formatOf, type Format } from './formats.js';
import type { Report } from '../core/model/report.js';
import { canRead, READER_LOADERS, type Reader, type ReadOptions } from './readers.js';

export { canRead, type ReadOptions };

/**
 * Every reader, loaded up front, for callers that read synchronously (validate, facts, batch). Commands that read
 * one format should use loadReader (src/app/readers.ts) instead and load only what they need.
 */
const READERS: Partial<Record<Format, Reader>> = Object.fromEntries(
  await Promise.all(Object.entries(READER_LOADERS).map(async ([format, load]) => [format, await load()] as const)),
);

/** Reads any file kessan reads, choosing the reader by extension (or `format`). */
export function readAny(file: string, options: ReadOptions = {}, format: Format = formatOf(file)): Report {
  const reader = READERS[format];
  if (!reader) throw new KessanError('kessan:unsupported', `reading ${format} documents is not supported yet`, { file }, 2);
  return reader(file, options);
}
