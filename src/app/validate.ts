/**
 * Validating a document: open it (any format), load its DTS offline, run every rule. The same code path for the
 * command line, the batch runner, the conformance runner and the library.
 */
import { resolve } from 'node:path';
import type { Finding } from '../core/model/finding.js';
import { NS } from '../core/model/qname.js';
import type { Report } from '../core/model/report.js';
import type { KnownRefs } from '../core/taxonomy/discover.js';
import { loadDocumentTaxonomy, loadTaxonomy, type LoadedTaxonomy } from '../core/taxonomy/loader.js';
import type { InstanceDocument } from '../core/xbrl/infoset.js';
import type { Profile } from '../formats/release/read/profile.js';
import { releaseCoverage, type Coverage } from '../formats/release/read/coverage.js';
import { profileTaxonomy } from '../formats/release/read/profile-taxonomy.js';
import { readInstanceFile } from '../formats/xbrl/read/read.js';
import { dtsFindings, uncheckedFacts, type UncheckedFacts } from '../validate/dts.js';
import type { ReleaseFacts, ValidateOptions } from '../validate/rule.js';
import { sortFindings, validate } from '../validate/validate.js';
import { taxonomyEntryOf, type Format } from './formats.js';
import { openDocument, type OpenedDocument } from './open.js';

/**
 * Whole milliseconds since `t0` (process.hrtime.bigint()): the global `performance` loads Node's perf_hooks (about
 * ten of its internal modules, not in its start-up snapshot) on first use, a few ms of a validation's start-up.
 */
const msSince = (t0: bigint): number => Math.round(Number(process.hrtime.bigint() - t0) / 1e6);

/** What a validated file is: a document of a format kessan reads, or a taxonomy entry point (schema, linkbase). */
export type ValidatedFormat = Format | 'taxonomy';

export interface FileVerdict {
  readonly file: string;
  readonly format: ValidatedFormat;
  readonly facts: number;
  readonly findings: Finding[];
  readonly ms: number;
  /** For a release: how its table figures ended (tagged or reported). */
  readonly coverage?: Coverage;
  /** When some of the DTS was not there: what was missing, and the facts not checked against their definitions. */
  readonly unchecked?: UncheckedFacts;
}

const EMPTY: Report = { facts: [], taxonomy: { schemaRefs: [] }, namespaces: {}, documentInfo: {}, findings: [] };

/** What the release cross-checks need from a filer profile. */
export function releaseFacts(profile: Profile): ReleaseFacts {
  return { currency: profile.currency, ...(profile.convenience ? { convenience: profile.convenience } : {}), ...(profile.adsPerShare ? { adsPerShare: profile.adsPerShare } : {}) };
}

/** The references DTS discovery follows, as the reader found them (so the instance is not read a second time). */
function knownRefs(inst: InstanceDocument): KnownRefs | undefined {
  if (inst.root.namespace !== NS.xbrli || inst.root.localName !== 'xbrl') return undefined;
  return { path: resolve(inst.file), refs: inst.refs.slice(0, inst.leadingRefs).map((r) => ({ href: r.href, xmlBase: r.xmlBase ?? [] })) };
}

/** The DTS a document's facts are checked against: a release's from its profile, any other's from its references. */
export function documentTaxonomy(doc: OpenedDocument): LoadedTaxonomy {
  if (doc.profile) return profileTaxonomy(doc.profile) as LoadedTaxonomy;
  if (doc.instance) return loadTaxonomy([doc.file], { knownRefs: knownRefs(doc.instance) });
  // Inline XBRL and xBRL-JSON: the document is the DTS's entry point, its schemaRefs (or taxonomy hrefs) its
  // references; relative ones resolve beside it, and one that does not exist is an IOerror finding.
  return loadDocumentTaxonomy(doc.file, doc.report.taxonomy.schemaRefs);
}

/**
 * The findings of an opened document: what reading found, what loading its DTS found, and every rule's. The XBRL
 * 2.1 rules about contexts and units as written run on XBRL instances only (the other formats have none).
 */
