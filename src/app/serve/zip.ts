/**
 * Unpacking an uploaded zip into the request's folder, with yauzl: it refuses absolute and `..` entry names and
 * checks that each entry inflates to exactly the size its header declares, so the declared sizes can be held
 * against the budget before anything is inflated (a zip bomb is refused by its headers, never expanded).
 * Folders are made as needed; links and other special entries are written as plain files (never followed).
 */
import yauzl from 'yauzl';
import { HttpError, safeName, saveFile, type Budget } from './upload.js';

/** Unpacks `zip` into `folder`, each entry under `prefix` (the zip's own folder in the upload, or ''). */
export async function unzipInto(zip: Buffer, folder: string, prefix: string, budget: Budget, maxBody: number): Promise<string[]> {
  let archive: yauzl.ZipFile;
  try {
    archive = await yauzl.fromBufferPromise(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch (e) {
    throw new HttpError(400, 'kessan:zipInvalid', `the zip cannot be read: ${(e as Error).message}`);
  }
  // An entry that inflates to other than its declared size fails its stream (which is caught below); the
  // archive repeats the error as an event, which must not go unheard.
  archive.on('error', () => undefined);
  const names: string[] = [];
  try {
    if (archive.entryCount > budget.filesLeft) throw new HttpError(413, 'kessan:tooManyFiles', `the zip holds ${archive.entryCount} entries, more than the server takes`);
    for await (const entry of archive.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw new HttpError(400, 'kessan:zipInvalid', `the zip entry "${entry.fileName.slice(0, 200)}" is encrypted`);
      if (entry.uncompressedSize > budget.bytesLeft) throw new HttpError(413, 'kessan:bodyTooLarge', `the zip inflates to more than the server's limit of ${maxBody} bytes (--max-body)`);
      const name = safeName(prefix ? `${prefix}/${entry.fileName}` : entry.fileName);
      const stream = await archive.openReadStreamPromise(entry);
      stream.on('error', () => undefined); // saveFile's reading sees it; this keeps a late repeat from going unheard
      await saveFile(folder, name, stream, budget, maxBody);
      names.push(name);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, 'kessan:zipInvalid', `the zip cannot be read: ${(e as Error).message}`);
  } finally {
    archive.close();
  }
  return names;
}
