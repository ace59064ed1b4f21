import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeFolder } from '../core/folders.js';
import type { TextPieces } from './writers.js';

let written = 0;

/**
 * A temporary name no other writer uses: unique in this thread by a counter, across processes and worker threads
 * by the pid and a random part. It need not be unguessable: the `wx` flag (O_EXCL) refuses an existing file or
 * link. (Not node:crypto: loading it is ~8 ms of a small conversion's start-up.)
 */
function tempSuffix(): string {
  return `${process.pid}.${(written++).toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the data goes to
 * a temporary file in the same folder (same file system), which is then renamed over `path`. The parent
 * folder is created when missing. Strings are written as UTF-8; text in pieces (`TextPieces`) a piece at a time, as
 * each is made. When making a piece throws (a writer refusing a fact), nothing is left behind and the error is
 * thrown as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | TextPieces): Promise<void> {
  const dir = dirname(path);
  makeFolder(dir);
  const temp = join(dir, `.${basename(path)}.${tempSuffix()}.tmp`);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(temp, data, { flag: 'wx' });
    else await writePieces(temp, data.pieces);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** How much text `writePieces` gathers before it writes: a few hundred writes for a 300 MB file, not thousands. */
const BUFFER_BYTES = 1 << 20;

/**
 * Writes text pieces through one reused buffer, each encoded straight into it (a Buffer made for each of 8,000
 * pieces, and a write for each, cost a third of writing a million facts' xBRL-JSON).
 */
async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const file = await open(path, 'wx');
  // write(2) may write less than it is given (a full disk says so on the next call).
  const writeAll = async (bytes: Uint8Array, length: number) => {
    for (let done = 0; done < length; ) done += (await file.write(bytes, done, length - done)).bytesWritten;
  };
  try {
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    let used = 0;
    for (const piece of pieces) {
      // UTF-8 takes at most 3 bytes for a UTF-16 code unit.
      if (used + piece.length * 3 > BUFFER_BYTES) {
        if (used > 0) await writeAll(buffer, used);
        used = 0;
        if (piece.length * 3 > BUFFER_BYTES) {
          const bytes = Buffer.from(piece);
          await writeAll(bytes, bytes.length);
          continue;
        }
      }
      used += buffer.write(piece, used);
    }
    if (used > 0) await writeAll(buffer, used);
  } finally {
    await file.close();
  }
}