export function validateDocument(doc: OpenedDocument, options: Partial<ValidateOptions> = {}, taxonomy: LoadedTaxonomy = documentTaxonomy(doc)): Finding[] {
  const release = doc.profile ? releaseFacts(doc.profile) : options.release;
  const { report, file } = doc;
  return sortFindings([
    ...report.findings,
    ...(doc.profile ? [] : dtsFindings(taxonomy, file, report, options.allowUnavailableTaxonomy)),
    ...validate({ report, ...(doc.instance ? { instance: doc.instance } : {}), taxonomy, taxonomyIncomplete: taxonomy.unavailable.length > 0, file, options: { ...options, ...(release ? { release } : {}) } }),
  ]);
}

/** What validating a file gave, with the document and its DTS (for a caller that shows more than the findings). */
export interface CheckedFile {
  readonly verdict: FileVerdict;
  readonly doc: OpenedDocument;
  readonly taxonomy: LoadedTaxonomy;
}

export type ValidateFileOptions = Partial<ValidateOptions> & {
  /** Filer profile, for release text. */
  readonly profile?: string;
  /** Inline XBRL: the documents of the set `file` belongs to (default: `file`, or its EDINET manifest's set). */
  readonly members?: readonly string[];
};

/**
 * Validates one file of any format kessan reads, a release with its profile (given or found beside it). Throws
 * KessanError for input that cannot be read at all.
 */
export async function checkFile(file: string, options: ValidateFileOptions = {}): Promise<CheckedFile> {
  const t0 = process.hrtime.bigint();
  const { profile, members, ...rest } = options;
  const doc = await openDocument(file, { ...(profile ? { profile } : {}), ...(members ? { members } : {}) });
  // An instance validated with a profile gets the release cross-checks of that profile.
  const withProfile = profile && doc.format === 'xbrl' ? { ...rest, release: releaseFacts((await import('../formats/release/read/profile.js')).loadProfile(profile)) } : rest;
  const taxonomy = documentTaxonomy(doc);
  const findings = validateDocument(doc, withProfile, taxonomy);
  const coverage = releaseCoverage(doc.report);
  const unchecked = doc.profile ? undefined : uncheckedFacts(taxonomy, doc.report);
  const verdict = { file, format: doc.format, facts: doc.report.facts.length, findings, ms: msSince(t0), ...(coverage ? { coverage } : {}), ...(unchecked ? { unchecked } : {}) };
  return { verdict, doc, taxonomy };
}

/**
 * Validates one file: a document of any format kessan reads (`checkFile`'s verdict), or a taxonomy entry point
 * (a schema or linkbase, told by its content: an `.xml` instance stays an instance), whose DTS is loaded and
 * checked by the rules that need no instance. The one function `kessan validate` calls per file.
 */
export async function validateFile(file: string, options: ValidateFileOptions = {}): Promise<FileVerdict> {
  if (taxonomyEntryOf(file)) {
    const t0 = process.hrtime.bigint();
    const { profile: _profile, members: _members, ...rest } = options;
    const { findings, unchecked } = checkTaxonomy(file, rest);
    return { file, format: 'taxonomy', facts: 0, findings, ms: msSince(t0), ...(unchecked ? { unchecked } : {}) };
  }
  return (await checkFile(file, options)).verdict;
}

/** An XBRL instance, synchronously: read it, load its DTS offline, run every rule (tests and benchmarks). */
export function validateInstance(file: string, options: Partial<ValidateOptions> = {}): { report: Report; findings: Finding[] } {
  const report = readInstanceFile(file);
  return { report, findings: validateDocument({ file, format: 'xbrl', report, instance: report.instance }, options) };
}

/** A taxonomy entry point (schema or linkbase): load the DTS, run the rules that need no instance. */
export function validateTaxonomy(file: string, options: Partial<ValidateOptions> = {}): Finding[] {
  return checkTaxonomy(file, options).findings;
}

function checkTaxonomy(file: string, options: Partial<ValidateOptions>): { findings: Finding[]; unchecked?: UncheckedFacts } {
  const taxonomy = loadTaxonomy([file]);
  const findings = sortFindings([...dtsFindings(taxonomy, file, undefined, options.allowUnavailableTaxonomy), ...validate({ report: EMPTY, taxonomy, taxonomyIncomplete: taxonomy.unavailable.length > 0, file, options })]);
  const unchecked = uncheckedFacts(taxonomy);
  return { findings, ...(unchecked ? { unchecked } : {}) };
}
