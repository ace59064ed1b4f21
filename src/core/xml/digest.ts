/**
 * Pre-parsed XML (issue 18): the element trees of kessan's bundled taxonomy files (`taxonomy/catalog`, the XBRL
 * core schemas and the Units Registry; `taxonomy/iij`, the example's taxonomy), written as JSON at build time
 * (`scripts/xml-digest.ts`, run by `npm run build` and `prepare`, into `dist/xml-digest/`), so that a run loads
 * them instead of parsing their XML: parsing those files with saxes was ~120 ms of the example's conversion.
 *
 * A digest is found by the document's text, never by its name: by its length first (one lookup, so other
 * documents cost nothing), then by comparing the whole text with the copy written beside the digest (cheaper
 * than hashing it: node:crypto alone takes 5–12 ms to load). A text that differs by one character is parsed as
 * before, and the same file copied elsewhere is found too. The tree a digest gives is the one `parseXml` builds (names,
 * attributes, children, lines, columns, namespace scopes; checked for every bundled file by digest.test.ts).
 * A digest also records the document's depth, longest text and longest attribute: when the limits in force are
 * lower, the document is parsed, so that it fails the same way it always did.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { qname, type QName } from '../model/qname.js';
import type { XmlElement, XmlLimits } from './parse.js';

/** Bumped when the encoding changes: digests written by another version are not read. */
export const DIGEST_VERSION = 2;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** The root's scope before its own declarations (parse.ts's, which this module cannot import: parse.ts imports it). */
const EMPTY_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);

/**
 * One element: [name, line, column, attributes (key, value, …), namespace declarations (prefix, namespace, … or 0
 * when the scope is the parent's), ...children]. The name is an index into `names`, attribute keys are indexes into
 * `strings`; a child is a string (text) or an element.
 */
export type EncodedElement = [number, number, number, (number | string)[], string[] | 0, ...(EncodedElement | string)[]];

export interface XmlDigest {
  readonly version: number;
  readonly strings: readonly string[];
  /** Element names: namespace, local name, prefix (-1: none), as indexes into `strings`, three per name. */
  readonly names: readonly number[];
  readonly root: EncodedElement;
  /** What the limits are checked against: depth (root 1), longest text (a text node, or all the text inside one element below the root), longest attribute value. */
  readonly depth: number;
  readonly text: number;
  readonly attribute: number;
}

/**
 * The index of `dist/xml-digest/`: text length → the names of the digests of texts of that length. Digest `n` is
 * `n.json` (an `XmlDigest`) and `n.xml` (the text it was made from, UTF-8).
 */
export interface DigestIndex {
  readonly version: number;
  readonly byLength: Record<string, readonly string[]>;
}

export function digestDir(): string {
  return join(projectRoot(), 'dist', 'xml-digest');
}

/** Encodes a tree as `parseXml` built it from `text`. */
export function encodeXml(root: XmlElement): XmlDigest {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      ids.set(s, i);
    }
    return i;
  };
  const names: number[] = [];
  const nameIds = new Map<QName, number>();
  const nameId = (q: QName) => {
    let i = nameIds.get(q);
    if (i === undefined) {
      i = names.length / 3;
      names.push(id(q.namespace), id(q.localName), q.prefix === undefined ? -1 : id(q.prefix));
      nameIds.set(q, i);
    }
    return i;
  };
  let depth = 0;
  let text = 0;
  let attribute = 0;
  /** Returns the length of all text inside `el`. */
  const encode = (el: XmlElement, parentScope: ReadonlyMap<string, string>, level: number, out: EncodedElement[]): number => {
    depth = Math.max(depth, level);
    const attrs: (number | string)[] = [];
    for (const [k, v] of el.attributes) {
      attrs.push(id(k), v);
      attribute = Math.max(attribute, v.length);
    }
    // Only what the element changes (a declaration that changes nothing gives an equal scope, shared).
    const changed: string[] = [];
    if (el.nsScope !== parentScope) for (const [p, ns] of el.nsScope) if (parentScope.get(p) !== ns) changed.push(p, ns);
    const decls: string[] | 0 = changed.length ? changed : 0;
    const e: EncodedElement = [nameId(el.name), el.line, el.column, attrs, decls];
    let inside = 0;
    for (const c of el.children) {
      if (typeof c === 'string') {
        e.push(c);
        text = Math.max(text, c.length);
        inside += c.length;
      } else inside += encode(c, el.nsScope, level + 1, e as unknown as EncodedElement[]);
    }
    if (level > 1) text = Math.max(text, inside);
    out.push(e);
    return inside;
  };
  const holder: EncodedElement[] = [];
  encode(root, EMPTY_SCOPE, 1, holder);
  return { version: DIGEST_VERSION, strings, names, root: holder[0]!, depth, text, attribute };
}

