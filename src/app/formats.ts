import { closeSync, openSync, readSync } from 'node:fs';
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

const HEAD = 256 * 1024;
const INLINE_NS = /http:\/\/www\.xbrl\.org\/(?:2013|2008)\/inlineXBRL/;

/**
 * The format of a file to read: by extension, except that an `.htm`/`.html` page that declares no Inline XBRL
 * namespace in its first 256 KB is an earnings release in HTML (read with the filer profile), not Inline XBRL.
 * A file that cannot be read keeps its extension's format (its reader then says why).
 */
export function inputFormatOf(path: string): Format {
  const format = formatOf(path);
  const ext = extname(path).toLowerCase();
  if (format !== 'ixbrl' || ext === '.xhtml') return format;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD);
    const n = readSync(fd, buf, 0, HEAD, 0);
    return INLINE_NS.test(buf.subarray(0, n).toString('latin1')) ? 'ixbrl' : 'release';
  } catch {
    return format;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
