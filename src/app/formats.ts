import { extname } from 'node:path';
import { KessanError } from '../core/errors.js';

export type Format = 'release' | 'xbrl' | 'ixbrl' | 'json';

const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'release', '.md': 'release',
  '.xbrl': 'xbrl', '.xml': 'xbrl',
  '.html': 'ixbrl', '.htm': 'ixbrl', '.xhtml': 'ixbrl',
  '.json': 'json',
};

const NAMES: Record<string, Format> = { release: 'release', text: 'release', txt: 'release', xbrl: 'xbrl', xml: 'xbrl', ixbrl: 'ixbrl', html: 'ixbrl', json: 'json' };

/** The format a file is in, by its extension (or an explicit name such as `--to xbrl`). */
export function formatOf(path: string, explicit?: string): Format {
  if (explicit) {
    const f = NAMES[explicit.toLowerCase()];
    if (!f) throw new KessanError('kessan:unknownFormat', `unknown format "${explicit}" (known: release, xbrl, ixbrl, json)`, {}, 2);
    return f;
  }
  const f = BY_EXTENSION[extname(path).toLowerCase()];
  if (!f) throw new KessanError('kessan:unknownFormat', `cannot tell the format of "${path}" from its extension (.txt/.md release text, .xbrl/.xml instance, .html/.xhtml Inline XBRL, .json xBRL-JSON); use --to`, { file: path }, 2);
  return f;
}
