/**
 * What only a report's taxonomy knows and an OIM reader (xBRL-JSON, xBRL-CSV) must sometimes ask: whether a
 * concept is numeric, and which element a typed dimension's value goes in. (The same idea as
 * formats/json/read/hints.ts, shared here so that xBRL-CSV need not import another format's reader.)
 */
import type { Finding } from '../model/finding.js';
import { clark, type QName } from '../model/qname.js';
import { loadDocumentTaxonomy, type LoadedTaxonomy } from '../taxonomy/loader.js';
import { XdtModel } from './dimensions.js';

export interface OimTaxonomyHints {
  /** Whether a concept is numeric; undefined when the concept is unknown. */
  numeric(concept: QName): boolean | undefined;
  /** A typed dimension's domain element; undefined for an explicit dimension or an unknown one. */
  typedDomain(dimension: QName): QName | undefined;
  /** What loading the taxonomy for these hints found worth saying (a reference refused), reported with the facts. */
  readonly findings?: readonly Finding[];
}

/**
 * Hints from the taxonomy the document `file` names (`hrefs`, as written), loaded offline with the document as
 * the DTS's entry point, so the hrefs are confined like an XML instance's schemaRefs (nothing outside the
 * document's folder, the allowed folders and the catalog is opened, or even looked at). Undefined when there is
 * nothing to load or it cannot be loaded; concepts of schemas that are not available stay unknown.
 */
export function oimTaxonomyHints(file: string, hrefs: readonly string[]): OimTaxonomyHints | undefined {
  if (hrefs.length === 0) return undefined;
  let loaded: LoadedTaxonomy;
  let xdt: XdtModel;
  try {
    loaded = loadDocumentTaxonomy(file, hrefs);
    xdt = new XdtModel(loaded);
  } catch {
    return undefined;
  }
  const taxonomy = xdt.taxonomy;
  // A reference outside the allowed folders was not read: the facts that needed it are read without it, and say so.
  const refused = loaded.findings.filter((f) => f.code === 'kessan:referenceRefused');
  return {
    ...(refused.length ? { findings: refused } : {}),
    numeric: (concept: QName) => taxonomy.concept(concept)?.type.numeric,
    typedDomain: (dimension: QName) => {
      const t = xdt.typedDomain(clark(dimension));
      return t?.status === 'ok' ? t.element.name : undefined;
    },
  };
}
