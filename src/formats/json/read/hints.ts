import { clark, NS, type QName } from '../../../core/model/qname.js';
import type { Concept } from '../../../core/taxonomy/model.js';
import { loadDocumentTaxonomy, type LoadedTaxonomy } from '../../../core/taxonomy/loader.js';
import { XS, type ElementDecl, type TypeDef } from '../../../core/taxonomy/schema.js';
import { XdtModel } from '../../../core/xbrl/dimensions.js';
import type { ConceptFacts, DimensionFacts, JsonTaxonomyHints } from './facts.js';

const URL = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;
/** XML Schema string types that OIM counts as text (a fact of one may have a language), as Arelle does. */
const TEXT_XSD = new Set(['string', 'normalizedString', 'token', 'NCName', 'ID', 'IDREF', 'IDREFS', 'ENTITY', 'ENTITIES', 'NMTOKEN', 'NMTOKENS']);
/** DTR types derived from strings that have no language. */
const NO_LANG_TYPES = new Set(['domainItemType', 'noLangTokenItemType', 'noLangStringItemType']);
/** Typed member types OIM cannot carry as a plain value (Arelle's list); complex, list and union types neither. */
const UNSUPPORTED_TYPED_XSD = new Set(['ENTITY', 'ENTITIES', 'ID', 'IDREF', 'IDREFS', 'NMTOKEN', 'NMTOKENS', 'NOTATION']);
const isDtrType = (q: QName) => q.namespace.startsWith('http://www.xbrl.org/dtr/type/');

/**
 * Hints from the taxonomy the xBRL-JSON document `file` names (`hrefs`, as written), loaded offline with the
 * document as the DTS's entry point, so the hrefs are confined like an XML instance's schemaRefs (nothing
 * outside the document's folder, the allowed folders and the catalog is opened, or even looked at). Undefined
 * when there is nothing to load. When the DTS is not complete offline (a schema that is neither local nor in
 * the catalog, a reference refused, a document that does not exist or cannot be read), a name it does not
 * declare is 'unknown' rather than 'undeclared': it may be declared where kessan cannot look.
 */
export function taxonomyHints(file: string, hrefs: readonly string[]): JsonTaxonomyHints | undefined {
  if (hrefs.length === 0) return undefined;
  let loaded: LoadedTaxonomy;
  let xdt: XdtModel;
  try {
    loaded = loadDocumentTaxonomy(file, hrefs);
    xdt = new XdtModel(loaded);
  } catch (e) {
    const why = `the taxonomy could not be loaded (${(e as Error).message})`;
    return { numeric: () => undefined, typedDomain: () => undefined, concept: () => 'unknown', dimension: () => 'unknown', incomplete: why, invalid: why };
  }
  const taxonomy = xdt.taxonomy;
  // A reference outside the allowed folders was not read: the facts that needed it are read without it, and say so.
  const refused = loaded.findings.filter((f) => f.code === 'kessan:referenceRefused');
  const missing = loaded.unavailable.filter((d) => !URL.test(d) || d.startsWith('file:'));
  const remote = loaded.unavailable.filter((d) => !missing.includes(d));
  const why = [
    ...(remote.length ? [`not available offline: ${remote.join(', ')}`] : []),
    ...(missing.length ? [`not found: ${missing.join(', ')}`] : []),
    ...(loaded.refused.length ? [`refused (outside the allowed folders): ${loaded.refused.join(', ')}`] : []),
  ];
  const incomplete = why.length ? `the taxonomy is not complete (${why.join('; ')})` : undefined;

  let types: Map<string, TypeDef> | undefined;
  const typeDef = (q: QName) => {
    if (!types) {
      types = new Map();
      for (const s of taxonomy.raw?.schemas ?? []) for (const t of s.types) if (!types.has(clark(t.name))) types.set(clark(t.name), t);
    }
    return types.get(clark(q));
  };
  const concepts = new Map<string, ConceptFacts | 'undeclared' | 'unknown'>();
  const dimensions = new Map<string, DimensionFacts | 'undeclared' | 'unknown'>();
  const notDeclared = (): 'undeclared' | 'unknown' => (incomplete ? 'unknown' : 'undeclared');

  return {
    ...(refused.length ? { findings: refused } : {}),
    ...(incomplete ? { incomplete } : {}),
    ...(missing.length ? { invalid: `the taxonomy names documents that do not exist: ${missing.join(', ')}` } : {}),
    numeric: (concept: QName) => taxonomy.concept(concept)?.type.numeric,
    typedDomain: (dimension: QName) => {
      const t = xdt.typedDomain(clark(dimension));
      return t?.status === 'ok' ? t.element.name : undefined;
    },
    concept: (name: QName) => {
      const key = clark(name);
      let c = concepts.get(key);
      if (c === undefined) {
        const concept = taxonomy.concept(name);
        const kind = xdt.kind(key);
        c = concept ? conceptFacts(concept, kind) : kind === 'unknown' ? notDeclared() : { kind: 'other', abstract: false, nillable: true };
        concepts.set(key, c);
      }
      return c;
    },
    dimension: (name: QName) => {
      const key = clark(name);
      let d = dimensions.get(key);
      if (d === undefined) {
        const kind = xdt.kind(key);
        if (kind === 'unknown') d = notDeclared();
        else if (kind !== 'dimension') d = { kind: 'notDimension', declaredAs: kind };
        else if (xdt.decl(key)?.typedDomainRef === undefined) {
          const def = xdt.defaults.get(key);
          d = { kind: 'explicit', ...(def !== undefined ? { defaultMember: def } : {}) };
        } else {
          const t = xdt.typedDomain(key);
          const unsupported = t?.status === 'ok' ? unsupportedTypedDomain(t.element, typeDef) : undefined;
          d = { kind: 'typed', ...(t?.status === 'ok' ? { domain: t.element.name } : {}), ...(unsupported ? { unsupported } : {}) };
        }
        dimensions.set(key, d);
      }
      return d;
    },
  };
}

