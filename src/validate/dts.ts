import type { Finding } from '../model/finding.js';
import type { LoadedTaxonomy } from '../taxonomy/loader.js';

const URL = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/**
 * What the DTS load has to say, as findings: ONE `kessan:taxonomyUnavailable` per URL that is neither local nor
 * in the offline catalog (the facts are still read; checks needing those definitions are skipped), an
 * `IOerror` per local file the DTS references that does not exist, and the loader's own findings.
 */
export function dtsFindings(taxonomy: LoadedTaxonomy, file: string): Finding[] {
  const out: Finding[] = [];
  for (const doc of taxonomy.unavailable) {
    if (URL.test(doc) && !doc.startsWith('file:')) {
      out.push({ code: 'kessan:taxonomyUnavailable', severity: 'warning', message: `${doc} is not available offline (not local, not in kessan's catalog); checks that need its definitions are skipped`, file });
    } else {
      out.push({ code: 'IOerror', severity: 'error', message: `the DTS references ${doc}, which does not exist`, file });
    }
  }
  out.push(...taxonomy.findings);
  return out;
}
