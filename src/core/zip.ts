/**
 * Reading a zip, bounded: the one zip reader for taxonomy packages, xBRL-CSV report packages and the service's
 * uploads, on fflate (small, no native code, synchronous). Entries are inflated by streaming and counted as they
 * inflate, so a zip bomb stops at the byte limit whatever its headers claim; an entry that inflates to other than
 * the size its header states, a duplicate name, a name that is absolute or climbs out (`..`), an encrypted entry,
 * too many entries: each is refused with why (`ZipError`; callers give it their own code). Folder entries are left
 * out.
 */
import { createRequire } from 'node:module';

/** fflate, loaded (its CommonJS build, by require) when a zip is first read: most runs read none (issue 18). */
const fflate = (): typeof import('fflate') => createRequire(import.meta.url)('fflate') as typeof import('fflate');

export interface ZipLimits {
  /** Most bytes all entries may inflate to. */
  readonly maxBytes: number;
  /** Most entries (folders included). */
  readonly maxEntries: number;
  /** Entries to inflate; others are skipped, never inflated (default: all). */
  readonly keep?: (name: string) => boolean;
  /** An entry whose name is absolute or leaves the zip: refuse the zip (default), or skip it (never inflated). */
  readonly unsafeNames?: 'refuse' | 'skip';
}

/** Why a zip cannot be read; `tooLarge` when a limit was the reason (a caller may answer 413 for it). */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/** A zip entry's name as a relative path with `/`, or undefined when it is absolute or leaves the zip. */
export function safeEntryName(name: string): string | undefined {
  const parts: string[] = [];
  for (const p of name.replace(/\\/g, '/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') return undefined;
    parts.push(p);
  }
  if (/^[a-zA-Z]:/.test(name) || name.startsWith('/') || name.startsWith('\\') || !parts.length) return undefined;
  return parts.join('/');
}

/**
 * The name of the first encrypted entry the zip's central directory lists, if any (fflate does not say; inflating
 * an encrypted entry would give garbage, not an error). Undefined too when there is no central directory to read.
 */
function encryptedEntry(data: Uint8Array): string | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment is at most that long).
  for (let end = data.length - 22; end >= Math.max(0, data.length - 22 - 0xffff); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < count && at + 46 <= data.length && view.getUint32(at, true) === 0x02014b50; i++) {
      const nameLength = view.getUint16(at + 28, true);
      if (view.getUint16(at + 8, true) & 1) return new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength));
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return undefined;
  }
  return undefined;
}

/** The entries of `data` by their (safe, `/`-separated) names, in zip order. */
export function readZip(data: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const encrypted = encryptedEntry(data);
  if (encrypted !== undefined) throw new ZipError(`the entry "${encrypted.slice(0, 200)}" is encrypted`);
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let count = 0;
  // fflate catches what its callbacks throw (and hands it back as an inflate error), so the first failure is kept
  // here, the rest of the work stopped, and the failure thrown once push returns.
  let failure: ZipError | undefined;
  const fail = (e: ZipError) => {
    failure ??= e;
  };
  const { Unzip, UnzipInflate } = fflate();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (failure) return;
    if (++count > limits.maxEntries) return fail(new ZipError(`more than ${limits.maxEntries} entries`, true));
    if (file.name.endsWith('/')) return;
    const name = safeEntryName(file.name);
    if (name === undefined) {
      if (limits.unsafeNames !== 'skip') fail(new ZipError(`the entry "${file.name.slice(0, 200)}" is an absolute path or leaves the zip`));
      return;
    }
    if (limits.keep && !limits.keep(name)) return; // skipped, never inflated
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) return fail(new ZipError(`${name}: ${err.message}`));
      size += chunk.length;
      total += chunk.length;
      if (total > limits.maxBytes) {
        fail(new ZipError(`its entries inflate to more than ${limits.maxBytes} bytes`, true));
        return file.terminate();
      }
      chunks.push(chunk);
      if (!final) return;
      if (file.originalSize !== undefined && file.originalSize > 0 && size !== file.originalSize) return fail(new ZipError(`${name} inflates to ${size} bytes, not the ${file.originalSize} its header says`));
      if (entries.has(name)) return fail(new ZipError(`${name} appears twice`));
      const out = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      entries.set(name, out);
    };
    file.start();
  };
  try {
    unzip.push(data, true);
  } catch (e) {
    if (!failure) throw new ZipError((e as Error).message);
  }
  if (failure) throw failure;
  if (count === 0) throw new ZipError('no entries (is it a zip file?)');
  return entries;
}
