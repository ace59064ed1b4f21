/**
 * The one XML reading layer: a light, namespace-aware element tree built with the XML scanner (scanner.ts), with positions.
 *
 * Hostile input is expected: a DOCTYPE is always rejected (entities are never resolved beyond the five
 * predefined ones and character references), element depth and text/attribute sizes are limited.
 */
import { EMPTY_NS, XmlScanner } from './scanner.js';
import { KessanError } from '../errors.js';
import { currentLimits } from '../limits.js';
import { qname, type QName } from '../model/qname.js';
import type { XmlNode } from '../model/xml.js';
import { preParsedXml } from './digest.js';

export { XML_NS, XMLNS_NS } from './xml-chars.js';
import { XML_NS, XMLNS_NS } from './xml-chars.js';

export interface XmlElement extends XmlNode {
  readonly name: QName;
  /**
   * Attributes by Clark name: `{namespace}local` for namespaced attributes, the bare local name for
   * unqualified ones (`id`, `schemaLocation`...). Namespace declarations are kept under their prefixed
   * names (`xmlns`, `xmlns:p`); `nsScope` has the resulting bindings. `xml:lang` is
   * `{http://www.w3.org/XML/1998/namespace}lang`.
   */
  readonly attributes: ReadonlyMap<string, string>;
  /** Child elements and text (adjacent text and CDATA merged into one string), in document order. */
  readonly children: (XmlElement | string)[];
  readonly parent?: XmlElement;
  /** 1-based line and column of the element's `<`. */
  readonly line: number;
  readonly column: number;
  /** prefix → namespace in scope on this element; `''` is the default namespace. Shared with the parent when unchanged. */
  readonly nsScope: ReadonlyMap<string, string>;
}

export interface XmlLimits {
  /** Maximum element nesting depth (root is 1). Default 1000. */
  readonly maxDepth?: number;
  /** Maximum length (UTF-16 code units) of one text node. Default 64 Mi. */
  readonly maxTextLength?: number;
  /** Maximum length of one attribute value. Default 1 Mi. */
  readonly maxAttributeLength?: number;
}

/** The limits in force (`src/limits.ts`: defaults, environment, CLI flags), read when spread. */
export const DEFAULT_LIMITS: Required<XmlLimits> = {
  get maxDepth() {
    return currentLimits().maxDepth;
  },
  get maxTextLength() {
    return currentLimits().maxTextLength;
  },
  get maxAttributeLength() {
    return currentLimits().maxAttributeLength;
  },
};

const EMPTY_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);

/** Removes a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface MutableElement {
  name: QName;
  attributes: Map<string, string>;
  children: (XmlElement | string)[];
  parent?: XmlElement;
  line: number;
  column: number;
  nsScope: ReadonlyMap<string, string>;
}

/** Clark key of an attribute as stored in `XmlElement.attributes`. */
export function attrKey(namespace: string, local: string): string {
  return namespace ? `{${namespace}}${local}` : local;
}

/**
 * Creates the namespace-aware parser (scanner.ts), throwing `KessanError`s: `kessan:xmlNotWellFormed` for syntax
 * errors; with the text to be parsed, first rejects a DOCTYPE (`kessan:xmlDoctype`). Shared with streaming readers.
 */
export function createParser(file: string, source?: string): XmlScanner {
  if (source !== undefined) rejectDoctype(source, file);
  const parser = new XmlScanner({ fileName: file });
  parser.on('error', (e) => {
    const msg = e.message.replace(/^.*?:\d+:\d+: /, '');
    throw new KessanError('kessan:xmlNotWellFormed', `not well-formed XML: ${msg}`, { file, line: parser.line, column: parser.column + 1 }, 1);
  });
  return parser;
}

/**
 * Throws `kessan:xmlDoctype` when the prolog holds a DOCTYPE declaration. (Checked by scanning the prolog
 * so that the parser never has to read one; a DOCTYPE anywhere else is not well-formed and the parser reports
 * it.) True once the text reaches past the prolog; false when it stops
 * inside it, and the text that follows decides.
 */