function conceptFacts(c: Concept, kind: string): ConceptFacts {
  const t = c.type;
  // A type whose schema is not available is known by name only when it is a well-known one.
  const known = t.unresolved === undefined || t.guessed === true;
  const sqname = t.ancestors.some((a) => isDtrType(a) && /^SQNames?ItemType$/.test(a.localName));
  const unsupported =
    t.baseXsd === 'fraction' ? 'a fraction' : !sqname && t.ancestors.some((a) => isDtrType(a) && a.localName === 'prefixedContentItemType') ? 'prefixed content' : undefined;
  const text = known && !t.numeric && TEXT_XSD.has(t.baseXsd) && !t.ancestors.some((a) => (isDtrType(a) || a.namespace === NS.xbrli) && NO_LANG_TYPES.has(a.localName));
  return {
    kind: kind === 'tuple' ? 'tuple' : 'item',
    abstract: c.abstract,
    nillable: c.nillable,
    ...(c.periodType ? { periodType: c.periodType } : {}),
    ...(known ? { numeric: t.numeric, text } : {}),
    ...(unsupported ? { unsupportedType: `${unsupported} (${t.name.prefix ? `${t.name.prefix}:` : ''}${t.name.localName})` } : {}),
  };
}

/** Why a typed dimension's domain element cannot hold an OIM typed value (a plain string), if it cannot. */
function unsupportedTypedDomain(el: ElementDecl, typeDef: (q: QName) => TypeDef | undefined): string | undefined {
  if (el.content && !el.content.simpleContent) return `its domain element ${el.name.localName} has complex content`;
  const seen = new Set<string>();
  for (let t = el.type; t && !seen.has(clark(t)); ) {
    seen.add(clark(t));
    if (t.namespace === XS) return UNSUPPORTED_TYPED_XSD.has(t.localName) ? `its domain element ${el.name.localName} is of type xs:${t.localName}` : undefined;
    const def = typeDef(t);
    if (!def) return undefined;
    if (def.content && !def.content.simpleContent) return `its domain element ${el.name.localName} has complex content`;
    if (def.derivation === 'list' || def.derivation === 'union') return `its domain element ${el.name.localName} is of a ${def.derivation} type`;
    t = def.base;
  }
  return undefined;
}
