/**
 * Where an xBRL-CSV report's files come from: a folder (the metadata file and the tables beside it) or a report
 * package (a zip). Both answer the same question, "the bytes of the file this href names, from this file", so the
 * reader does not care which.
 *
 * - A folder: hrefs resolve as DTS references do (core/taxonomy/resolver.ts): relative to the referencing file,
 *   never fetched, and confined like them (nothing outside the report's folder and the allowed folders is opened,
 *   or even looked at).
 * - A package: read into memory once, only its `.json` and `.csv` entries, within the size limit (counted as they
 *   inflate, whatever the zip's headers claim); an href that leaves the package is refused.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, posix } from 'node:path';
import { KessanError } from '../../../core/errors.js';
import { currentLimits, readInputBytes } from '../../../core/limits.js';
import { confinedResolver, type Resolver } from '../../../core/taxonomy/resolver.js';
import { readZip, ZipError } from '../../../core/zip.js';

export type Fetched =
  | { readonly kind: 'file'; readonly path: string; readonly bytes: Uint8Array }
  /** Not there (or a URL, never fetched). */
  | { readonly kind: 'missing'; readonly path: string }
  /** Outside what may be read: not looked at. */
  | { readonly kind: 'refused'; readonly path: string };

export interface ReportSource {
  /** The primary metadata file (as messages name it). */
  readonly metadata: string;
  /** The primary metadata file's bytes (a KessanError, exit 2, when it cannot be read). */
  primary(): { readonly path: string; readonly bytes: Uint8Array };
  /** The file `href` names, as written in `from` (a path this source gave). */
  fetch(href: string, from: string): Fetched;
  /** A relative taxonomy href as written in `from`, made relative to the folder the report is read from. */
  taxonomyHref(href: string, from: string): string;
}

const URL_LIKE = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/** A report read from files on disk; `metadata` is the primary metadata file. */
export function folderSource(metadata: string): ReportSource {
  let resolver: Resolver | undefined;
  return {
    metadata,
    primary: () => ({ path: metadata, bytes: readTextBytes(metadata, 'xbrlce:invalidJSON') }),
    fetch(href, from) {
      resolver ??= confinedResolver([metadata], currentLimits().confineTo);
      const r = resolver.resolve(href, from);
      if (r.kind === 'unavailable') return { kind: r.refused ? 'refused' : 'missing', path: r.url };
      return { kind: 'file', path: r.path, bytes: readTextBytes(r.path, /\.json$/i.test(r.path) ? 'xbrlce:invalidJSON' : 'xbrlce:invalidCSVFileFormat') };
    },
    taxonomyHref: (href) => href,
  };
}

/**
 * A text file's bytes, within the size limit; a file whose first 64 KB hold a NUL byte is binary (a sparse file,
 * say) and is refused before the rest of it is read.
 */
