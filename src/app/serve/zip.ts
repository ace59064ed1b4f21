/**
 * Unpacking an uploaded zip into the request's folder, with the one zip reader (core/zip.ts): entries are counted
 * as they inflate, so a zip bomb stops at what is left of the body limit whatever its headers claim; an entry
 * that inflates to other than its declared size, a name that is absolute or leads out (`..`), or an encrypted
 * entry refuses the zip. Each entry is then saved like an uploaded file (its name checked again, the budget
 * counted).
 */
import { readZip, ZipError } from '../../core/zip.js';
import { HttpError, safeName, saveFile, type Budget } from './upload.js';

/** Unpacks `zip` into `folder`, each entry under `prefix` (the zip's own folder in the upload, or ''). */
export async function unzipInto(zip: Buffer, folder: string, prefix: string, budget: Budget, maxBody: number): Promise<string[]> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZip(zip, { maxBytes: budget.bytesLeft, maxEntries: budget.filesLeft });
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    if (e.tooLarge) throw new HttpError(413, 'kessan:bodyTooLarge', `the zip inflates to more than the server's limit of ${maxBody} bytes (--max-body), or holds more entries than it takes: ${e.message}`);
    throw new HttpError(400, 'kessan:zipInvalid', `the zip cannot be read: ${e.message}`);
  }
  const names: string[] = [];
  for (const [entry, bytes] of entries) {
    const name = safeName(prefix ? `${prefix}/${entry}` : entry);
    await saveFile(folder, name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), budget, maxBody);
    names.push(name);
  }
  return names;
}
