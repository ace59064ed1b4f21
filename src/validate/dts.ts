import type { Finding } from '../core/model/finding.js';
import { clark, formatQName } from '../core/model/qname.js';
import type { Report } from '../core/model/report.js';
import type { LoadedTaxonomy } from '../core/taxonomy/loader.js';
import { pushAll } from '../core/arrays.js';

const URL = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/**
 * Which facts a document's validation could not check against their definitions, and why, as data: the DTS's
 * documents that are not available offline (URLs neither local nor in the offline catalog, packages or folders)
 * and the local files it references that do not exist; the facts whose concept no loaded schema defines.
 */
export interface UncheckedFacts {
  /** URLs of the DTS that are not available offline. */
  readonly unavailable: string[];
  /** Local files the DTS references that do not exist. */
  readonly missing: string[];
  /** How many facts use a concept no loaded schema defines (so were not checked against a definition). */
  readonly facts: number;
  /** Those facts' concepts, as prefix:local, sorted. */
  readonly concepts: string[];
}

/** What of a document could not be checked because some of its DTS was not there; undefined when all of it was. */
export function uncheckedFacts(taxonomy: LoadedTaxonomy, report?: Report): UncheckedFacts | undefined {
  if (!taxonomy.unavailable.length) return undefined;
  const unavailable = taxonomy.unavailable.filter(isRemote);
  const missing = taxonomy.unavailable.filter((d) => !isRemote(d));
  const concepts = new Set<string>();
  let facts = 0;
  for (const f of report?.facts ?? []) {
    if (taxonomy.concepts.has(clark(f.concept))) continue;
    facts++;
    concepts.add(formatQName(f.concept));
  }
  return { unavailable, missing, facts, concepts: [...concepts].sort() };
}

function isRemote(doc: string): boolean {
  return URL.test(doc) && !doc.startsWith('file:');
}

/**
 * What the DTS load has to say, as findings: ONE `kessan:taxonomyUnavailable` naming every URL that is neither
 * local nor available offline, and how many facts could therefore not be checked against their definitions (the
 * facts are still read; the checks that need the definitions skip them quietly) — an error, since nothing of
 * those facts was checked, or a warning when the caller allows it (`--allow-unavailable-taxonomy`); an `IOerror`
 * per local file the DTS references that does not exist; and the loader's own findings.
 */
export function dtsFindings(taxonomy: LoadedTaxonomy, file: string, report?: Report, allowUnavailable = false): Finding[] {
  const out: Finding[] = [];
  const unchecked = uncheckedFacts(taxonomy, report);
  for (const doc of unchecked?.missing ?? []) out.push({ code: 'IOerror', severity: 'error', message: `the DTS references ${doc}, which does not exist`, file });
  const remote = unchecked?.unavailable ?? [];
  if (remote.length) {
    const skipped = report ? `; ${unchecked!.facts} of ${report.facts.length} facts use concepts defined there and were not checked against their definitions` : '';
    out.push({
      code: 'kessan:taxonomyUnavailable',
      severity: allowUnavailable ? 'warning' : 'error',
      message: `${remote.length === 1 ? 'a schema is' : `${remote.length} schemas are`} not available offline (not local, not in kessan's catalog, packages or taxonomy folders): ${remote.join(', ')}${skipped}${allowUnavailable ? '' : ' (--allow-unavailable-taxonomy makes this a warning)'}`,
      file,
    });
  }
  pushAll(out, taxonomy.findings);
  return out;
}
