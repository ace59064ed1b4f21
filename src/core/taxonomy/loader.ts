/**
 * Loads a taxonomy (a DTS) offline and implements `Taxonomy`.
 *
 * Documents that are not available offline (e.g. us-gaap by URL) are listed in `unavailable` and the load
 * carries on. Locators into an unavailable schema still give relationships and labels: the concept is a
 * placeholder QName whose namespace is the one an `xs:import` declared for that schema URL (or, failing
 * that, the schema URL itself) and whose local name comes from the fragment id by the `prefix_LocalName`
 * convention (`us-gaap-2009-01-31.xsd#us-gaap_Revenues` → `{http://xbrl.us/us-gaap/2009-01-31}Revenues`).
 * Placeholders are listed in `placeholders`; they are not in `concepts`.
 */
import { resolve as resolvePath } from 'node:path';
import { clark, NS, qname, type QName } from '../model/qname.js';
import type { Finding } from '../model/finding.js';
import type { XmlElement, XmlLimits } from '../xml/parse.js';
import { attr, readXmlFile } from '../xml/tree.js';
import { discover, type KnownRefs } from './discover.js';
import type { RawLink, RawLocator, RawResource } from './linkbase.js';
import type { LocatorTarget } from './raw.js';
import { ARCROLE, LABEL_ROLE, type ArcroleType, type Concept, type Label, type Relationship, type RoleType, type Taxonomy } from './model.js';
import { effectiveArcs, RelationshipIndex, toRelationship, type ArcInstance, type Endpoint } from './relationships.js';
import { Resolver, type TaxonomyLocations } from './resolver.js';
import type { ElementDecl } from './schema.js';
import { TypeResolver } from './types.js';
import { locate } from './xpointer.js';

export interface LoadOptions {
  /** Folder mirroring `www.xbrl.org/...`; default `taxonomy/catalog` at the project root. */
  readonly catalogDir?: string;
  readonly limits?: XmlLimits;
  /** An instance entry point's references, already read by the instance reader (the instance is then not re-read). */
  readonly knownRefs?: KnownRefs;
  /** Taxonomy packages and URL-mirror folders to find base taxonomies in, besides the run's (`Limits`). */
  readonly locations?: TaxonomyLocations;
}

export interface Placeholder {
  readonly name: QName;
  /** The locator href's target: unavailable schema URL + `#` + fragment. */
  readonly href: string;
}

/** What `loadTaxonomy` returns: the `Taxonomy` contract plus load details. */
export interface LoadedTaxonomy extends Taxonomy {
  /** Local documents the DTS references outside the folders it may read (never read; see `Limits.confineTo`). */
  readonly refused: readonly string[];
  /** Concepts referenced by locators into unavailable schemas, by Clark name. */
  readonly placeholders: ReadonlyMap<string, Placeholder>;
  /** Problems found while loading (dangling locators, duplicate declarations...). Never errors that stop the load. */
  readonly findings: readonly Finding[];
  /** Resources other than labels reached by effective arcs from concepts (e.g. references), by arcrole. */
  resources(concept: QName, arcrole?: string): readonly RawResource[];
}

const ITEM = clark(qname(NS.xbrli, 'item'));
const TUPLE = clark(qname(NS.xbrli, 'tuple'));
const LABEL_ELEMENT = `{${NS.link}}label`;

function fragmentId(fragment: string | undefined): string | undefined {
  if (fragment === undefined || fragment === '') return undefined;
  const m = /^element\(([^/)][^/)]*)\)$/.exec(fragment);
  if (m) return m[1];
  return fragment.startsWith('element(') ? undefined : decodeURIComponent(fragment);
}

const langMatches = (have: string, want: string) => {
  const h = have.toLowerCase();
  const w = want.toLowerCase();
  return h === w || h.startsWith(`${w}-`) || w.startsWith(`${h}-`);
};

/**
 * The DTS of a document read from `file` that names `hrefs` as its taxonomy (Inline XBRL schemaRefs, xBRL-JSON
 * `taxonomy`): the document is the entry point and the hrefs are its references, so relative ones resolve beside
 * it and confinement (`Limits.confineTo` plus the document's own folder) applies to them exactly as to an XML
 * instance's schemaRefs. The document itself is not read again.
 */
