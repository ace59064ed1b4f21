import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname, sep } from 'node:path';
import { KessanError } from '../core/errors.js';

export type Format = 'release' | 'xbrl' | 'ixbrl' | 'json' | 'csv';

const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'release', '.md': 'release',
  '.xbrl': 'xbrl', '.xml': 'xbrl',
  '.html': 'ixbrl', '.htm': 'ixbrl', '.xhtml': 'ixbrl',
  '.json': 'json',
  '.xbr': 'csv', '.zip': 'csv',
};

const NAMES: Record<string, Format> = { release: 'release', text: 'release', txt: 'release', xbrl: 'xbrl', xml: 'xbrl', ixbrl: 'ixbrl', html: 'ixbrl', json: 'json', csv: 'csv', 'xbrl-csv': 'csv' };

/**
 * The format a file is in, by its extension (or an explicit name such as `--to xbrl`). xBRL-CSV, being several
 * files, is a folder (a path ending in `/`, or an existing folder), or a report package (`.xbr`, `.zip`).
 */
export function formatOf(path: string, explicit?: string): Format {
  if (explicit) {
    const f = Object.prototype.hasOwnProperty.call(NAMES, explicit.toLowerCase()) ? NAMES[explicit.toLowerCase()] : undefined;
    if (!f) throw new KessanError('kessan:unknownFormat', `unknown format "${explicit}" (known: release, xbrl, ixbrl, json, csv)`, {}, 2);
    return f;
  }
  const f = BY_EXTENSION[extname(path).toLowerCase()];
  if (f) return f;
  if (path.endsWith('/') || path.endsWith(sep) || isFolder(path)) return 'csv';
  throw new KessanError('kessan:unknownFormat', `cannot tell the format of "${path}" from its extension (.txt/.md release text, .xbrl/.xml instance, .html/.xhtml Inline XBRL, .json xBRL-JSON, a folder/ or .xbr xBRL-CSV); use --to`, { file: path }, 2);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const HEAD = 256 * 1024;
const INLINE_NS = /http:\/\/www\.xbrl\.org\/(?:2013|2008)\/inlineXBRL/;

/**
 * The format of a file to read: by extension, except that an `.htm`/`.html` page that declares no Inline XBRL
 * namespace in its first 256 KB is an earnings release in HTML (read with the filer profile), not Inline XBRL,
 * and a `.json` file whose document type is xBRL-CSV is an xBRL-CSV report's metadata. A folder is an xBRL-CSV
 * report. A file that cannot be read keeps its extension's format (its reader then says why).
 */
export function inputFormatOf(path: string): Format {
  const format = formatOf(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return isCsvMetadata(path) ? 'csv' : 'json';
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

const CSV_DOCUMENT_TYPE = /"documentType"\s*:\s*"https:\/\/xbrl\.org\/(?:2021|[A-Z]+\/[\d-]+)\/xbrl-csv"/;

/** Whether a `.json` file says it is xBRL-CSV metadata (its document type, in its first or last 64 KB). */
export function isCsvMetadata(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = statSync(path).size;
    const buf = Buffer.alloc(Math.min(size, HEAD));
    const first = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    if (CSV_DOCUMENT_TYPE.test(first)) return true;
    if (size <= HEAD) return false;
    const last = buf.subarray(0, readSync(fd, buf, 0, buf.length, size - HEAD)).toString('utf8');
    return CSV_DOCUMENT_TYPE.test(last);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
