/**
 * Which documents a batch reads: files named on the command line as they are, folders expanded (recursively,
 * in a fixed order) to the documents kessan reads, found by a cheap look at each file's first kilobytes, and
 * Inline XBRL document sets (EDINET manifests) collapsed to one entry, because reading any member reads the set.
 *
 * An xBRL-CSV report is one document, its metadata file: its CSV tables are never documents of their own, nor is
 * a metadata file that another one in its folder extends (it is part of that report). A report package (`.xbr`)
 * is one document; a `.zip` only when named.
 */
import { closeSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pushAll } from '../../core/arrays.js';
import { insideManifestFolder, manifestSets } from '../../formats/ixbrl/read/manifest.js';

export { manifestSets };

export interface BatchInputs {
  /** The documents to read, in order: folder contents sorted by path, named files where they were named. */
  readonly files: string[];
  /** How much there is to read for each of `files`, in bytes (a whole document set for its entry). */
  readonly weights: number[];
  /** Folders named on the command line that hold no document kessan reads. */
  readonly emptyFolders: string[];
}

const HEAD = 64 * 1024;
const INSTANCE_NS = 'http://www.xbrl.org/2003/instance';
const INLINE_NS = ['http://www.xbrl.org/2013/inlineXBRL', 'http://www.xbrl.org/2008/inlineXBRL'];

/** Expands command-line arguments to the documents a batch reads (see the module comment). */
export function expandInputs(args: readonly string[]): BatchInputs {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  for (const arg of args) {
    if (!isFolder(arg)) {
      files.push(arg);
      continue;
    }
    const found = withoutCsvBases(walk(arg).filter(isDocument));
    if (found.length) pushAll(files, found);
    else emptyFolders.push(arg);
  }
  const entries = collapseSets(dedupe(files));
  return { files: entries.map((e) => e.file), weights: entries.map((e) => e.members.reduce((n, m) => n + sizeOf(m), 0) + csvTablesSize(e.file)), emptyFolders };
}

const CSV_TYPE = /"documentType"\s*:\s*"https:\/\/xbrl\.org\/(?:2021|[A-Z]+\/[\d-]+)\/xbrl-csv"/;

/** xBRL-CSV metadata files that another one in the same folder extends: parts of that report, not reports. */
function withoutCsvBases(files: readonly string[]): string[] {
  const bases = new Set<string>();
  for (const f of files) {
    if (extname(f).toLowerCase() !== '.json') continue;
    const text = head(f);
    if (!CSV_TYPE.test(text)) continue;
    for (const m of text.matchAll(/"extends"\s*:\s*\[([^\]]*)\]/g)) for (const s of m[1]!.matchAll(/"([^"]*)"/g)) bases.add(resolve(dirname(f), s[1]!));
  }
  return bases.size ? files.filter((f) => !bases.has(resolve(f))) : [...files];
}

/** For an xBRL-CSV metadata file, the size of the CSV files beside it (what reading it reads); else 0. */
function csvTablesSize(file: string): number {
  if (extname(file).toLowerCase() !== '.json' || !CSV_TYPE.test(head(file))) return 0;
  try {
    return readdirSync(dirname(file)).filter((n) => n.toLowerCase().endsWith('.csv')).reduce((n, name) => n + sizeOf(join(dirname(file), name)), 0);
  } catch {
    return 0;
  }
}

/** Whether `path` names a folder (false when it names nothing). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under `dir`, depth first, entries in code-unit order (the same on every machine and locale). */
export function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) pushAll(out, walk(path));
    else if (e.isFile() || (e.isSymbolicLink() && isFile(path))) out.push(path);
  }
  return out;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether a file found in a folder is a document kessan reads (release text only counts when named). */
export function isDocument(path: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.xbrl' || ext === '.xbr') return true;
  if (ext === '.xml') return isInstanceRoot(head(path));
  if (ext === '.htm' || ext === '.html' || ext === '.xhtml') return INLINE_NS.some((ns) => head(path).includes(ns));
  if (ext === '.json') return head(path).includes('"documentInfo"') || tail(path).includes('"documentInfo"');
  return false;
}

/** The first bytes of a file as text (UTF-8, or UTF-16 when it starts with that byte order mark). */
function head(path: string): string {
  return readAt(path, 0);
}

function tail(path: string): string {
  try {
    const size = statSync(path).size;
    return size > HEAD ? readAt(path, size - 4096) : '';
  } catch {
    return '';
  }
}

function readAt(path: string, position: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD);
    const n = readSync(fd, buf, 0, HEAD, position);
    const bytes = buf.subarray(0, n);
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
 * Whether XML text starts with an `xbrl` root element in the XBRL instance namespace (prefixed or default).
 * Skips the XML declaration, comments, processing instructions and a DOCTYPE before it.
 */
export function isInstanceRoot(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) i = after(text, '?>', i);
    else if (text.startsWith('<!--', i)) i = after(text, '-->', i);
    else if (text.startsWith('<!', i)) i = after(text, '>', i);
    else break;
    if (i < 0) return false;
  }
  const m = /^<(?:([A-Za-z_][\w.-]*):)?xbrl(?=[\s/>])/.exec(text.slice(i, i + 200));
  if (!m) return false;
  const end = text.indexOf('>', i);
  const tag = end < 0 ? text.slice(i) : text.slice(i, end);
  const decl = m[1] ? `xmlns:${m[1]}` : 'xmlns';
  const ns = new RegExp(`\\s${decl.replace(/[.]/g, '\\.')}\\s*=\\s*(["'])([^"']*)\\1`).exec(tag);
  // A start tag cut off by the sniffed length: the name is enough.
  return ns ? ns[2] === INSTANCE_NS : end < 0;
}

function after(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

function dedupe(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Inline XBRL documents of one EDINET-style set (a `manifest*.xml` beside them lists them) become the first one given. */
function collapseSets(files: readonly string[]): { file: string; members: string[] }[] {
  const manifests = new Map<string, string[][]>();
  const done = new Set<string>();
  const out: { file: string; members: string[] }[] = [];
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    if (ext !== '.htm' && ext !== '.html' && ext !== '.xhtml') {
      out.push({ file, members: [file] });
      continue;
    }
    const dir = dirname(file);
    if (!manifests.has(dir)) manifests.set(dir, manifestSets(dir).map((s) => s.docs.filter((d) => insideManifestFolder(dir, d))));
    const set = manifests.get(dir)!.find((s) => s.includes(basename(file)));
    if (!set) {
      out.push({ file, members: [file] });
      continue;
    }
    const key = join(resolve(dir), set[0]!);
    if (done.has(key)) continue;
    done.add(key);
    out.push({ file, members: set.map((m) => join(dir, m)) });
  }
  return out;
}

