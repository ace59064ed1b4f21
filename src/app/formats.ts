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

/** Whether `path` names a folder (false when it names nothing). */
export function isFolder(path: string): boolean {
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

/** A taxonomy entry point `kessan validate` checks on its own: a schema or a linkbase (no facts, the DTS's rules). */
export type TaxonomyEntry = 'schema' | 'linkbase';

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const LINK_NS = 'http://www.xbrl.org/2003/linkbase';
const XBRLI_NS = 'http://www.xbrl.org/2003/instance';

/**
 * Whether a file is a taxonomy entry point rather than a document with facts: an `.xsd` always; an `.xml` whose
 * root element is `xs:schema` or `link:linkbase` (by namespace, whatever the prefix). An `.xml` whose root is an
 * instance's `xbrli:xbrl`, or anything else, is not (it is read as an instance, whose reader says what is wrong).
 */
export function taxonomyEntryOf(path: string): TaxonomyEntry | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.xsd') return 'schema';
  if (ext !== '.xml') return undefined;
  const root = rootElementOf(readHead(path, 64 * 1024));
  if (!root || root.namespace === XBRLI_NS) return undefined;
  if (root.namespace === XSD_NS && root.localName === 'schema') return 'schema';
  if (root.namespace === LINK_NS && root.localName === 'linkbase') return 'linkbase';
  return undefined;
}

/**
 * `length` bytes of a file from `position` as text: UTF-8, or UTF-16 when they start with its byte order mark
 * ('' when the file cannot be read: its reader then says why).
 */
export function readHead(path: string, length: number, position = 0): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(length);
    const bytes = buf.subarray(0, readSync(fd, buf, 0, length, position));
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
    return bytes.toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The root element of XML text, by namespace and local name, from its start tag alone: the XML declaration,
 * comments, processing instructions and a DOCTYPE before it are skipped. Undefined when there is none to see.
 */
export function rootElementOf(text: string): { namespace: string; localName: string } | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    const close = text.startsWith('<?', i) ? '?>' : text.startsWith('<!--', i) ? '-->' : text.startsWith('<!', i) ? '>' : undefined;
    if (!close) break;
    const at = text.indexOf(close, i);
    if (at < 0) return undefined;
    i = at + close.length;
  }
  const m = /^<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)(?=[\s/>])/.exec(text.slice(i, i + 300));
  if (!m) return undefined;
  const end = text.indexOf('>', i);
  const tag = end < 0 ? text.slice(i) : text.slice(i, end);
  const decl = m[1] ? `xmlns:${m[1]}` : 'xmlns';
  const ns = new RegExp(`\\s${decl.replace(/[.]/g, '\\.')}\\s*=\\s*(["'])([^"']*)\\1`).exec(tag);
  return { namespace: ns?.[2] ?? '', localName: m[2]! };
}
