/**
 * Giving a document to the streaming parser in pieces: from a string already in memory, or from a file read and
 * decoded 64 KiB at a time, so that neither the file's bytes nor its whole text are ever held (130 MB each for
 * a million facts).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { KessanError } from '../errors.js';
import { detached } from '../model/strings.js';
import { checkInputFile, readInputBytes } from '../limits.js';
import { virtualFile } from '../virtual-files.js';
import { rejectDoctype, stripBom } from './parse.js';
import type { XmlScanner } from './scanner.js';
import { decodeXml, xmlEncodingOf } from './tree.js';

const CHUNK = 64 * 1024;

/**
 * `source` in pieces that are copies. V8 makes a substring of 13 or more characters a view into its parent,
 * and the parser hands out attribute values and text as substrings of what it was given: one long attribute value
 * kept in a context would keep the whole document alive (13 MB for 100,000 facts, 130 MB for a million).
 * Copied pieces bound what such a view can keep to one piece. Positions are unchanged: the parser counts them
 * across writes.
 */
export function* textChunks(source: string): Generator<string, void, undefined> {
  for (let i = 0; i < source.length; i += CHUNK) yield detached(source.slice(i, i + CHUNK));
}

/**
 * An XML file's text in pieces, decoded as `decodeXml` decodes the whole file (same encodings, same errors:
 * when a piece holds bytes that are not UTF-8, or a NUL, the file is read whole once more so that the error
 * names the line `decodeXml` names). A missing file, a folder or one over the size limit is what
 * `readInputBytes` throws. A package entry, already in memory, is decoded whole and given in copies.
 */
export function* fileChunks(path: string): Generator<string, void, undefined> {
  const inside = virtualFile(path);
  if (inside) {
    yield* textChunks(decodeXml(inside, path));
    return;
  }
  checkInputFile(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new KessanError('kessan:inputUnreadable', `cannot read: ${(e as Error).message}`, { file: path }, 2);
  }
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    const read = (at = 0): number => {
      try {
        return readSync(fd, buf, at, CHUNK - at, null);
      } catch (e) {
        throw new KessanError('kessan:inputUnreadable', `cannot read: ${(e as Error).message}`, { file: path }, 2);
      }
    };
    // The encoding is told from the first 200 bytes (a pipe may give fewer at a time).
    let n = 0;
    for (let got = read(); got > 0; got = n < 200 ? read(n) : 0) n += got;
    const encoding = xmlEncodingOf(buf.subarray(0, n));
    const utf8 = encoding === 'utf-8';
    const decoder = new TextDecoder(encoding, { fatal: utf8 });
    for (;;) {
      let text: string;
      try {
        text = n > 0 ? decoder.decode(buf.subarray(0, n), { stream: true }) : decoder.decode();
      } catch {
        throwAsWhole(path, 'bytes that are not UTF-8');
      }
      if (utf8 && text.includes('\u0000')) throwAsWhole(path, 'a NUL character');
      if (text) yield text;
      if (n === 0) return;
      n = read();
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The error `decodeXml` gives for the whole file (with its line), for a piece that could not be decoded. A pipe
 * or a device cannot be read again: its error says what was found, without a line.
 */
function throwAsWhole(path: string, what: string): never {
  let regular = false;
  try {
    regular = statSync(path).isFile();
  } catch {
    /* gone: said below */
  }
  if (regular) decodeXml(readInputBytes(path), path);
  const message = regular ? 'the file changed while it was read' : `not well-formed XML: ${what}; is it text, in UTF-8 or with a byte-order mark?`;
  throw new KessanError(regular ? 'kessan:inputUnreadable' : 'kessan:xmlNotWellFormed', message, { file: path }, regular ? 2 : 1);
}

/**
 * Feeds a document's pieces to the parser, then closes the parser. A BOM is dropped, and the prolog is checked
 * for a DOCTYPE (`rejectDoctype`) before anything is parsed, however many pieces it takes.
 */
export function parseChunks(parser: XmlScanner, chunks: Iterable<string>, file: string): void {
  let head: string | undefined = '';
  for (const piece of chunks) {
    if (head === undefined) parser.write(piece);
    else {
      head = head ? head + piece : stripBom(piece);
      if (rejectDoctype(head, file)) {
        parser.write(head);
        head = undefined;
      }
    }
  }
  if (head) parser.write(head);
  parser.close();
}
