import { existsSync } from 'node:fs';
import { clark, type QName } from '../../model/qname.js';
import { loadTaxonomy } from '../../taxonomy/loader.js';
import { XdtModel } from '../../validate/support/xdt-model.js';
import type { JsonTaxonomyHints } from './facts.js';

/**
 * Hints from a report's taxonomy, loaded offline (local files and the bundled catalog only). Undefined when
 * there is nothing to load or it cannot be loaded; concepts of schemas that are not available stay unknown.
 */
export function taxonomyHints(entryPoints: readonly string[]): JsonTaxonomyHints | undefined {
  const local = entryPoints.filter((e) => /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(e) || existsSync(e));
  if (local.length === 0) return undefined;
  let xdt: XdtModel;
  try {
    xdt = new XdtModel(loadTaxonomy(local));
  } catch {
    return undefined;
  }
  const taxonomy = xdt.taxonomy;
  return {
    numeric: (concept: QName) => taxonomy.concept(concept)?.type.numeric,
    typedDomain: (dimension: QName) => {
      const t = xdt.typedDomain(clark(dimension));
      return t?.status === 'ok' ? t.element.name : undefined;
    },
  };
}
