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

async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const file = await open(path, 'wx');
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece);
      // write(2) may write less than it is given (a full disk says so on the next call).
      for (let done = 0; done < bytes.length; ) done += (await file.write(bytes, done)).bytesWritten;
    }
  } finally {
    await file.close();
  }
}
