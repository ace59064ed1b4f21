/**
 * The xBRL-CSV 1.0 reader: a report (a folder, its metadata file, or a report package) → Report.
 *
 * 1. The source (source.ts): a `.json` metadata file and the files beside it; a folder holding one report's
 *    metadata; a report package (`.xbr`, `.zip`).
 * 2. The metadata and the files it extends (metadata.ts), checked (templates.ts).
 * 3. Each table (rows.ts) into facts (facts.ts).
 *
 * What only the taxonomy knows (is a fact without a unit numeric? which element holds a typed dimension's
 * value?) is asked of `hints`, and only then: kessan's own reports mark their numeric columns and need none.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { KessanError } from '../../../core/errors.js';
import type { Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import type { Report } from '../../../core/model/report.js';
import { oimTaxonomyHints, type OimTaxonomyHints } from '../../../core/xbrl/oim-hints.js';
import { isNCName } from '../../../core/xml/write.js';
import { FactBuilder } from './facts.js';
import { readMetadata } from './metadata.js';
import { readTable } from './rows.js';
import { folderSource, packageSource, type ReportSource } from './source.js';
import { checkMetadata } from './templates.js';

export interface ReadXbrlCsvOptions {
  /** Taxonomy knowledge, or a function giving it for the report's taxonomy hrefs (called at most once, only when needed). */
  readonly hints?: OimTaxonomyHints | ((file: string, taxonomy: readonly string[]) => OimTaxonomyHints | undefined);
}

/** Findings about single facts kept per report; past this, one finding says how many more there were. */
const MAX_FINDINGS = 1000;

/** Whether `path` names a report package (by its extension). */
export function isReportPackage(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.xbr' || ext === '.zip';
}

export function readXbrlCsvFile(path: string, options: ReadXbrlCsvOptions = {}): Report {
  let source: ReportSource;
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    throw new KessanError('kessan:inputUnreadable', 'no such file or folder', { file: path }, 2);
  }
  if (folder) source = folderSource(metadataInFolder(path));
  else if (isReportPackage(path)) source = packageSource(path);
  else source = folderSource(path);
  return readXbrlCsv(source, isReportPackage(path) && !folder ? path : source.metadata, options);
}

/**
 * Reads the report `source` gives. `documentFile` is the file the report is known by (the metadata file, or the
 * package): relative taxonomy hrefs in the report are given relative to it.
 */
export function readXbrlCsv(source: ReportSource, documentFile: string, options: ReadXbrlCsvOptions = {}): Report {
  const md = readMetadata(source);
  const checked = checkMetadata(md);
  // Taxonomy hrefs relative to the document file (a base file elsewhere wrote them relative to itself).
  const schemaRefs = [...new Set(md.taxonomyFrom.map(({ href, file }) => rebase(source.taxonomyHref(href, file), file, source.metadata === documentFile ? documentFile : file)))];
  const findings: Finding[] = [];
  let dropped = 0;
  const note = (f: Finding) => {
    if (findings.length < MAX_FINDINGS) findings.push(f);
    else dropped++;
  };
  const namespaces = new Map(checked.namespaces);
  let hints: OimTaxonomyHints | undefined;
  let asked = false;
  const builder = new FactBuilder({
    namespaces,
    prefixFor: (ns, wanted) => {
      for (const [p, u] of namespaces) if (u === ns) return p;
      let p = wanted !== undefined && isNCName(wanted) && !namespaces.has(wanted) ? wanted : 'ns1';
      for (let n = 2; namespaces.has(p); n++) p = `ns${n}`;
      namespaces.set(p, ns);
      return p;
    },
    hints: () => {
      if (!asked) {
        asked = true;
        hints = typeof options.hints === 'function' ? options.hints(documentFile, schemaRefs) : options.hints ?? oimTaxonomyHints(documentFile, schemaRefs);
        for (const f of hints?.findings ?? []) findings.push(f);
      }
      return hints;
    },
    numericMarked: checked.kessanPrefix !== undefined && md.documentInfo[`${checked.kessanPrefix}:numericFactsMarked`] === true,
    note,
  });
  const facts: Fact[] = [];
  for (const [id, table] of Object.entries(md.tables)) readTable(id, table, { md, templates: checked.templates, source, builder, facts, note });
  if (dropped > 0) findings.push({ code: 'kessan:moreFindings', severity: 'info', message: `${dropped} more findings about single facts were left out (the first ${MAX_FINDINGS} are listed)`, file: source.metadata });
  if (md.links !== undefined) findings.push({ code: 'kessan:linksIgnored', severity: 'info', message: 'the report has links (footnotes); kessan does not read them yet', ...md.at('/links') });
  const reportNamespaces: Record<string, string> = {};
  for (const [p, ns] of namespaces) if (p !== 'xbrl' && p !== checked.kessanPrefix) reportNamespaces[p] = ns;
  return { facts, taxonomy: { schemaRefs }, namespaces: reportNamespaces, documentInfo: { source: documentFile, format: 'csv' }, findings };
}

/** A relative href written in `from`, made relative to `to`'s folder (URLs and absolute paths as they are). */
function rebase(href: string, from: string, to: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(href) || href.startsWith('/') || dirname(resolve(from)) === dirname(resolve(to))) return href;
  const target = resolve(dirname(resolve(from)), href);
  return relative(dirname(resolve(to)), target).split(sep).join('/');
}

const CSV_TYPE = /"documentType"\s*:\s*"https:\/\/xbrl\.org\/2021\/xbrl-csv"/;

/**
 * The primary metadata file of a report folder: the one xBRL-CSV metadata file in it, or, when there are
 * several, the one no other extends.
 */
export function metadataInFolder(folder: string): string {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch (e) {
    throw new KessanError('kessan:inputUnreadable', `cannot read the folder: ${(e as Error).message}`, { file: folder }, 2);
  }
  const candidates = names.filter((n) => CSV_TYPE.test(head(join(folder, n))));
  if (candidates.length === 1) return join(folder, candidates[0]!);
  if (candidates.length === 0) throw new KessanError('kessan:noReport', 'the folder holds no xBRL-CSV metadata file (a .json whose documentType is https://xbrl.org/2021/xbrl-csv)', { file: folder }, 2);
  const extended = new Set<string>();
  for (const n of candidates) for (const m of head(join(folder, n)).matchAll(/"extends"\s*:\s*\[([^\]]*)\]/g)) for (const s of m[1]!.matchAll(/"([^"]*)"/g)) extended.add(basename(s[1]!));
  const primary = candidates.filter((n) => !extended.has(n));
  if (primary.length === 1) return join(folder, primary[0]!);
  throw new KessanError('kessan:noReport', `the folder holds several xBRL-CSV reports (${candidates.join(', ')}); name the metadata file of the one to read`, { file: folder }, 2);
}

function head(path: string): string {
  try {
    const st = statSync(path);
    if (!st.isFile()) return '';
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(Math.min(st.size, 64 * 1024));
      const n = readSync(fd, buf, 0, buf.length, 0);
      return buf.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}