export function rejectDoctype(source: string, file: string): boolean {
  let i = 0;
  const n = source.length;
  for (;;) {
    while (i < n && /\s/.test(source[i]!)) i++;
    if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else break;
  }
  // The text so far may stop inside what comes next (`<!DOC`, `<!-`): more text decides.
  const rest = source.slice(i, i + 9);
  if (rest.length < 9 && ['<!DOCTYPE', '<!--', '<?'].some((start) => start.startsWith(rest))) return false;
  if (source.startsWith('<!DOCTYPE', i)) {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < i; k++) if (source.charCodeAt(k) === 10) (line++, (lineStart = k + 1));
    throw new KessanError('kessan:xmlDoctype', 'a DOCTYPE declaration is not allowed (entities are never resolved)', { file, line, column: i - lineStart + 1 }, 1);
  }
  return true;
}

/**
 * Builds the in-scope namespace map for a tag, sharing the parent's when the tag declares nothing.
 */
export function scopeFor(tag: { readonly ns: Readonly<Record<string, string>> }, parentScope: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const decl = tag.ns;
  if (decl === EMPTY_NS) return parentScope; // most tags declare nothing
  let changed: Map<string, string> | undefined;
  for (const prefix in decl) {
    if (!changed) changed = new Map(parentScope);
    changed.set(prefix, decl[prefix]!);
  }
  return changed ?? parentScope;
}

/**
 * The start tag's attributes (the parser's while its `opentag` event lasts) by their keys in
 * `XmlElement.attributes`, each value checked against `maxAttributeLength`.
 */
export function tagAttributes(parser: XmlScanner, maxAttributeLength: number, file: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (let i = 0; i < parser.attributeCount; i++) {
    const a = parser.attributeNames[i]!;
    const value = parser.attributeValues[i]!;
    const uri = parser.attributeUris[i]!;
    if (value.length > maxAttributeLength) throw limitError(file, parser.tagLine, parser.tagColumn, `attribute ${a.name} longer than ${maxAttributeLength} characters`);
    attributes.set(uri && uri !== XMLNS_NS ? `{${uri}}${a.local}` : a.name, value);
  }
  return attributes;
}

export function limitError(file: string, line: number, column: number, message: string): KessanError {
  return new KessanError('kessan:xmlLimit', message, { file, line, column }, 1);
}

/**
 * Parses a whole document into an element tree. Throws `KessanError` (exit code 1) for bad input. A bundled
 * taxonomy file's tree comes from its pre-parsed digest (`digest.ts`), the same tree without parsing.
 */
export function parseXml(text: string, file: string, limits: XmlLimits = {}): XmlElement {
  const all = { ...DEFAULT_LIMITS, ...limits };
  return preParsedXml(text, all) ?? parseXmlText(text, file, all);
}

/** `parseXml` without looking for a digest (the digest generator's parser). */
export function parseXmlText(text: string, file: string, limits: XmlLimits = {}): XmlElement {
  const { maxDepth, maxTextLength, maxAttributeLength } = { ...DEFAULT_LIMITS, ...limits };
  const source = stripBom(text);
  const parser = createParser(file, source);
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let startLine = 1;
  let startColumn = 1;

  parser.on('opentagstart', () => {
    startLine = parser.tagLine;
    startColumn = parser.tagColumn;
    if (stack.length + 1 > maxDepth) {
      throw limitError(file, startLine, startColumn, `elements nested deeper than ${maxDepth} (raise the limit with --max-depth or KESSAN_MAX_DEPTH)`);
    }
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const nsScope = scopeFor(tag, parent ? parent.nsScope : EMPTY_SCOPE);
    const attributes = tagAttributes(parser, maxAttributeLength, file);
    const el: MutableElement = {
      name: qname(tag.uri, tag.local, tag.prefix || undefined),
      attributes,
      children: [],
      line: startLine,
      column: startColumn,
      nsScope,
    };
    if (parent) {
      el.parent = parent;
      parent.children.push(el);
    } else {
      root = el;
    }
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (t: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) return; // whitespace outside the root
    const kids = parent.children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') {
      const merged = last + t;
      if (merged.length > maxTextLength) throw limitError(file, parser.line, parser.column + 1, `text longer than ${maxTextLength} characters`);
      kids[kids.length - 1] = merged;
    } else {
      if (t.length > maxTextLength) throw limitError(file, parser.line, parser.column + 1, `text longer than ${maxTextLength} characters`);
      kids.push(t);
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.write(source).close();
  if (!root) throw new KessanError('kessan:xmlNotWellFormed', 'not well-formed XML: no root element', { file }, 1);
  return root;
}
