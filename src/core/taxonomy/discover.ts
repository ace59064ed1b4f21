/**
 * DTS discovery (XBRL 2.1 §3.2), offline: from the entry points, follow xs:import / xs:include
 * schemaLocations, linkbaseRefs and embedded linkbases in schemas, locator hrefs and roleRef / arcroleRef
 * in linkbases. Each document is read once. Instances (and Inline XBRL documents) may be entry points:
 * only their schemaRef / linkbaseRef / roleRef / arcroleRef are read, by streaming.
 */
import { dirname, resolve as resolvePath } from 'node:path';
import { KessanError } from '../errors.js';
import { currentLimits } from '../limits.js';
import { NS } from '../model/qname.js';
import { attrKey, createParser, DEFAULT_LIMITS, parseXml, stripBom, XML_NS, type XmlElement, type XmlLimits } from '../xml/parse.js';
import { digestRootName, preParsedXml } from '../xml/digest.js';
import { readXmlText, xmlBaseChain } from '../xml/tree.js';
import { streamLinkbase } from './linkbase-stream.js';
import { readLinkbase, type LinkbaseDoc } from './linkbase.js';
import type { Resolved, Resolver } from './resolver.js';
import { readSchema, XS, type SchemaDoc } from './schema.js';

export interface Discovered {
  /** Entry points as resolved (local paths, or URLs). */
  readonly entryPoints: string[];
  /** Local documents read, in discovery order (instance entry points excluded). */
  readonly documents: string[];
  /** Referenced documents that are not available offline, each once, in discovery order. */
  readonly unavailable: string[];
  /**
   * Local documents referenced from outside the folders discovery is confined to (`Limits.confineTo` plus each
   * entry point's folder, and the catalog): never read.
   */
  readonly refused: string[];
  readonly schemas: SchemaDoc[];
  readonly linkbases: LinkbaseDoc[];
  /** Document key (path or URL) → the namespace an xs:import declared for it. */
  readonly importNamespaces: Map<string, string>;
  /** xs:schema and link:linkbase elements nested in some other XML document (not read as DTS documents). */
  readonly nestedRoots: NestedRoot[];
}

export interface NestedRoot {
  readonly file: string;
  /** `schema` or `linkbase`. */
  readonly element: 'schema' | 'linkbase';
  /** The enclosing element's name as written. */
  readonly parent: string;
  readonly line: number;
}

/** Whether an element (namespace, local name) is a DTS root, and which. */
function dtsRoot(uri: string, local: string): 'schema' | 'linkbase' | undefined {
  if (uri === XS && local === 'schema') return 'schema';
  if (uri === NS.link && local === 'linkbase') return 'linkbase';
  return undefined;
}

const REF_NAMES = new Set(['schemaRef', 'linkbaseRef', 'roleRef', 'arcroleRef']);
const STOP = Symbol('stop');

/** A start tag's `xml:base`. */
function xmlBaseOf(attributes: Record<string, { uri: string; local: string; value: string }>): string | undefined {
  for (const k in attributes) {
    const a = attributes[k]!;
    if (a.uri === XML_NS && a.local === 'base') return a.value;
  }
  return undefined;
}

/**
 * Streams an instance or Inline XBRL entry point for its references. Returns undefined when the root is a
 * schema or linkbase (the caller parses those fully).
 */