/** The tree a digest holds, built as `parseXml` builds it (same objects, same shared namespace scopes). */
export function decodeXml(d: XmlDigest): XmlElement {
  const strings = d.strings;
  // Each distinct name once (qname() interns by a string key: once per name, not once per element).
  const names: QName[] = [];
  for (let i = 0; i < d.names.length; i += 3) {
    const prefix = d.names[i + 2]!;
    names.push(qname(strings[d.names[i]!]!, strings[d.names[i + 1]!]!, prefix < 0 ? undefined : strings[prefix]));
  }
  const decode = (e: EncodedElement, parent: XmlElement | undefined, scope: ReadonlyMap<string, string>): XmlElement => {
    const attributes = new Map<string, string>();
    const a = e[3];
    for (let i = 0; i < a.length; i += 2) attributes.set(strings[a[i] as number]!, a[i + 1] as string);
    let nsScope = scope;
    const decls = e[4];
    if (decls !== 0) {
      const m = new Map(scope);
      for (let i = 0; i < decls.length; i += 2) m.set(decls[i]!, decls[i + 1]!);
      nsScope = m;
    }
    const children: (XmlElement | string)[] = [];
    const el: { -readonly [K in keyof XmlElement]: XmlElement[K] } = { name: names[e[0]]!, attributes, children, line: e[1], column: e[2], nsScope };
    if (parent) el.parent = parent;
    for (let i = 5; i < e.length; i++) {
      const c = e[i] as EncodedElement | string;
      children.push(typeof c === 'string' ? c : decode(c, el, nsScope));
    }
    return el;
  };
  return decode(d.root, undefined, EMPTY_SCOPE);
}

let dir: string | false | undefined;
let index: DigestIndex | null | undefined;
const loaded = new Map<string, Stored>();

/**
 * Where digests are read from: a folder, `false` for none (every document parsed), undefined for the default
 * (`digestDir()`). For tests that compare the two ways.
 * @internal
 */
export function useXmlDigests(from: string | false | undefined): void {
  dir = from;
  index = undefined;
  loaded.clear();
}

function readIndex(): DigestIndex | null {
  if (index !== undefined) return index;
  index = null;
  if (dir === false) return index;
  try {
    const file = join(dir ?? digestDir(), 'index.json');
    if (existsSync(file)) {
      const i = JSON.parse(readFileSync(file, 'utf8')) as DigestIndex;
      if (i.version === DIGEST_VERSION) index = i;
    }
  } catch {
    // no digests (not built, or unreadable): every document is parsed
  }
  return index;
}

/** A digest as read: the text it was made from, and the digest (null when unreadable or of another version). */
interface Stored {
  readonly text: string | null;
  digest?: XmlDigest | null;
}

function stored(folder: string, name: string): Stored {
  let s = loaded.get(name);
  if (!s) {
    let text: string | null = null;
    try {
      text = readFileSync(join(folder, `${name}.xml`), 'utf8');
    } catch {
      // unreadable: parsed instead
    }
    s = { text };
    loaded.set(name, s);
  }
  return s;
}

/** The name of the digest made from exactly `text`, if there is one. */
function nameOf(text: string): { folder: string; name: string } | undefined {
  const candidates = readIndex()?.byLength[text.length];
  if (!candidates) return undefined;
  const folder = dir || digestDir();
  for (const name of candidates) if (stored(folder, name).text === text) return { folder, name };
  return undefined;
}

/** The digest of `text`, or undefined when it has none (or one the limits in force would not allow). */
export function findDigest(text: string, limits: Required<XmlLimits>): XmlDigest | undefined {
  const at = nameOf(text);
  if (!at) return undefined;
  const s = stored(at.folder, at.name);
  if (s.digest === undefined) {
    s.digest = null;
    try {
      const d = JSON.parse(readFileSync(join(at.folder, `${at.name}.json`), 'utf8')) as XmlDigest;
      if (d.version === DIGEST_VERSION) s.digest = d;
    } catch {
      // unreadable: parsed instead
    }
  }
  const d = s.digest;
  return d && withinLimits(d, limits) ? d : undefined;
}

/**
 * What a reader made of a bundled document, written at build time beside its tree (`<name>.<kind>.json`) for a
 * reader that would otherwise walk the whole tree at every run (kind `utr`: the Units Registry's entries). The
 * reader's own function makes it (scripts/xml-digest.ts), and digest.test.ts compares it with that function's
 * result on the parsed document. Undefined when `text` has no digest or no such value; never for other limits
 * than the tree's (the same check as `findDigest`).
 */
export function findDerived<T>(kind: string, text: string, limits: Required<XmlLimits>): T | undefined {
  const at = nameOf(text);
  if (!at) return undefined;
  try {
    const d = JSON.parse(readFileSync(join(at.folder, `${at.name}.${kind}.json`), 'utf8')) as DerivedDigest<T>;
    if (d.version !== DIGEST_VERSION || !withinLimits(d, limits)) return undefined;
    return d.value;
  } catch {
    return undefined;
  }
}

/** A derived value as written: with the document's limits (as in its `XmlDigest`). */
export interface DerivedDigest<T> extends Pick<XmlDigest, 'version' | 'depth' | 'text' | 'attribute'> {
  readonly value: T;
}

const withinLimits = (d: Pick<XmlDigest, 'depth' | 'text' | 'attribute'>, limits: Required<XmlLimits>) =>
  d.depth <= limits.maxDepth && d.text <= limits.maxTextLength && d.attribute <= limits.maxAttributeLength;

/** The root element's name of `text`, when it has a digest: what it is, without building its tree. */
export function digestRootName(text: string, limits: Required<XmlLimits>): QName | undefined {
  const d = findDigest(text, limits);
  if (!d) return undefined;
  const i = d.root[0] * 3;
  const prefix = d.names[i + 2]!;
  return qname(d.strings[d.names[i]!]!, d.strings[d.names[i + 1]!]!, prefix < 0 ? undefined : d.strings[prefix]);
}

/** The tree of `text` from its digest, when it has one: what `parseXml(text)` would build. */
export function preParsedXml(text: string, limits: Required<XmlLimits>): XmlElement | undefined {
  const d = findDigest(text, limits);
  return d ? decodeXml(d) : undefined;
}
