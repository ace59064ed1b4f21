import { formatOf, type Format } from '../formats.js';
import { KessanError } from '../errors.js';
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { loadProfile, type Profile } from '../profile/profile.js';
import { profileTaxonomy, readReleaseWithProfile } from '../readers/release/index.js';
import { readInstanceFile } from '../readers/xbrl/read.js';
import { loadTaxonomy } from '../taxonomy/loader.js';
import { dtsFindings } from './dts.js';
import type { ReleaseFacts, ValidateOptions } from './rule.js';
import { sortFindings, validate } from './validate.js';
import { readFileSync } from 'node:fs';

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

/** An XBRL instance: read it, load its DTS offline, run every rule. */
export function validateInstance(file: string, options: Partial<ValidateOptions> = {}): { report: Report; findings: Finding[] } {
  const report = readInstanceFile(file);
  const taxonomy = loadTaxonomy([file]);
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
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new KessanError('kessan:inputUnreadable', `cannot read: ${(e as Error).message}`, { file }, 2);
    }
    report = readReleaseWithProfile(text, file, profile);
    const taxonomy = profileTaxonomy(profile);
    const release = releaseFacts(profile);
    findings = sortFindings([...report.findings, ...validate({ report, taxonomy, taxonomyIncomplete: taxonomy.unavailable.length > 0, file, options: { ...options, release } })]);
  } else {
    throw new KessanError('kessan:unsupported', `validating ${format} documents is not supported yet`, { file }, 2);
  }
  return { file, format, facts: report.facts.length, findings, ms: Math.round(performance.now() - t0) };
}
