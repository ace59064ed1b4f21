import { clark, type QName } from '../../../core/model/qname.js';
import { loadDocumentTaxonomy, type LoadedTaxonomy } from '../../../core/taxonomy/loader.js';
import { XdtModel } from '../../../core/xbrl/dimensions.js';
import type { JsonTaxonomyHints } from './facts.js';

/**
 * Hints from the taxonomy the xBRL-JSON document `file` names (`hrefs`, as written), loaded offline with the
 * document as the DTS's entry point, so the hrefs are confined like an XML instance's schemaRefs (nothing
 * outside the document's folder, the allowed folders and the catalog is opened, or even looked at). Undefined
 * when there is nothing to load or it cannot be loaded; concepts of schemas that are not available stay unknown.
 */
export function taxonomyHints(file: string, hrefs: readonly string[]): JsonTaxonomyHints | undefined {
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
