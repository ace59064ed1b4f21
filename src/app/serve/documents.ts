/**
 * Which documents of an upload a request is about. A folder on the command line stands for the instances,
 * Inline XBRL and xBRL-JSON documents in it (`expandInputs`, EDINET manifest sets collapsed); an upload also
 * counts release text (.txt, .md, and .htm/.html without Inline XBRL), because a release comes with its profile
 * rather than being named. The Inline XBRL documents of one upload that no manifest groups are one document set:
 * they were sent together. Schemas, linkbases and profiles are what the documents read, never documents.
 */
import { basename, dirname, extname, join, relative } from 'node:path';
import { KessanError } from '../../core/errors.js';
import { expandInputs, manifestSets, walk } from '../batch/files.js';
import { inputFormatOf } from '../formats.js';

export interface DocumentRef {
  /** The document's path in the request's folder. */
  readonly file: string;
  /** Inline XBRL: the documents of its set, when it has more than one. */
  readonly members?: readonly string[];
}

const RELEASE_EXT = new Set(['.txt', '.md', '.htm', '.html']);

function isRelease(file: string): boolean {
  if (!RELEASE_EXT.has(extname(file).toLowerCase())) return false;
  try {
    return inputFormatOf(file) === 'release';
  } catch {
    return false;
  }
}

const isInline = (file: string) => ['.htm', '.html', '.xhtml'].includes(extname(file).toLowerCase());

/** Every document of the upload in `folder`, in path order (see the module comment). */
export function uploadDocuments(folder: string): DocumentRef[] {
  const { files } = expandInputs([folder]);
  // expandInputs keeps one entry per manifest set; the Inline XBRL documents no manifest lists form one set.
  const loose = files.filter((f) => isInline(f) && !manifestSets(dirname(f)).some((s) => s.docs.includes(basename(f))));
  const out: DocumentRef[] = [];
  for (const file of files) {
    if (loose.length > 1 && loose.includes(file)) {
      if (file === loose[0]) out.push({ file, members: loose });
    } else out.push({ file });
  }
  for (const file of walk(folder)) if (isRelease(file)) out.push({ file });
  return out;
}

/**
 * The documents a request is about: the one it names (`document`, a name in the upload), else every document of
 * the upload. None is a usage error (400), as is a name the upload does not hold.
 */
export function selectDocuments(folder: string, document?: string): DocumentRef[] {
  const all = uploadDocuments(folder);
  if (document !== undefined) {
    const file = join(folder, document);
    const found = all.find((d) => d.file === file || d.members?.includes(file));
    if (found) return [found.file === file ? found : { ...found, file }];
    if (walk(folder).includes(file)) return [{ file }];
    throw new KessanError('kessan:usage', `the upload holds no file "${document}"`, {}, 2);
  }
  if (!all.length) {
    const names = walk(folder).map((f) => relative(folder, f));
    throw new KessanError('kessan:noDocument', `the upload holds no document kessan reads (an XBRL instance, Inline XBRL, xBRL-JSON or release text)${names.length ? `: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}` : ''}`, {}, 2);
  }
  return all;
}

/** The one document of a request that reads one (convert, facts, review). Several are a usage error naming them. */
export function selectOne(folder: string, document?: string): DocumentRef {
  const docs = selectDocuments(folder, document);
  if (docs.length > 1) {
    const names = docs.map((d) => relative(folder, d.file));
    throw new KessanError('kessan:usage', `the upload holds ${docs.length} documents (${names.slice(0, 10).join(', ')}); name one with ?document=NAME`, {}, 2);
  }
  return docs[0]!;
}
