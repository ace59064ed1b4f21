import type { Finding } from '../core/model/finding.js';
import { clark } from '../core/model/qname.js';
import type { Report } from '../core/model/report.js';
import type { LoadedTaxonomy } from '../core/taxonomy/loader.js';
import { pushAll } from '../core/arrays.js';

const URL = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/**
 * What the DTS load has to say, as findings: ONE `kessan:taxonomyUnavailable` naming every URL that is neither
 * local nor in the offline catalog, and how many facts could therefore not be checked against their
 * definitions (the facts are still read; the checks that need the definitions skip them quietly); an
 * `IOerror` per local file the DTS references that does not exist; and the loader's own findings.
 */
export function dtsFindings(taxonomy: LoadedTaxonomy, file: string, report?: Report): Finding[] {
  const out: Finding[] = [];
  const remote = taxonomy.unavailable.filter((d) => URL.test(d) && !d.startsWith('file:'));
  for (const doc of taxonomy.unavailable) {
    if (!remote.includes(doc)) out.push({ code: 'IOerror', severity: 'error', message: `the DTS references ${doc}, which does not exist`, file });
  }
  if (remote.length) {
    const undefinedFacts = report ? report.facts.filter((f) => !taxonomy.concepts.has(clark(f.concept))).length : 0;
    const skipped = report ? `; ${undefinedFacts} of ${report.facts.length} facts use concepts defined there and were not checked against their definitions` : '';
    out.push({
      code: 'kessan:taxonomyUnavailable',
      severity: 'warning',
      message: `${remote.length === 1 ? 'a schema is' : `${remote.length} schemas are`} not available offline (not local, not in kessan's catalog): ${remote.join(', ')}${skipped}`,
      file,
    });
  }
  pushAll(out, taxonomy.findings);
  return out;
}
