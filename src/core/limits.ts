/**
 * Limits on what kessan reads, and reading input files within them. Hostile input is expected: a file can be
 * huge, nest deeply, hold millions of facts, be binary junk or be in another encoding than it claims.
 *
 * The limits have defaults that fit any real filing; the environment (`KESSAN_MAX_FILE_SIZE`,
 * `KESSAN_MAX_DEPTH`, `KESSAN_MAX_FACTS`, `KESSAN_MAX_DIMENSIONS`) or the CLI's `--max-file-size`, `--max-depth`,
 * `--max-facts` raise or lower them. `confineTo` keeps DTS discovery inside the filing's folder (set by the CLI, see `--allow-dir`).
 */
import { readFileSync, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { KessanError } from './errors.js';
import { virtualFile } from './virtual-files.js';

export interface Limits {
  /** Largest input file read, in bytes. Default 512 MiB. */
  readonly maxFileSize: number;
  /** Deepest element nesting in XML (root is 1). Default 1000. */
  readonly maxDepth: number;
  /** Most facts (items and tuples) in one instance. Default 10 million. */
  readonly maxFacts: number;
  /**
   * Most taxonomy-defined dimensions on one fact (one context's segment and scenario together). Default 1000;
   * real filings use a handful. Read by the xBRL-JSON reader, where each fact names its own.
   */
  readonly maxDimensions: number;
  /** Longest text node (UTF-16 code units). Default 64 Mi. */
  readonly maxTextLength: number;
  /** Longest attribute value. Default 1 Mi. */
  readonly maxAttributeLength: number;
  /**
   * When set, DTS discovery reads local files only inside these folders (absolute paths) and the entry
   * document's own folder; anything else is refused (`kessan:referenceRefused`). Undefined: no confinement
   * (the library default; the CLI confines).
   */
  readonly confineTo?: readonly string[];
  /**
   * Where base taxonomies are found offline (see core/taxonomy/locations.ts): XBRL Taxonomy Packages (.zip) and
   * folders laid out by URL without the scheme. Read (and allowed) besides the filing's folder. The environment's
   * `KESSAN_TAXONOMY_PATH` (entries separated like PATH; a `.zip` is a package) comes first.
   */
  readonly taxonomyPackages?: readonly string[];
  readonly taxonomyDirs?: readonly string[];
}

export const BUILTIN_LIMITS: Limits = {
  maxFileSize: 512 * 1024 * 1024,
  maxDepth: 1000,
  maxFacts: 10_000_000,
  maxDimensions: 1000,
  maxTextLength: 64 * 1024 * 1024,
  maxAttributeLength: 1024 * 1024,
};

const ENV: Record<string, 'maxFileSize' | 'maxDepth' | 'maxFacts' | 'maxDimensions'> = {
  KESSAN_MAX_FILE_SIZE: 'maxFileSize',
  KESSAN_MAX_DEPTH: 'maxDepth',
  KESSAN_MAX_FACTS: 'maxFacts',
  KESSAN_MAX_DIMENSIONS: 'maxDimensions',
};

/** Parses a positive size: `1000`, `64k`, `512M`, `2G` (binary multiples). Undefined when not one. */
export function parseSize(raw: string): number | undefined {
  const m = /^\s*(\d{1,15})\s*([kKmMgG]i?[bB]?|[bB])?\s*$/.exec(raw);
  if (!m) return undefined;
  const unit = (m[2] ?? '').charAt(0).toLowerCase();
  const n = Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function fromEnv(): Limits {
  const out: { -readonly [K in keyof Limits]: Limits[K] } = { ...BUILTIN_LIMITS };
  const path = process.env.KESSAN_TAXONOMY_PATH;
  if (path) {
    const entries = path.split(delimiter).filter(Boolean).map((p) => resolve(p));
    out.taxonomyPackages = entries.filter((p) => /\.zip$/i.test(p));
    out.taxonomyDirs = entries.filter((p) => !/\.zip$/i.test(p));
  }
  for (const [name, key] of Object.entries(ENV)) {
    const raw = process.env[name];
    if (raw === undefined || raw === '') continue;
    const n = parseSize(raw);
    if (n === undefined) throw new KessanError('kessan:usage', `${name} must be a positive number (such as 1000, 64k or 512M), not "${raw}"`, {}, 2);
    out[key] = n;
  }
  return out;
}

let current: Limits | undefined;

/** The limits in force: set by `setLimits`, else the environment's over the built-in defaults. */
export function currentLimits(): Limits {
  return (current ??= fromEnv());
}

/** Sets the limits (over the environment's and the defaults); `setLimits()` resets to those. */
export function setLimits(overrides: Partial<Limits> = {}): Limits {
  current = undefined;
  const base = currentLimits();
  current = { ...base, ...overrides };
  return current;
}

/**
 * Reads an input file's bytes: a missing file, a folder or a file over `maxFileSize` is a KessanError with
 * `code` (exit 2); so is a read error.
 */
export function readInputBytes(file: string, code = 'kessan:inputUnreadable', what = ''): Buffer {
  const inside = virtualFile(file);
  if (inside) return inside;
  checkInputFile(file, code, what);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new KessanError(code, `${what}cannot read: ${(e as Error).message}`, { file }, 2);
  }
}

/**
 * Throws what `readInputBytes` throws before reading (no such file, a folder, over `maxFileSize`), for a reader
 * that reads the file itself, in pieces. Not for package entries (`virtualFile`).
 */
export function checkInputFile(file: string, code = 'kessan:inputUnreadable', what = ''): void {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new KessanError(code, `${what}no such file`, { file }, 2);
  }
  if (st.isDirectory()) throw new KessanError(code, `${what}is a folder, not a file`, { file }, 2);
  const max = currentLimits().maxFileSize;
  if (st.size > max) {
    throw new KessanError('kessan:fileTooLarge', `${what}the file is ${st.size} bytes, more than the limit of ${max} (raise it with --max-file-size or KESSAN_MAX_FILE_SIZE)`, { file }, 2);
  }
}

/** 1-based line and column of byte `offset` in `buf` (columns counted in bytes). */
function lineAt(buf: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 10) (line++, (start = i + 1));
  return { line, column: offset - start + 1 };
}

/** Offset of the first byte that makes `buf` invalid UTF-8, or -1. */
export function invalidUtf8At(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes text by its byte-order mark (UTF-8, UTF-16LE, UTF-16BE; the BOM is dropped), else as UTF-8.
 * Invalid UTF-8 and NUL bytes are a KessanError `code` naming the line (exit `exitCode`): text with them is
 * binary or in an encoding that was not declared, and reading it as text would silently change it.
 */
export function decodeText(buf: Uint8Array, file: string, code = 'kessan:invalidEncoding', exitCode: 1 | 2 = 2): string {
  let text: string;
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf); // drops a UTF-8 BOM
    } catch {
      const bad = Math.max(0, invalidUtf8At(buf));
      throw new KessanError(code, `not valid UTF-8 (byte 0x${(buf[bad] ?? 0).toString(16).padStart(2, '0')}); is it text, in UTF-8 or with a byte-order mark?`, { file, ...lineAt(buf, bad) }, exitCode);
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    let line = 1;
    let start = 0;
    for (let i = 0; i < nul; i++) if (text.charCodeAt(i) === 10) (line++, (start = i + 1));
    throw new KessanError(code, 'holds a NUL character: binary data, not text', { file, line, column: nul - start + 1 }, exitCode);
  }
  return text;
}
