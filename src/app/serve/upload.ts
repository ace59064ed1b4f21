/**
 * Writing what a request uploads into its folder: names made safe (a relative path inside the folder, or a 400),
 * files written exclusively (never over another, never through a link), and every byte counted against the
 * request's budget (a 413 when it runs out). Zips are unpacked by `zip.ts` through the same `saveFile`.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { makeFolder } from '../../core/folders.js';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { isInstanceRoot } from '../batch/files.js';

/** An answer other than 200 with its code: the server sends `{ error: { code, message } }` with `status`. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

/** What one request may still write: bytes (uncompressed, zips included) and files. */
export interface Budget {
  bytesLeft: number;
  filesLeft: number;
}

const MAX_NAME = 1000;
const MAX_SEGMENT = 255;
const MAX_DEPTH = 32;

/**
 * A client's file name as a relative path inside the request's folder: `\` read as `/`, empty and `.` segments
 * dropped. Absolute names, `..`, control characters and over-long names are refused (400).
 */
export function safeName(raw: string): string {
  const bad = (why: string) => new HttpError(400, 'kessan:uploadRefused', `the file name "${raw.slice(0, 200)}" ${why}`);
  if (raw.length > MAX_NAME) throw bad(`is longer than ${MAX_NAME} characters`);
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw bad('holds a control character');
  const path = raw.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) throw bad('is absolute; name files relative to the upload');
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (!segments.length) throw bad('names no file');
  if (segments.length > MAX_DEPTH) throw bad(`is more than ${MAX_DEPTH} folders deep`);
  for (const s of segments) {
    if (s === '..') throw bad('leads out of the upload (..)');
    if (s.length > MAX_SEGMENT) throw bad(`has a part longer than ${MAX_SEGMENT} characters`);
  }
  return segments.join('/');
}

/**
 * Writes one file of the upload at `name` (already safe) inside `folder`, from a buffer or a stream, counting its
 * bytes against `budget`. A name used twice, or a file where a folder of another name should be, is a 400.
 */
export async function saveFile(folder: string, name: string, source: Buffer | Readable, budget: Budget, maxBody: number): Promise<void> {
  if (budget.filesLeft <= 0) throw new HttpError(413, 'kessan:tooManyFiles', 'the upload holds more files than the server takes');
  budget.filesLeft--;
  const path = join(folder, name);
  try {
    makeFolder(dirname(path));
  } catch {
    throw new HttpError(400, 'kessan:uploadRefused', `the upload names "${name}" where it also has a file of that folder's name`);
  }
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  const opened = once(out, 'open').catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'EEXIST' ? new HttpError(400, 'kessan:uploadRefused', `the upload names "${name}" twice`) : new HttpError(400, 'kessan:uploadRefused', `"${name}" cannot be written: ${e.code ?? 'error'}`);
  });
  await opened;
  const take = (n: number) => {
    budget.bytesLeft -= n;
    if (budget.bytesLeft < 0) throw new HttpError(413, 'kessan:bodyTooLarge', `the upload is larger than the server's limit of ${maxBody} bytes (--max-body)`);
  };
  try {
    if (Buffer.isBuffer(source)) {
      take(source.length);
      out.write(source);
    } else {
      for await (const chunk of source) {
        take((chunk as Buffer).length);
        if (!out.write(chunk)) await once(out, 'drain');
      }
    }
  } finally {
    out.end();
    await once(out, 'close').catch(() => undefined);
  }
}

const INLINE_NS = /http:\/\/www\.xbrl\.org\/(?:2013|2008)\/inlineXBRL/;

/** The media types that say what a body is; anything else (curl's form default, octet-stream) is sniffed. */
const BY_TYPE: Record<string, string> = {
  'application/xhtml+xml': '.xhtml',
  'text/html': '.html',
  'application/json': '.json',
  'text/plain': '.txt',
  'text/markdown': '.md',
};

/** Whether a body is a zip archive (local file header, or an empty archive's end record). */
export function isZip(body: Buffer, contentType = ''): boolean {
  return /^application\/(x-)?zip/.test(contentType) || (body.length >= 4 && body.readUInt32LE(0) === 0x04034b50) || (body.length >= 4 && body.readUInt32LE(0) === 0x06054b50);
}

/**
 * The name a body sent without one is saved as: `document` with the extension its media type or its first
 * bytes say (an XBRL instance .xbrl, Inline XBRL .xhtml/.html, xBRL-JSON .json; anything else .txt, release text).
 */
export function nameForBody(body: Buffer, contentType = ''): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const head = body.subarray(0, 64 * 1024).toString(body[0] === 0xff && body[1] === 0xfe ? 'utf16le' : 'utf8');
  const xmlish = /^\uFEFF?\s*</.test(head);
  if (xmlish && isInstanceRoot(head)) return 'document.xbrl';
  if (xmlish && INLINE_NS.test(head)) return /^\uFEFF?\s*<\?xml/.test(head) ? 'document.xhtml' : 'document.html';
  const byType = BY_TYPE[type];
  if (byType) return `document${byType}`;
  if (type === 'application/xml' || type === 'text/xml') return 'document.xbrl';
  if (/^\uFEFF?\s*[{[]/.test(head)) return 'document.json';
  return xmlish ? 'document.xbrl' : 'document.txt';
}
