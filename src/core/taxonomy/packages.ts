/**
 * XBRL Taxonomy Packages 1.0, read offline: a zip whose top folder holds `META-INF/taxonomyPackage.xml` (what the
 * package is, its entry points) and `META-INF/catalog.xml` (XML Catalogs `rewriteURI` entries mapping URL prefixes
 * into the package). The zip is read whole with core/zip.ts (fflate: synchronous, as DTS discovery is, and small: no native
 * code); its small XML files with fast-xml-parser. Entries become readable at `<zip path>/<entry>` (virtual-files.ts).
 */
import { readZip, ZipError } from '../zip.js';
import { resolve } from 'node:path';
import { posix } from 'node:path';
import { createRequire } from 'node:module';
import type { XMLParser } from 'fast-xml-parser';
import { KessanError } from '../errors.js';
import { currentLimits, decodeText, readInputBytes } from '../limits.js';
import { addVirtualFiles } from '../virtual-files.js';

export interface TaxonomyPackage {
  /** The zip's absolute path: entries are read at `<file>/<entry>`. */
  readonly file: string;
  readonly identifier?: string;
  readonly name?: string;
  readonly version?: string;
  /** Entry points: their names and the URLs of their documents. */
  readonly entryPoints: readonly { readonly name?: string; readonly hrefs: readonly string[] }[];
  /** URL prefix → the path it is rewritten to (inside the package), longest prefix first. */
  readonly rewrites: readonly { readonly prefix: string; readonly target: string }[];
}

const CODE = 'kessan:packageInvalid';
const opened = new Map<string, TaxonomyPackage>();

let xmlParser: XMLParser | undefined;
/**
 * fast-xml-parser is loaded (its CommonJS build, by require) when a package is first opened: every DTS load imports
 * this module, few open a package, and loading it cost ~10 ms of each run's start-up (issue 18).
 */
function parser(): XMLParser {
  if (!xmlParser) {
    const { XMLParser: Parser } = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');
    xmlParser = new Parser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, attributeNamePrefix: '@', removeNSPrefix: true, processEntities: false, isArray: (name) => ['rewriteURI', 'entryPoint', 'entryPointDocument', 'name'].includes(name) });
  }
  return xmlParser;
}

type XmlNode = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'object' && v && '#text' in v ? String((v as XmlNode)['#text']) : undefined);

function parse(bytes: Uint8Array, where: string): XmlNode {
  const xml = decodeText(bytes, where, CODE, 2);
  if (/<!DOCTYPE/i.test(xml)) throw new KessanError(CODE, 'a DOCTYPE in a taxonomy package file is refused', { file: where }, 2);
  try {
    return parser().parse(xml, true) as XmlNode;
  } catch (e) {
    throw new KessanError(CODE, `not well-formed XML: ${(e as Error).message.split('\n')[0]}`, { file: where }, 2);
  }
}


/** Most entries a taxonomy package may hold (the largest real ones hold a few thousand). */
const MAX_ENTRIES = 100_000;
/** Opens a taxonomy package (once per run): checks it, makes its entries readable, reads its catalog. */
export function openPackage(zip: string): TaxonomyPackage {
  const file = resolve(zip);
  const have = opened.get(file);
  if (have) return have;
  const data = readInputBytes(file, 'kessan:packageUnreadable', 'cannot read the taxonomy package: ');
  // Inflated by streaming and counted as it inflates: a zip bomb stops at the file limit, whatever its headers
  // claim; an entry name that would leave the package ("../x") is skipped, never read.
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(data, { maxBytes: currentLimits().maxFileSize, maxEntries: MAX_ENTRIES, unsafeNames: 'skip' });
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    if (e.tooLarge) throw new KessanError('kessan:fileTooLarge', `the package is too large: ${e.message} (raise the limit with --max-file-size)`, { file }, 2);
    throw new KessanError(CODE, `not a zip file that can be read: ${e.message}`, { file }, 2);
  }
  const meta = [...files.keys()].find((n) => /^(?:[^/]+\/)?META-INF\/taxonomyPackage\.xml$/.test(n));
  if (!meta) throw new KessanError(CODE, 'not an XBRL taxonomy package: no META-INF/taxonomyPackage.xml in its top folder (Taxonomy Packages 1.0, tpe:metadataFileNotFound)', { file }, 2);
  const top = meta.slice(0, meta.indexOf('META-INF/'));
  const info = (parse(files.get(meta)!, `${file}/${meta}`).taxonomyPackage ?? {}) as XmlNode;
  const entryPoints = (((info.entryPoints as XmlNode | undefined)?.entryPoint ?? []) as XmlNode[]).map((ep) => ({
    ...(text((ep.name as unknown[] | undefined)?.[0]) ? { name: text((ep.name as unknown[])[0])! } : {}),
    hrefs: ((ep.entryPointDocument ?? []) as XmlNode[]).map((d) => String(d['@href'] ?? '')).filter(Boolean),
  }));
  const rewrites: { prefix: string; target: string }[] = [];
  const catalog = files.get(`${top}META-INF/catalog.xml`);
  if (catalog) {
    const c = (parse(catalog, `${file}/${top}META-INF/catalog.xml`).catalog ?? {}) as XmlNode;
    for (const r of (c.rewriteURI ?? []) as XmlNode[]) {
      const prefix = String(r['@uriStartString'] ?? '');
      const to = String(r['@rewritePrefix'] ?? '');
      if (!prefix) continue;
      // rewritePrefix is relative to the catalog file (META-INF/); it may not leave the package.
      const inside = posix.normalize(posix.join(`${top}META-INF`, to));
      if (inside.startsWith('..')) continue;
      rewrites.push({ prefix, target: `${file}/${inside}${to.endsWith('/') && !inside.endsWith('/') ? '/' : ''}` });
    }
  }
  rewrites.sort((a, b) => b.prefix.length - a.prefix.length);
  addVirtualFiles(file, files);
  const pkg: TaxonomyPackage = {
    file,
    ...(text(info.identifier) ? { identifier: text(info.identifier)! } : {}),
    ...(text((info.name as unknown[] | undefined)?.[0]) ? { name: text((info.name as unknown[])[0])! } : {}),
    ...(text(info.version) ? { version: text(info.version)! } : {}),
    entryPoints,
    rewrites,
  };
  opened.set(file, pkg);
  return pkg;
}

/** Where a URL is in the packages, by their catalogs' rewrites (the longest prefix wins), or undefined. */
export function rewriteIntoPackages(url: string, packages: readonly TaxonomyPackage[]): string | undefined {
  let best: { prefix: string; target: string } | undefined;
  for (const p of packages) for (const r of p.rewrites) if (url.startsWith(r.prefix) && (!best || r.prefix.length > best.prefix.length)) best = r;
  return best ? `${best.target}${url.slice(best.prefix.length)}` : undefined;
}
