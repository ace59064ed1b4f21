/**
 * One streaming pass (the XML scanner, core/xml/scanner.ts) over an Inline XBRL document: what `collect.ts`
 * describes (the header's references and resources, every fact with whether it is hidden and its enclosing
 * tuple, continuations, footnotes, relationships, ids) without a tree of the whole document. Elements are built only where they are
 * read: every ix element with all its content (a fact's text, an escaped block's markup, a context), the root,
 * and the XHTML elements outside ix content that carry an `id` or `xml:lang`, so that an element's `parent`
 * chain still holds every ancestor the reader asks about (ix ancestors and `xml:lang`). The rest of the XHTML
 * (tables, cells, paragraphs: most of a large report) is parsed and checked but not kept.
 */
import { KessanError } from '../../../core/errors.js';
import { NS, qname, type QName } from '../../../core/model/qname.js';
import { createParser, DEFAULT_LIMITS, limitError, scopeFor, XML_NS, XMLNS_NS, type XmlElement } from '../../../core/xml/parse.js';
import { parseChunks } from '../../../core/xml/chunks.js';
import { FACT_KINDS, isIx, type DocParts, type FactKind } from './collect.js';
import { Element, FactElement, shapes } from './element.js';
import type { ScannedTag } from '../../../core/xml/scanned-tag.js';
import { xmlPieces } from './html.js';
import { DocumentIds } from '../../../core/xml/ids.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const XML_LANG = `{${XML_NS}}lang`;
const BASE_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);
// How an element's children are collected: walked (facts, footnotes...), only noted (ids, ix elements, `<base>`:
// a fraction's terms, a context's content), not looked at (inside ix:relationship), as ix:references' or
// ix:resources' children.
const WALK = 0;
const NOTE = 1;
const NONE = 2;
const REFERENCES = 3;
const RESOURCES = 4;
/** Values per store list. */
const STORE_CHUNK = 4096;

