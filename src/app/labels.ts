/**
 * Concept labels for `kessan facts --labels`: each document's DTS loaded offline, as `validate` loads it, and kept
 * for the next documents of a batch that name the same taxonomy entry point (UK Companies House filings all
 * reference the same FRS 102 entry point; a folder of one filer's releases, the same profile). A few DTSes are
 * kept, the least recently used dropped first: a us-gaap DTS is hundreds of megabytes.
 */
import { dirname, resolve } from 'node:path';
import type { Finding } from '../core/model/finding.js';
import type { QName } from '../core/model/qname.js';
import { loadDocumentTaxonomy } from '../core/taxonomy/loader.js';
import { LABEL_ROLE, type Taxonomy } from '../core/taxonomy/model.js';
import type { OpenedDocument } from './open.js';

const KEEP = 3;
const cache = new Map<string, Taxonomy>();

/**
 * What the DTS depends on: the schemaRefs, resolved; and for relative ones the document's folder too, since what
 * may be read (confinement) is decided from it.
 */
export function taxonomyKey(doc: OpenedDocument): string {
  if (doc.profile) return `profile|${resolve(doc.profile.taxonomySchema)}`;
  const refs = doc.report.taxonomy.schemaRefs;
  const dir = dirname(resolve(doc.file));
  const isUrl = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) && !/^[a-z]:[\\/]/i.test(href);
  const parts = refs.map((href) => (isUrl(href) ? href : resolve(dir, href))).sort();
  return `${refs.every(isUrl) ? '' : `${dir}|`}${parts.join('|')}`;
}

async function loadFor(doc: OpenedDocument): Promise<Taxonomy> {
  if (doc.profile) {
    const { profileTaxonomy } = await import('../formats/release/read/index.js');
    return profileTaxonomy(doc.profile);
  }
  return loadDocumentTaxonomy(doc.file, doc.report.taxonomy.schemaRefs);
}

/** The DTS of a document, from the cache when an earlier document of the batch had the same entry point. */
export async function documentTaxonomyCached(doc: OpenedDocument): Promise<Taxonomy> {
  const key = taxonomyKey(doc);
  let t = cache.get(key);
  if (t) cache.delete(key);
  else t = await loadFor(doc);
  cache.set(key, t);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return t;
}

/**
 * The standard label of each concept of a document in `lang` (or, failing that, in any language), null where the
 * DTS has none. Concepts without one are reported in one warning, with what the DTS could not read offline.
 */
export async function documentLabels(doc: OpenedDocument, lang: string, warn: (f: Finding) => void): Promise<(concept: QName) => string | null> {
  let taxonomy: Taxonomy;
  try {
    taxonomy = await documentTaxonomyCached(doc);
  } catch (e) {
    warn({ code: 'kessan:labelsUnavailable', severity: 'warning', message: `labels could not be loaded: ${(e as Error).message}; the label column is empty`, file: doc.file });
    return () => null;
  }
  const labels = new Map<QName, string | null>();
  for (const f of doc.report.facts) {
    if (!labels.has(f.concept)) labels.set(f.concept, taxonomy.label(f.concept, LABEL_ROLE.standard, lang) ?? null);
  }
  const missing = [...labels.values()].filter((l) => l === null).length;
  if (missing) {
    const gone = taxonomy.unavailable;
    const why = gone.length ? `; ${gone.length} document(s) of its DTS are not available offline (${gone[0]}${gone.length > 1 ? ', …' : ''}): give them with --package or --taxonomy-dir` : '';
    warn({ code: 'kessan:labelMissing', severity: 'warning', message: `${missing} of ${labels.size} concepts have no label in the DTS${why}`, file: doc.file });
  }
  return (concept) => labels.get(concept) ?? null;
}