export function loadDocumentTaxonomy(file: string, hrefs: readonly string[], options: Omit<LoadOptions, 'knownRefs'> = {}): LoadedTaxonomy {
  const refs = hrefs.map((href) => ({ href, xmlBase: [] }));
  return loadTaxonomy([file], { ...options, knownRefs: { path: resolvePath(file), refs } });
}

export function loadTaxonomy(entryPoints: readonly string[], options: LoadOptions = {}): LoadedTaxonomy {
  const resolver = new Resolver(options.catalogDir, options.locations);
  const d = discover(entryPoints, resolver, options.limits, options.knownRefs);
  const findings: Finding[] = [];
  for (const path of d.refused) {
    findings.push({ code: 'kessan:referenceRefused', severity: 'error', message: `the DTS references ${path}, outside the filing's folder; it was not read (allow its folder with --allow-dir)`, file: d.entryPoints[0] ?? path });
  }

  // Declarations and types.
  const declByName = new Map<string, ElementDecl>();
  const declByDocId = new Map<string, ElementDecl>();
  const allTypes = [];
  const roleTypes = new Map<string, RoleType>();
  const arcroleTypes = new Map<string, ArcroleType>();
  for (const s of d.schemas) {
    for (const e of s.elements) {
      const key = clark(e.name);
      if (declByName.has(key)) {
        findings.push({ code: 'kessan:duplicateElement', severity: 'warning', message: `element ${key} declared more than once`, file: e.file, line: e.line });
      } else declByName.set(key, e);
      if (e.id !== undefined) declByDocId.set(`${e.file}#${e.id}`, e);
    }
    allTypes.push(...s.types);
    for (const r of s.roleTypes) if (!roleTypes.has(r.uri)) roleTypes.set(r.uri, r);
    for (const r of s.arcroleTypes) if (!arcroleTypes.has(r.uri)) arcroleTypes.set(r.uri, r);
  }
  const types = new TypeResolver(allTypes);
  const attributeTypes = new Map<string, string>();
  for (const s of d.schemas) {
    for (const a of s.attributes ?? []) {
      const key = clark(a.name);
      if (a.type && !attributeTypes.has(key)) attributeTypes.set(key, types.resolve(a.type).baseXsd);
    }
  }

  // Concepts: substitution group resolving (transitively) to xbrli:item or xbrli:tuple.
  const isConceptMemo = new Map<string, boolean>();
  const isConcept = (key: string, depth = 0): boolean => {
    if (key === ITEM || key === TUPLE) return true;
    const memo = isConceptMemo.get(key);
    if (memo !== undefined) return memo;
    const decl = declByName.get(key);
    const result = !!decl?.substitutionGroup && depth < 100 && isConcept(clark(decl.substitutionGroup), depth + 1);
    isConceptMemo.set(key, result);
    return result;
  };
  const concepts = new Map<string, Concept>();
  for (const [key, e] of declByName) {
    if (!e.substitutionGroup || !isConcept(key)) continue;
    // No type and no anonymous type: XML Schema gives the substitution group head's type.
    let typeName = e.type;
    for (let head = e, n = 0; !typeName && !head.anonymousType && head.substitutionGroup && n < 100; n++) {
      const next = declByName.get(clark(head.substitutionGroup));
      if (!next) break;
      head = next;
      typeName = head.type;
    }
    typeName ??= qname(NS.xsd, 'anyType', 'xs');
    concepts.set(key, {
      name: e.name,
      ...(e.id !== undefined ? { id: e.id } : {}),
      type: types.resolve(typeName),
      substitutionGroup: e.substitutionGroup,
      ...(e.periodType ? { periodType: e.periodType } : {}),
      ...(e.balance ? { balance: e.balance } : {}),
      abstract: e.abstract,
      nillable: e.nillable,
      file: e.file,
      line: e.line,
    });
  }

  // Resources addressable by id (for locators pointing at resources).
  const resourceByDocId = new Map<string, RawResource>();
  for (const lb of d.linkbases) for (const l of lb.links) for (const r of l.resources) if (r.id !== undefined) resourceByDocId.set(`${r.file}#${r.id}`, r);

  // Arc instances with endpoints resolved.
  const placeholders = new Map<string, Placeholder>();
  const locTargets = new Map<RawLocator, LocatorTarget>();
  const schemaIds = new Map<string, Map<string, { element: string; line: number }>>();
  for (const s of d.schemas) if (s.ids) schemaIds.set(s.file, s.ids);
  const linkbaseFiles = new Set(d.linkbases.filter((l) => !l.embedded).map((l) => l.file));
  // XPointer child sequences (`element(/1/3)`) need the target document's tree: read on demand, once.
  const trees = new Map<string, XmlElement | undefined>();
  const treeOf = (path: string): XmlElement | undefined => {
    if (!trees.has(path)) {
      let root: XmlElement | undefined;
      try {
        root = readXmlFile(path, options.limits);
      } catch {
        root = undefined;
      }
      trees.set(path, root);
    }
    return trees.get(path);
  };
  const knownId = (path: string, id: string) => declByDocId.has(`${path}#${id}`) || resourceByDocId.has(`${path}#${id}`) || !!schemaIds.get(path)?.has(id);
  const declAt = (path: string, el: XmlElement) => {
    if (el.name.namespace !== NS.xsd || el.name.localName !== 'element' || el.parent?.parent) return undefined;
    return [...declByName.values()].find((e) => e.file === path && e.line === el.line && e.name.localName === attr(el, 'name'));
  };
  const resourcesByFile = new Map<string, RawResource[]>();
  for (const lb of d.linkbases) for (const l of lb.links) for (const r of l.resources) {
    const list = resourcesByFile.get(r.file);
    if (list) list.push(r);
    else resourcesByFile.set(r.file, [r]);
  }
  const resourceAt = (path: string, el: XmlElement) => resourcesByFile.get(path)?.find((r) => r.line === el.line && r.element === clark(el.name));
  /** Locators (file#label) at known schema elements that are not concepts: arcs from or to them are not dangling. */
  const pointsElsewhere = new Set<string>();
  const endpointsOf = (link: RawLink): Map<string, Endpoint[]> => {
    const byLabel = new Map<string, Endpoint[]>();
    const add = (label: string, e: Endpoint) => {
      const list = byLabel.get(label);
      if (list) list.push(e);
      else byLabel.set(label, [e]);
    };
    for (const loc of link.locators) {
      const t = loc.target;
      const id = fragmentId(t.fragment);
      if (t.kind === 'local') {
        const hit = t.fragment ? locate(t.fragment, (i) => knownId(t.path, i), () => treeOf(t.path)) : undefined;
        const hitId = hit && 'id' in hit ? hit.id : undefined;
        const el = hit && 'element' in hit ? hit.element : undefined;
        const decl = hitId !== undefined ? declByDocId.get(`${t.path}#${hitId}`) : el ? declAt(t.path, el) : undefined;
        if (decl) {
          add(loc.label, { kind: 'concept', key: clark(decl.name), name: decl.name });
          locTargets.set(loc, { kind: 'element', key: clark(decl.name), decl });
          continue;
        }
        const res = hitId !== undefined ? resourceByDocId.get(`${t.path}#${hitId}`) : el ? resourceAt(t.path, el) : undefined;
        if (res) {
          const endpoint = { kind: 'resource' as const, key: res.key, resource: res };
          add(loc.label, endpoint);
          locTargets.set(loc, { kind: 'resource', endpoint });
          continue;
        }
        const other = hitId !== undefined ? schemaIds.get(t.path)?.get(hitId) : el ? { element: clark(el.name) } : undefined;
        locTargets.set(loc, other ? { kind: 'other', element: other.element } : { kind: 'missing', document: t.path, isLinkbase: linkbaseFiles.has(t.path), isSchema: schemaIds.has(t.path) });
        // A known element that is no concept (a roleType a generic label names, as EDINET's labels do): not dangling.
        if (other) {
          pointsElsewhere.add(`${link.file}#${loc.label}`);
          continue;
        }
        findings.push({ code: 'kessan:locatorUnresolved', severity: 'warning', message: `locator ${loc.label} points at nothing known: ${t.path}#${t.fragment ?? ''}`, file: link.file, line: loc.line });
      } else if (id !== undefined) {
        const underscore = id.indexOf('_');
        const local = underscore >= 0 ? id.slice(underscore + 1) : id;
        const prefix = underscore > 0 ? id.slice(0, underscore) : undefined;
        const name = qname(d.importNamespaces.get(t.url) ?? t.url, local, prefix);
        const key = clark(name);
        if (!placeholders.has(key) && !concepts.has(key)) placeholders.set(key, { name, href: `${t.url}#${t.fragment}` });
        add(loc.label, { kind: 'concept', key, name });
        locTargets.set(loc, { kind: 'element', key, placeholder: true });
      }
    }
    for (const r of link.resources) add(r.label, { kind: 'resource', key: r.key, resource: r });
    return byLabel;
  };
  const instances: ArcInstance[] = [];
  for (const lb of d.linkbases) {
    for (const link of lb.links) {
      const byLabel = endpointsOf(link);
      for (const arc of link.arcs) {
        const froms = byLabel.get(arc.from);
        const tos = byLabel.get(arc.to);
        if (!froms || !tos) {
          // Missing labels into unavailable schemas were already dropped; report only genuinely dangling arcs.
          const missing = !froms ? arc.from : arc.to;
          if (!link.locators.some((l) => l.label === missing && l.target.kind === 'unavailable') && !pointsElsewhere.has(`${link.file}#${missing}`)) {
            findings.push({ code: 'kessan:arcUnresolved', severity: 'warning', message: `arc ${arc.from} → ${arc.to}: no locator or resource labelled ${missing}`, file: link.file, line: arc.line });
          }
          continue;
        }
        for (const from of froms) for (const to of tos) instances.push({ arc, link, from, to });
      }
    }
  }

  // Effective relationships, labels and other resources.
  const rels: Relationship[] = [];
  const effective = effectiveArcs(instances, (key) => attributeTypes.get(key) || undefined);
  const labelsByConcept = new Map<string, Label[]>();
  const resourcesByConcept = new Map<string, { arcrole: string; resource: RawResource }[]>();
  for (const i of effective) {
    if (i.from.kind !== 'concept') continue;
    if (i.to.kind === 'concept') {
      rels.push(toRelationship({ ...i, from: i.from, to: i.to }));
    } else if (i.arc.arcrole === ARCROLE.conceptLabel && i.to.resource.element === LABEL_ELEMENT) {
      const r = i.to.resource;
      const label: Label = { concept: i.from.name, role: r.role ?? LABEL_ROLE.standard, lang: r.lang ?? '', text: r.text };
      const list = labelsByConcept.get(i.from.key);
      if (list) list.push(label);
      else labelsByConcept.set(i.from.key, [label]);
    } else {
      const list = resourcesByConcept.get(i.from.key);
      const entry = { arcrole: i.arc.arcrole, resource: i.to.resource };
      if (list) list.push(entry);
      else resourcesByConcept.set(i.from.key, [entry]);
    }
  }
  const index = new RelationshipIndex(rels);

  const labels = (c: QName): readonly Label[] => labelsByConcept.get(clark(c)) ?? [];
  const label = (c: QName, role: string = LABEL_ROLE.standard, lang?: string): string | undefined => {
    const all = labels(c);
    if (!all.length) return undefined;
    const find = (r: string | undefined, l: string | undefined) => all.find((x) => (r === undefined || x.role === r) && (l === undefined || langMatches(x.lang, l)));
    const hit =
      (lang !== undefined ? find(role, lang) ?? find(LABEL_ROLE.standard, lang) : undefined) ??
      find(role, undefined) ??
      find(LABEL_ROLE.standard, undefined);
    return hit?.text;
  };

  const byQName = new Map<QName, Concept | null>();
  return {
    entryPoints: d.entryPoints,
    documents: d.documents,
    concepts,
    roleTypes,
    arcroleTypes,
    relationships: (arcrole, linkrole) => index.relationships(arcrole, linkrole),
    linkroles: (arcrole) => index.linkroles(arcrole),
    labels,
    label,
    concept: (name) => {
      // Names are interned objects (src/core/model/qname.ts): a lookup per fact by identity, not by a new Clark string.
      let c = byQName.get(name);
      if (c === undefined) {
        c = concepts.get(clark(name)) ?? null;
        if (byQName.size < 1_000_000) byQName.set(name, c);
      }
      return c ?? undefined;
    },
    unavailable: d.unavailable,
    refused: d.refused,
    placeholders,
    findings,
    raw: {
      schemas: d.schemas,
      linkbases: d.linkbases,
      arcs: instances,
      effective,
      locatorTarget: (_link, loc) => locTargets.get(loc),
      declarations: declByName,
      nestedRoots: d.nestedRoots,
    },
    resources: (c, arcrole) => (resourcesByConcept.get(clark(c)) ?? []).filter((e) => arcrole === undefined || e.arcrole === arcrole).map((e) => e.resource),
  };
}