/** Reads one document's pieces of text (as `fileChunks` or `textChunks` give them) into its parts. */
export function readDocument(chunks: Iterable<string>, file: string): DocParts {
  const { maxDepth, maxTextLength, maxAttributeLength } = DEFAULT_LIMITS;
  const parser = createParser(file);
  let root: Element | undefined;
  const parts: Omit<DocParts, 'root' | 'repeatedIds'> = { file, base: '', refs: [], contexts: [], units: [], facts: [], factsWithoutId: 0, tuples: 0, continuations: [], footnotes: [], relationships: [], headers: [], ixElements: [], ids: [] };
  // Every id, tabled once the document is read (core/xml/ids.ts): a Map of 100k ids was a tenth of the reader's time.
  const ids = new DocumentIds();

  // Per open element, by depth (1 = root): its scope, its node if built, the nearest built element at or
  // above it, whether it is ix content (built with all its children), and how its children are collected.
  const scopes: ReadonlyMap<string, string>[] = [BASE_SCOPE];
  const nodes: (Element | undefined)[] = [undefined];
  const anchors: (Element | undefined)[] = [undefined];
  const inContent: boolean[] = [false];
  const modes: number[] = [WALK];
  const hiddens: boolean[] = [false];
  const tuples: (FactElement | undefined)[] = [undefined];
  let depth = 0;
  // An element's attribute names and values as read; the names are then shared (a shape), the values copied out.
  const keys: string[] = [];
  const values: string[] = [];
  let store: string[] = []; // the built elements' attribute values, one after another (see STORE_CHUNK)
  let run = 0; // length of the text since the last tag, across text and CDATA events (one text node)
  // Names, attribute names and short attribute values repeat: one string or QName each, so the parser's copies die young.
  const names = new Map<string, QName>();
  let lastTagName = ''; // the last built element's name as written, and its QName (neighbours are mostly alike)
  let lastName: QName | undefined;
  const strings = new Map<string, string>();
  const intern = (v: string): string => {
    const s = strings.get(v);
    if (s !== undefined) return s;
    if (strings.size < 100_000) strings.set(v, v);
    return v;
  };

  const shape = shapes((k, v) => k !== 'id' && v.length <= 64, intern);

  /**
   * Builds the element at depth `d` from the `n` attributes read into `keys` and `values` (a FactElement when it
   * is a fact) and records it as the node and anchor of its depth; with `n` < 0 (not read: not built), records
   * that there is none and that the anchor is its parent's.
   */
  const build = (d: number, tag: ScannedTag, uri: string, n: number, scope: ReadonlyMap<string, string>, kind: FactKind | undefined, hidden: boolean, tuple: FactElement | undefined): Element | undefined => {
    if (n < 0) {
      nodes[d] = undefined;
      anchors[d] = anchors[d - 1];
      return undefined;
    }
    let name = tag.name === lastTagName ? lastName : names.get(tag.name);
    if (name === undefined || name.namespace !== uri) names.set(tag.name, (name = qname(uri, tag.local, tag.prefix || undefined)));
    lastTagName = tag.name;
    lastName = name;
    const shared = shape(keys, values, n);
    // A store of its own per 4,096 values: one growing list of all of them was copied at every growth.
    if (store.length + n > STORE_CHUNK) store = [];
    const start = store.length;
    for (let i = 0; i < n; i++) store.push(values[i]!);
    // The tag's place is worked out only for an element that is built (most are not: table cells and rows).
    const el =
      kind === undefined
        ? new Element(name, shared, store, start, anchors[d - 1], parser.tagLine, parser.tagColumn, scope)
        : new FactElement(name, shared, store, start, anchors[d - 1], parser.tagLine, parser.tagColumn, scope, kind, hidden, tuple, file);
    if (d === 1) root = el;
    if (inContent[d - 1]) nodes[d - 1]!.addElement(el);
    nodes[d] = el;
    anchors[d] = el;
    return el;
  };

  parser.on('opentag', (tag) => {
    if (depth + 1 > maxDepth) throw limitError(file, parser.tagLine, parser.tagColumn, `elements nested deeper than ${maxDepth} (raise the limit with --max-depth or KESSAN_MAX_DEPTH)`);
    const d = ++depth;
    run = 0;
    const scope = scopeFor(tag, scopes[d - 1]!);
    scopes[d] = scope;

    const uri = tag.uri;
    const ix = isIx(uri);
    const content = ix || inContent[d - 1]!;
    // Outside ix content only `id` and `xml:lang` decide whether the element is built; its attributes are
    // read only when it is. Every value is checked against the length limit, in order.
    // The tag's attributes, in order, as the parser holds them while this event lasts.
    const count = parser.attributeCount;
    const attrNames = parser.attributeNames;
    const attrValues = parser.attributeValues;
    const attrUris = parser.attributeUris;
    let id = false;
    let lang = false;
    let n = -1; // attributes read into `keys` and `values` (-1: not read)
    if (!content && d > 1) {
      for (let i = 0; i < count; i++) {
        const a = attrNames[i]!;
        const au = attrUris[i]!;
        if (attrValues[i]!.length > maxAttributeLength) throw limitError(file, parser.tagLine, parser.tagColumn, `attribute ${a.name} longer than ${maxAttributeLength} characters`);
        if (au === '' ? a.name === 'id' : au === XML_NS && a.local === 'lang') (au ? (lang = true) : (id = true));
      }
    }
    if (content || d === 1 || id || lang) {
      n = 0;
      for (let i = 0; i < count; i++) {
        const a = attrNames[i]!;
        const value = attrValues[i]!;
        if (value.length > maxAttributeLength) throw limitError(file, parser.tagLine, parser.tagColumn, `attribute ${a.name} longer than ${maxAttributeLength} characters`);
        const au = attrUris[i]!;
        const k = au && au !== XMLNS_NS ? (au === XML_NS && a.local === 'lang' ? ((lang = true), XML_LANG) : `{${au}}${a.local}`) : a.name;
        if (k === 'id') id = true;
        keys[n] = k;
        values[n++] = value;
      }
    }
    inContent[d] = content;

    // How the element is collected, by where it is; worked out before it is built (a fact's is built as one).
    let mode = modes[d - 1]!;
    if (mode === NONE) {
      modes[d] = NONE;
      build(d, tag, uri, n, scope, undefined, false, undefined);
      return;
    }
    let hidden = hiddens[d - 1]!;
    let tuple = tuples[d - 1];
    const local = tag.local;
    let list: XmlElement[] | undefined; // the header's list it goes to (references, contexts, units)
    if (mode === REFERENCES) {
      if (uri === NS.link) list = parts.refs;
      mode = NOTE;
    } else if (mode === RESOURCES) {
      if (uri === NS.xbrli && (local === 'context' || local === 'unit')) {
        list = local === 'context' ? parts.contexts : parts.units;
        mode = NOTE;
      } else mode = WALK;
    }
    const kind = mode === WALK && ix ? FACT_KINDS.get(local) : undefined;
    const el = build(d, tag, uri, n, scope, kind, hidden, tuple);
    if (list) list.push(el!);
    const idValue = id ? el!.get('id')! : '';
    if (id) {
      parts.ids.push(el!);
      ids.add(idValue);
    }
    if (ix) parts.ixElements.push(el!);
    else if (local === 'base' && uri === XHTML) parts.base = el ? (el.attributes.get('href') ?? parts.base) : (hrefOf(attrNames, attrValues, count) ?? parts.base);
    if (mode === WALK && ix) {
      parts.ixNs ??= uri;
      if (kind !== undefined) {
        const fact = el as FactElement;
        parts.facts.push(fact);
        if (idValue === '') parts.factsWithoutId++; // none, or empty
        if (kind === 'tuple') {
          parts.tuples++;
          tuple = fact;
        } else if (kind === 'fraction') mode = NOTE; // numerator and denominator are read with the fraction
      } else if (local === 'hidden') hidden = true;
      else if (local === 'header') parts.headers.push(el!);
      else if (local === 'continuation') parts.continuations.push(el!);
      else if (local === 'footnote') parts.footnotes.push(el!); // may hold continuations and facts
      else if (local === 'relationship') {
        parts.relationships.push(el!);
        mode = NONE;
      } else if (local === 'references') mode = REFERENCES;
      else if (local === 'resources') mode = RESOURCES;
    }
    modes[d] = mode;
    hiddens[d] = hidden;
    tuples[d] = tuple;
  });

  const onText = (t: string) => {
    if (depth === 0) return; // whitespace outside the root
    run += t.length;
    if (run > maxTextLength) throw limitError(file, parser.line, parser.column + 1, `text longer than ${maxTextLength} characters`);
    if (!inContent[depth]) return;
    nodes[depth]!.addText(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    depth--;
    run = 0;
  });

  parseChunks(parser, xmlPieces(chunks), file);
  if (!root) throw new KessanError('kessan:xmlNotWellFormed', 'not well-formed XML: no root element', { file }, 1);
  ids.seal();
  return { ...parts, root, repeatedIds: ids.repeated };
}

/**
 * The `href` of the tag being read, from the parser's attributes. (A function of its own: a closure in the
 * `opentag` handler capturing the count would make the handler allocate a context at every tag.)
 */
function hrefOf(names: readonly { readonly name: string }[], values: readonly string[], count: number): string | undefined {
  for (let i = 0; i < count; i++) if (names[i]!.name === 'href') return values[i];
  return undefined;
}