function instanceRefs(path: string, nested: NestedRoot[], limits?: XmlLimits): { href: string; xmlBase: string[] }[] | undefined {
  const raw = readXmlText(path);
  // A bundled schema or linkbase (pre-parsed: core/xml/digest.ts) says what it is without being streamed.
  const known = digestRootName(raw, { ...DEFAULT_LIMITS, ...limits });
  if (known && dtsRoot(known.namespace, known.localName)) return undefined;
  const text = stripBom(raw);
  const parser = createParser(path, text);
  const maxDepth = limits?.maxDepth ?? currentLimits().maxDepth;
  const hrefs: { href: string; xmlBase: string[] }[] = [];
  const rootBase: string[] = [];
  const names: string[] = [];
  let depth = 0;
  let mode: 'instance' | 'other' | 'full' | undefined;
  parser.on('opentag', (tag) => {
    depth++;
    names[depth] = tag.name;
    if (depth > maxDepth) throw new KessanError('kessan:xmlLimit', `elements nested deeper than ${maxDepth} (raise the limit with --max-depth or KESSAN_MAX_DEPTH)`, { file: path, line: parser.line }, 1);
    if (depth === 1) {
      if ((tag.uri === XS && tag.local === 'schema') || (tag.uri === NS.link && tag.local === 'linkbase')) {
        mode = 'full';
        throw STOP;
      }
      mode = tag.uri === NS.xbrli && tag.local === 'xbrl' ? 'instance' : 'other';
      const b = xmlBaseOf(tag.attributes);
      if (b !== undefined) rootBase.push(b);
      return;
    }
    const root = mode === 'other' ? dtsRoot(tag.uri, tag.local) : undefined;
    if (root && !(root === 'linkbase' && /(^|:)appinfo$/.test(names[depth - 1]!))) nested.push({ file: path, element: root, parent: names[depth - 1]!, line: parser.line });
    const isRef = tag.uri === NS.link && REF_NAMES.has(tag.local);
    if (mode === 'instance' && depth === 2 && !isRef) throw STOP; // refs come first in an instance
    if (isRef) {
      const href = tag.attributes[`xlink:href`]?.value ?? Object.values(tag.attributes).find((a) => a.uri === NS.xlink && a.local === 'href')?.value;
      const own = xmlBaseOf(tag.attributes);
      if (href !== undefined) hrefs.push({ href, xmlBase: own === undefined ? rootBase : [...rootBase, own] });
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return mode === 'full' ? undefined : hrefs;
}

/** An instance entry point's references as its reader already found them: DTS discovery need not read it again. */
export interface KnownRefs {
  /** The instance's absolute path. */
  readonly path: string;
  /** schemaRef / linkbaseRef / roleRef / arcroleRef hrefs before the first other top-level element, in order. */
  readonly refs: readonly { readonly href: string; readonly xmlBase: readonly string[] }[];
}

export function discover(entryPoints: readonly string[], resolver: Resolver, limits?: XmlLimits, known?: KnownRefs): Discovered {
  const out: Discovered = {
    entryPoints: [],
    documents: [],
    unavailable: [],
    schemas: [],
    linkbases: [],
    importNamespaces: new Map(),
    nestedRoots: [],
    refused: [],
  };
  const seen = new Set<string>();
  const queue: Resolved[] = [];
  const confine = currentLimits().confineTo;
  if (confine) resolver.confine(confine);
  const enqueue = (r: Resolved) => {
    const key = r.kind === 'local' ? r.path : r.url;
    if (seen.has(key)) return;
    seen.add(key);
    if (r.kind === 'local') queue.push(r);
    else (r.refused ? out.refused : out.unavailable).push(key);
  };

  const cwdBase = resolvePath('kessan-entry');
  for (const ep of entryPoints) {
    const url = /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(ep);
    // An entry point is named by the user: its folder is allowed before it is resolved.
    if (!url) resolver.allow(dirname(resolvePath(ep)));
    const r = url ? resolver.resolve(ep, cwdBase) : resolver.resolve(resolvePath(ep), cwdBase);
    if (r.kind === 'unavailable' && !url) {
      throw new KessanError('kessan:fileNotFound', `entry point not found: ${ep}`, { file: ep }, 2);
    }
    out.entryPoints.push(r.kind === 'local' ? r.path : r.url);
    if (r.kind === 'local') {
      const refs = known && resolvePath(known.path) === r.path ? known.refs : instanceRefs(r.path, out.nestedRoots, limits);
      if (refs) {
        seen.add(r.path);
        for (const { href, xmlBase } of refs) enqueue(resolver.resolve(href, r.path, xmlBase));
        continue;
      }
    }
    enqueue(r);
  }

  for (let i = 0; i < queue.length; i++) {
    const r = queue[i]!;
    if (r.kind !== 'local') continue;
    const file = r.path;
    const text = readXmlText(file);
    out.documents.push(file);
    // Linkbases are streamed (they are the big documents); anything else is parsed into a tree. A bundled
    // document has a pre-parsed tree (core/xml/digest.ts): read from it, the same way, without parsing.
    const pre = preParsedXml(text, { ...DEFAULT_LIMITS, ...limits });
    const streamed = pre
      ? pre.name.namespace === NS.link && pre.name.localName === 'linkbase'
        ? readLinkbase(pre, file, resolver, { file, refs: [], links: [], simpleLinks: [] })
        : undefined
      : streamLinkbase(text, file, resolver, limits);
    if (streamed) {
      out.linkbases.push(streamed);
      for (const t of streamed.refs) enqueue(t);
      continue;
    }
    const root: XmlElement = pre ?? parseXml(text, file, limits);
    const { namespace, localName } = root.name;
    if (namespace === XS && localName === 'schema') {
      const schema = readSchema(root, file, resolver);
      out.schemas.push(schema);
      for (const ref of schema.refs) {
        if (ref.kind === 'import' && ref.namespace !== undefined) {
          const key = ref.target.kind === 'local' ? ref.target.path : ref.target.url;
          if (!out.importNamespaces.has(key)) out.importNamespaces.set(key, ref.namespace);
        }
        enqueue(ref.target);
      }
      for (const lb of schema.embeddedLinkbases) {
        const doc = readLinkbase(lb, file, resolver);
        out.linkbases.push(doc);
        for (const t of doc.refs) enqueue(t);
      }
    } else if (namespace === NS.xbrli && localName === 'xbrl') {
      // An instance reached by reference (unusual): follow its refs only.
      for (const c of root.children) {
        if (typeof c === 'string' || c.name.namespace !== NS.link || !REF_NAMES.has(c.name.localName)) continue;
        const href = c.attributes.get(attrKey(NS.xlink, 'href'));
        if (href !== undefined) enqueue(resolver.resolve(href, file, xmlBaseChain(c)));
      }
    }
  }
  return out;
}

