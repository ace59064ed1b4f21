import { KessanError } from '../core/errors.js';
import type { Format } from './formats.js';
import type { Report } from '../core/model/report.js';
import type { Profile } from '../formats/release/profile/profile.js';

export interface ReadOptions {
  /** Filer profile file for release text; found beside the input when absent. */
  readonly profile?: string;
  /** schemaRef to record for a release's taxonomy (relative to where the output will be). */
  readonly schemaRef?: (profile: Profile) => string;
}

export type Reader = (file: string, options: ReadOptions) => Report;

/**
 * One reader per format: path → Report, each imported only when asked for (a release conversion never loads the
 * Inline XBRL or xBRL-JSON readers). A new format is one entry here (and one in src/app/writers.ts).
 */
export const READER_LOADERS: Partial<Record<Format, () => Promise<Reader>>> = {
  xbrl: async () => {
    const { readInstanceFile } = await import('../formats/xbrl/read/read.js');
    return (file) => readInstanceFile(file);
  },
  json: async () => {
    const { readXbrlJsonFile } = await import('../formats/json/read/read.js');
    return (file) => readXbrlJsonFile(file);
  },
  ixbrl: async () => {
    const { readInlineFile } = await import('../formats/ixbrl/read/index.js');
    return (file) => readInlineFile(file);
  },
  release: async () => {
    const [{ loadProfile }, { readReleaseWithProfile }, { findProfile, readInputText }] = await Promise.all([
      import('../formats/release/profile/profile.js'),
      import('../formats/release/read/index.js'),
      import('./files.js'),
    ]);
    return (file, options) => {
      const text = readInputText(file);
      const profile = loadProfile(options.profile ?? findProfile(file));
      return readReleaseWithProfile(text, file, profile, options.schemaRef?.(profile));
    };
  },
};

export function canRead(format: Format): boolean {
  return READER_LOADERS[format] !== undefined;
}

/** The reader for `format`, loading only its modules. */
export async function loadReader(format: Format, file: string): Promise<Reader> {
  const load = READER_LOADERS[format];
  if (!load) throw new KessanError('kessan:unsupported', `reading ${format} documents is not supported yet`, { file }, 2);
  return load();
}