function readTextBytes(path: string, code: string): Uint8Array {
  let fd: number | undefined;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return readInputBytes(path); // which says so
    // A FIFO or a device would block the read, or never end.
    if (!st.isFile()) throw new KessanError('kessan:inputUnreadable', 'is not a regular file', { file: path }, 2);
    if (st.size > currentLimits().maxFileSize) return readInputBytes(path);
    fd = openSync(path, 'r');
    const head = Buffer.alloc(64 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    const nul = head.subarray(0, n).indexOf(0);
    if (nul >= 0 && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) {
      throw new KessanError(code, `holds a NUL byte (at byte ${nul}): binary data, not UTF-8 text`, { file: path }, 1);
    }
  } catch (e) {
    if (e instanceof KessanError) throw e;
    // Unreadable: readInputBytes says why.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return readInputBytes(path);
}

/** Entries of a package kept in memory: those a report is made of. */
const KEPT = /\.(json|csv)$/i;
const MAX_ENTRIES = 100_000;

/** A report package: `zip` is its path; the report is found inside (see `findReport`). */
export function packageSource(zip: string): ReportSource {
  const entries = readPackage(zip);
  return memorySource(zip, entries, findReport(zip, entries), true);
}

/**
 * A report whose files are in memory, named by paths relative to `root` (a package's path: the files are then
 * `<root>/<entry>` in messages); `primary` is the metadata file's entry. `packaged`: relative taxonomy hrefs are
 * made relative to the folder holding `root` (a zip read as a folder); else they stay relative to the metadata.
 */
export function memorySource(root: string, entries: ReadonlyMap<string, Uint8Array>, primary: string, packaged = false): ReportSource {
  const virtual = (entry: string) => `${root}/${entry}`;
  return {
    metadata: virtual(primary),
    primary: () => ({ path: virtual(primary), bytes: entries.get(primary)! }),
    fetch(href, from) {
      const entry = insidePackage(href, from, root);
      if (entry === undefined) return { kind: URL_LIKE.test(href) ? 'missing' : 'refused', path: href };
      const bytes = entries.get(entry);
      return bytes ? { kind: 'file', path: virtual(entry), bytes } : { kind: 'missing', path: virtual(entry) };
    },
    // The zip is read as a folder of its own name (as Arelle reads it): `<zip>/<entry>`.
    taxonomyHref(href, from) {
      if (!packaged || URL_LIKE.test(href) || href.startsWith('/')) return href;
      const target = posix.normalize(posix.join(posix.dirname(from.slice(root.length + 1)), href));
      return target.startsWith('../') ? target.slice(3) : `${basename(root)}/${target}`;
    },
  };
}

/** The entry `href` names from `from` (a virtual `<zip>/<entry>` path), or undefined when it leaves the package. */
function insidePackage(href: string, from: string, zip: string): string | undefined {
  if (URL_LIKE.test(href) || href.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(href);
  } catch {
    return undefined;
  }
  const entry = posix.normalize(posix.join(posix.dirname(from.slice(zip.length + 1)), decoded));
  return entry.startsWith('../') || entry === '..' ? undefined : entry;
}

function readPackage(zip: string): Map<string, Uint8Array> {
  try {
    return readZip(readInputBytes(zip), { maxBytes: currentLimits().maxFileSize, maxEntries: MAX_ENTRIES, keep: (name) => KEPT.test(name), unsafeNames: 'skip' });
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    throw new KessanError('kessan:invalidPackage', `not a report package that can be read: ${e.message}${e.tooLarge ? ' (raise the limit with --max-file-size)' : ''}`, { file: zip }, 1);
  }
}

const REPORT_PACKAGE_TYPES = ['https://xbrl.org/report-package/2023/xbr', 'https://xbrl.org/report-package/2023'];

/**
 * The xBRL-CSV report of a package: in a report package (`<top>/META-INF/reportPackage.json`), the one report in
 * `<top>/reports/` (directly, or alone in a sub-folder of it); in another zip, the one xBRL-CSV metadata file.
 */
function findReport(zip: string, entries: ReadonlyMap<string, Uint8Array>): string {
  const names = [...entries.keys()].sort();
  const tops = new Set(names.map((n) => n.split('/')[0]!));
  const top = tops.size === 1 && names.every((n) => n.includes('/')) ? [...tops][0]! : undefined;
  const manifest = top !== undefined ? entries.get(`${top}/META-INF/reportPackage.json`) : undefined;
  const text = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(b);
  let candidates: string[];
  if (manifest) {
    let type: unknown;
    try {
      type = (JSON.parse(text(manifest)) as { documentInfo?: { documentType?: unknown } }).documentInfo?.documentType;
    } catch {
      throw new KessanError('rpe:invalidJSON', 'META-INF/reportPackage.json is not valid JSON', { file: zip }, 1);
    }
    if (typeof type !== 'string' || !REPORT_PACKAGE_TYPES.includes(type)) {
      throw new KessanError('rpe:unsupportedReportPackageVersion', `report package type ${JSON.stringify(type)} is not one kessan reads (${REPORT_PACKAGE_TYPES.join(', ')})`, { file: zip }, 1);
    }
    const reports = `${top}/reports/`;
    if (!names.some((n) => n.startsWith(reports))) throw new KessanError('rpe:missingReportsDirectory', 'the report package has no reports/ folder', { file: zip }, 1);
    candidates = names.filter((n) => n.startsWith(reports) && n.toLowerCase().endsWith('.json') && n.slice(reports.length).split('/').length <= 2);
  } else {
    candidates = names.filter((n) => n.toLowerCase().endsWith('.json'));
  }
  const csv = candidates.filter((n) => /"documentType"\s*:\s*"https:\/\/xbrl\.org\/(?:[A-Z]+\/[\d-]+|2021)\/xbrl-csv"/.test(text(entries.get(n)!)));
  if (csv.length === 1) return csv[0]!;
  if (csv.length === 0) {
    throw new KessanError(
      'rpe:missingReport',
      candidates.length ? `the package holds no xBRL-CSV report (${candidates.slice(0, 5).join(', ')} ${candidates.length > 1 ? 'are' : 'is'} not one; kessan reads xBRL-CSV packages)` : 'the package holds no report',
      { file: zip },
      1,
    );
  }
  throw new KessanError('rpe:multipleReports', `the package holds ${csv.length} xBRL-CSV reports (${csv.slice(0, 5).join(', ')}); kessan reads one at a time`, { file: zip }, 1);
}
