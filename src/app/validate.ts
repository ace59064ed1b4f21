import { resolve } from 'node:path';
import { formatOf, type Format } from './formats.js';
import { readAny } from './read.js';
import { KessanError } from '../core/errors.js';
import type { Finding } from '../core/model/finding.js';
import type { Report } from '../core/model/report.js';
import { loadProfile, type Profile } from '../formats/release/profile/profile.js';
import { profileTaxonomy, readReleaseWithProfile } from '../formats/release/read/index.js';
import { readInstanceFile } from '../formats/xbrl/read/read.js';
import { loadDocumentTaxonomy, loadTaxonomy } from '../core/taxonomy/loader.js';
import type { KnownRefs } from '../core/taxonomy/discover.js';
import type { InstanceReport } from '../core/xbrl/infoset.js';
import { NS } from '../core/model/qname.js';
import { dtsFindings } from '../validate/dts.js';
import type { ReleaseFacts, ValidateOptions } from '../validate/rule.js';
import { sortFindings, validate } from '../validate/validate.js';
import { readInputText } from './files.js';

export interface FileVerdict {
  readonly file: string;
  readonly format: Format;
  readonly facts: number;
  readonly findings: Finding[];
  readonly ms: number;
}

const EMPTY: Report = { facts: [], taxonomy: { schemaRefs: [] }, namespaces: {}, documentInfo: {}, findings: [] };

/** What the release cross-checks need from a filer profile. */
export function releaseFacts(profile: Profile): ReleaseFacts {
  return { currency: profile.currency, ...(profile.convenience ? { convenience: profile.convenience } : {}), ...(profile.adsPerShare ? { adsPerShare: profile.adsPerShare } : {}) };
}

/** The references DTS discovery follows, as the reader found them (so the instance is not read a second time). */
function knownRefs(report: InstanceReport): KnownRefs | undefined {
  const inst = report.instance;
  if (inst.root.namespace !== NS.xbrli || inst.root.localName !== 'xbrl') return undefined;
  return { path: resolve(inst.file), refs: inst.refs.slice(0, inst.leadingRefs).map((r) => ({ href: r.href, xmlBase: r.xmlBase ?? [] })) };
}

/** An XBRL instance: read it, load its DTS offline, run every rule. */
export function validateInstance(file: string, options: Partial<ValidateOptions> = {}): { report: Report; findings: Finding[] } {
  const report = readInstanceFile(file);
  const taxonomy = loadTaxonomy([file], { knownRefs: knownRefs(report) });
  const findings = [
    ...report.findings,
    ...dtsFindings(taxonomy, file, report),
    ...validate({ report, instance: report.instance, taxonomy, taxonomyIncomplete: taxonomy.unavailable.length > 0, file, options }),
  ];
  return { report, findings: sortFindings(findings) };
}

/** A taxonomy entry point (schema or linkbase): load the DTS, run the rules that need no instance. */
export function validateTaxonomy(file: string, options: Partial<ValidateOptions> = {}): Finding[] {
  const taxonomy = loadTaxonomy([file]);
  return sortFindings([...dtsFindings(taxonomy, file), ...validate({ report: EMPTY, taxonomy, taxonomyIncomplete: taxonomy.unavailable.length > 0, file, options })]);
}

/**
 * Validates one file of any format kessan reads. Throws KessanError for unreadable input (exit 2) and for
 * formats not read yet.
 */
export function validateFile(file: string, options: Partial<ValidateOptions> & { profile?: string } = {}): FileVerdict {
  const t0 = performance.now();
  const format = formatOf(file);
  let report: Report;
  let findings: Finding[];
  if (format === 'xbrl') {
    const release = options.profile ? releaseFacts(loadProfile(options.profile)) : undefined;
    ({ report, findings } = validateInstance(file, { ...options, ...(release ? { release } : {}) }));
  } else if (format === 'release') {
    if (!options.profile) throw new KessanError('kessan:noProfile', 'validating release text needs a filer profile (--profile)', { file }, 2);
    const profile = loadProfile(options.profile);
    const text = readInputText(file);
    report = readReleaseWithProfile(text, file, profile);
    const taxonomy = profileTaxonomy(profile);
    const release = releaseFacts(profile);
    findings = sortFindings([...report.findings, ...validate({ report, taxonomy, taxonomyIncomplete: taxonomy.unavailable.length > 0, file, options: { ...options, release } })]);
  } else {
    // Inline XBRL and xBRL-JSON: the facts, checked against the DTS their schemaRefs name (no XML instance
    // document, so the rules about contexts and units as written do not apply).
    report = readAny(file, {}, format);
    // The document is the DTS's entry point, its schemaRefs (or taxonomy hrefs) its references: relative ones
    // resolve beside it, and one that does not exist is an IOerror finding, as for an XML instance.
    const taxonomy = loadDocumentTaxonomy(file, report.taxonomy.schemaRefs);
    findings = sortFindings([...report.findings, ...dtsFindings(taxonomy, file, report), ...validate({ report, taxonomy, taxonomyIncomplete: taxonomy.unavailable.length > 0, file, options })]);
  }
  return { file, format, facts: report.facts.length, findings, ms: Math.round(performance.now() - t0) };
}
