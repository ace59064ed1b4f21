/**
 * Opening a document: the one way every command, the batch runner and the library read a file.
 *
 * The format is told by the file's extension (or given). Release text is read with its filer profile: the one
 * given, else `<name>.profile.json` beside it, else the only `*.profile.json` in its folder — the same for
 * `convert`, `facts`, `validate` and `roundtrip`. Only the modules of the format being read are loaded (start-up is
 * most of a small conversion).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { KessanError } from '../core/errors.js';
import { decodeText, readInputBytes } from '../core/limits.js';
import type { Report } from '../core/model/report.js';
import type { InstanceDocument } from '../core/xbrl/infoset.js';
import type { Profile } from '../formats/release/read/profile.js';
import { inputFormatOf, type Format } from './formats.js';

export interface OpenOptions {
  /** The document's format; by default told by its extension (an .htm/.html page without Inline XBRL is a release). */
  readonly format?: Format;
  /** Filer profile file for release text; found beside the input when absent. */
  readonly profile?: string;
  /**
   * Where the report will be written: a release's schemaRef is made relative to it (default: relative to the
   * input itself, as `facts` and `validate` list it).
   */
  readonly output?: string;
  /** Inline XBRL: every document of the set `file` belongs to, read as one (default: `file`, or its manifest's set). */
  readonly members?: readonly string[];
}

/** A document read: its facts and findings, and what the format adds for the validator and the writers. */
export interface OpenedDocument {
  readonly file: string;
  readonly format: Format;
  readonly report: Report;
  /** XBRL 2.1 instances: the instance as written (contexts, units, references), which the XBRL 2.1 rules check. */
  readonly instance?: InstanceDocument;
  /** Release text: the filer profile it was read with. */
  readonly profile?: Profile;
}

type Opener = (file: string, options: OpenOptions) => OpenedDocument;

/** One opener per format, each importing its reader only when asked for. A new format is one entry here. */
const OPENERS: Record<Format, () => Promise<Opener>> = {
  xbrl: async () => {
    const { readInstanceFile } = await import('../formats/xbrl/read/read.js');
    return (file) => {
      const report = readInstanceFile(file);
      return { file, format: 'xbrl', report, instance: report.instance };
    };
  },
  json: async () => {
    const { readXbrlJsonFile } = await import('../formats/json/read/read.js');
    return (file) => ({ file, format: 'json', report: readXbrlJsonFile(file) });
  },
  csv: async () => {
    const { readXbrlCsvFile } = await import('../formats/csv/read/read.js');
    // A folder is read through its metadata file, a package as itself: that file is what its taxonomy hrefs are relative to.
    return (file) => {
      const report = readXbrlCsvFile(file);
      return { file: report.documentInfo.source ?? file, format: 'csv', report };
    };
  },
  ixbrl: async () => {
    const { readInlineFile, readInlineFiles } = await import('../formats/ixbrl/read/index.js');
    return (file, options) => ({ file, format: 'ixbrl', report: options.members?.length ? readInlineFiles(options.members) : readInlineFile(file) });
  },
  release: async () => {
    const [{ loadProfile }, { readReleaseWithProfile }] = await Promise.all([import('../formats/release/read/profile.js'), import('../formats/release/read/index.js')]);
    return (file, options) => {
      const text = readInputText(file);
      const profile = loadProfile(options.profile ?? findProfile(file));
      const report = readReleaseWithProfile(text, file, profile, schemaRefFor(profile, options.output ?? file));
      return { file, format: 'release', report, profile };
    };
  },
};

const loaded = new Map<Format, Opener>();

/** The opener of `format`, loading its modules once. */
async function openerOf(format: Format): Promise<Opener> {
  let opener = loaded.get(format);
  if (!opener) {
    opener = await OPENERS[format]();
    loaded.set(format, opener);
  }
  return opener;
}

/**
 * Reads any document kessan reads. Throws KessanError for what cannot be read at all (exit 2: missing,
 * unreadable, not a known format; exit 1: not well-formed); what is wrong inside is in `report.findings`.
 */
export async function openDocument(file: string, options: OpenOptions = {}): Promise<OpenedDocument> {
  const format = options.format ?? inputFormatOf(file);
  return (await openerOf(format))(file, options);
}

/** The schemaRef a release's report written to `output` needs to reach its taxonomy (relative, with `/`). */
export function schemaRefFor(profile: Profile, output: string): string {
  if (profile.schemaRef) return profile.schemaRef;
  return relative(dirname(resolve(output)), profile.taxonomySchema).split(sep).join('/');
}

/** The profile beside a release: `<name>.profile.json`, or the only `*.profile.json` in its folder. */
export function findProfile(input: string): string {
  const dir = dirname(input);
  const stem = basename(input).replace(/\.[^.]+$/, '');
  const own = join(dir, `${stem}.profile.json`);
  if (isFile(own)) return own;
  const all = listFolder(dir).filter((f) => f.endsWith('.profile.json'));
  if (all.length === 1) return join(dir, all[0]!);
  throw new KessanError(
    'kessan:noProfile',
    all.length ? `several filer profiles beside the input (${all.join(', ')}); choose one with --profile` : 'no filer profile found beside the input; pass --profile FILE (see examples/iij.profile.json)',
    { file: input },
    2,
  );
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Reads a text input (UTF-8, or UTF-16 with a BOM) within the size limit; binary or invalid UTF-8 is refused. */
export function readInputText(file: string): string {
  return decodeText(readInputBytes(file), file);
}
