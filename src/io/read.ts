import { KessanError } from '../errors.js';
import { formatOf, type Format } from '../formats.js';
import type { Report } from '../model/report.js';
import { loadProfile, type Profile } from '../profile/profile.js';
import { readReleaseWithProfile } from '../readers/release/index.js';
import { readInstanceFile } from '../readers/xbrl/read.js';
import { readXbrlJsonFile } from '../readers/json/read.js';
import { readInlineFile } from '../readers/ixbrl/index.js';
import { findProfile, readInputText } from './files.js';

export interface ReadOptions {
  /** Filer profile file for release text; found beside the input when absent. */
  readonly profile?: string;
  /** schemaRef to record for a release's taxonomy (relative to where the output will be). */
  readonly schemaRef?: (profile: Profile) => string;
}

/** One reader per format: path → Report. A new format is one entry here (and one in src/io/write.ts). */
const READERS: Partial<Record<Format, (file: string, options: ReadOptions) => Report>> = {
  xbrl: (file) => readInstanceFile(file),
  json: (file) => readXbrlJsonFile(file),
  ixbrl: (file) => readInlineFile(file),
  release: (file, options) => {
    const text = readInputText(file);
    const profile = loadProfile(options.profile ?? findProfile(file));
    return readReleaseWithProfile(text, file, profile, options.schemaRef?.(profile));
  },
};

/** Reads any file kessan reads, choosing the reader by extension (or `format`). */
export function readAny(file: string, options: ReadOptions = {}, format: Format = formatOf(file)): Report {
  const reader = READERS[format];
  if (!reader) throw new KessanError('kessan:unsupported', `reading ${format} documents is not supported yet`, { file }, 2);
  return reader(file, options);
}

export function canRead(format: Format): boolean {
  return READERS[format] !== undefined;
}
