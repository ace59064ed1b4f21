/**
 * kessan's streaming XML parser: namespace-aware, checking well-formedness (XML 1.0 fifth edition and
 * Namespaces in XML 1.0), fed a document in pieces. It gives the events, tag objects and positions of the
 * saxes API the readers were written against (`opentagstart`, `opentag`, `closetag`, `text`, `cdata`,
 * `error`; `line`, `column`, `position`), so a reader does not care which parser it has.
 *
 * Why not saxes: saxes reads a character at a time in JavaScript. At ten thousand facts that code runs mostly
 * in V8's interpreter, before it is compiled, and was a third of reading an instance; here each markup token
 * is found with `indexOf` and matched with sticky regular expressions, which V8 runs as native code from their
 * first use. A DOCTYPE is never parsed (kessan rejects one before parsing, `rejectDoctype`); one met here
 * is an error.
 */
import { LineCounter } from './line-counter.js';
import { ScannedTag, type SplitName } from './scanned-tag.js';
import {
  codeAt, decodeReferences, KNOWN_NAMESPACES, MAYBE_NOT_CHAR, normalizeAttribute, normalizeLines, NOT_CHAR, ONLY_SPACES, QNAME, skipSpaces, SPECIAL_IN_VALUE, XML_DECL, XML_NS, XMLNS_NS,
} from './xml-chars.js';

export { EMPTY_NS, ScannedTag, type ScannedAttribute, type SplitName } from './scanned-tag.js';

/** Attributes beyond this many are checked for repeats with a Set, fewer by comparing. */
const FEW = 16;

type Handlers = {
  opentagstart?: (tag: { name: string }) => void;
  opentag?: (tag: ScannedTag) => void;
  /** Given the element's name only (its start tag's object describes other tags by then). */
  closetag?: (tag: { readonly name: string }) => void;
  text?: (text: string) => void;
  cdata?: (text: string) => void;
  error?: (err: Error) => void;
};

/** Slots of the table of names met (a power of two). */
const NAME_SLOTS = 256;

/** Scanning stopped because the text so far ends inside a token: more is needed. */
const MORE = -1;

export class XmlScanner {
  private readonly handlers: Handlers = {};
  private buf = '';
  private i = 0;
  /** Document index of buf[0]. */
  private base = 0;
  /** What was written since the last scan, and how long buf must grow before scanning again. */
  private pending: string[] = [];
  private pendingLength = 0;
  private waitFor = 0;
  private checked = 0; // buf index up to which characters were checked
  private closed = false;
  /** The open elements' names. */
  private readonly stack: string[] = [];
  /** The one start tag object (see ScannedTag), and the one end tag object `closetag` is given. */
  private readonly tag = new ScannedTag(this);
  private readonly closing = { name: '' };
  private readonly names: (SplitName | undefined)[] = new Array(NAME_SLOTS);
  /**
   * The current start tag's attributes (from its `opentagstart` to the end of its `opentag` event), in the order
   * written: `attributeCount` of them in arrays reused from tag to tag (an object per attribute was most of what
   * reading a document allocated). Names split at their colon, values normalized, namespaces resolved.
   */
  attributeCount = 0;
  readonly attributeNames: SplitName[] = [];
  readonly attributeValues: string[] = [];
  readonly attributeUris: string[] = [];
  /** Numbers the start tags (a tag's attributes are the parser's while this is its number). */
  tagSerial = 0;
  private readonly scopes: Map<string, string>[] = [new Map([['xml', XML_NS]])];
  private rootSeen = false;
  /** Lines counted so far (positions are worked out only when asked for). */
  private readonly lines = new LineCounter();
  /** Document index of the character after the current tag's name (at `opentagstart`), or of the scan. */
  position = 0;
  /** Document index of the current start tag's `<`. */
  private tagStart = 0;

  constructor(private readonly options: { fileName?: string } = {}) {}

  on<K extends keyof Handlers>(event: K, handler: NonNullable<Handlers[K]>): void {
    this.handlers[event] = handler as Handlers[K];
  }

  /** 1-based line of the current start tag's `<` (from `opentagstart` on). */
  get tagLine(): number {
    this.countLines(this.tagStart);
    return this.lines.line;
  }

  /** 1-based column (in UTF-16 code units) of the current start tag's `<`. */
  get tagColumn(): number {
    this.countLines(this.tagStart);
    return this.tagStart - this.lines.lineStart + 1;
  }

  /** 1-based line of the scan position. */
  get line(): number {
    this.countLines(this.position);
    return this.lines.line;
  }

  /** 0-based column of the scan position, as saxes gives it. */
  get column(): number {
    this.countLines(this.position);
    return this.position - this.lines.lineStart;
  }

  write(piece: string): this {
    if (this.closed) this.fail('cannot write after close');
    this.pending.push(piece);
    this.pendingLength += piece.length;
    // A token longer than what has come so far waits until the text has doubled: each character is rescanned a
    // bounded number of times, however long a text or an attribute value is.
    if (this.buf.length - this.i + this.pendingLength >= this.waitFor) this.scan(false);
    return this;
  }

  close(): this {
    this.closed = true;
    this.scan(true);
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) this.fail(`unclosed tag: ${open}`);
    if (!this.rootSeen) this.fail('document must contain a root element.');
    return this;
  }

  private scan(final: boolean): void {
    const rest = this.buf.length > this.i ? this.buf.slice(this.i) : '';
    this.countLines(this.base + this.i); // the lines of what is dropped, while it is still here
    this.base += this.i;
    this.checked = Math.max(0, this.checked - this.i);
    this.buf = this.pending.length === 1 && !rest ? this.pending[0]! : rest + this.pending.join('');
    this.i = 0;
    this.lines.newText();
    this.pending = [];
    this.pendingLength = 0;
    this.checkCharacters(final);
    const buf = this.buf;
    const n = buf.length;
    let i = 0;
    while (i < n) {
      let next: number;
      if (buf.charCodeAt(i) !== 60 /* < */) next = this.text(i, final);
      else {
        const c = codeAt(buf, i + 1);
        if (c === 47 /* / */) next = this.endTag(i);
        else if (c === 33 /* ! */) next = this.bang(i);
        else if (c === 63 /* ? */) next = this.instruction(i);
        else if (i + 1 >= n) next = MORE;
        else next = this.startTag(i);
      }
      if (next === MORE) {
        if (final) this.failAt(i, 'unexpected end of document.');
        break;
      }
      i = next;
    }
    this.i = i;
    this.position = this.base + i;
    this.waitFor = 2 * (n - i);
  }

  /** Characters not allowed in XML, in what was added (a surrogate at the very end waits for its pair). */
  private checkCharacters(final: boolean): void {
    const buf = this.buf;
    let end = buf.length;
    if (!final && end > 0 && (buf.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    if (this.checked >= end) return;
    MAYBE_NOT_CHAR.lastIndex = this.checked;
    const maybe = MAYBE_NOT_CHAR.exec(buf);
    if (maybe === null || maybe.index >= end) {
      this.checked = end;
      return;
    }
    NOT_CHAR.lastIndex = maybe.index;
    const m = NOT_CHAR.exec(buf);
    if (m && m.index < end) this.failAt(m.index, `disallowed character (U+${buf.charCodeAt(m.index).toString(16).toUpperCase().padStart(4, '0')}).`);
    this.checked = end;
  }

  private text(i: number, final: boolean): number {
    const buf = this.buf;
    const lt = buf.indexOf('<', i);
    if (lt < 0 && !final) return MORE;
    const end = lt < 0 ? buf.length : lt;
    const raw = buf.slice(i, end);
    if (this.stack.length === 0) {
      if (!ONLY_SPACES.test(raw)) this.failAt(i + raw.search(/[^ \t\r\n]/), 'text data outside of root node.');
      return end;
    }
    const bad = raw.indexOf(']]>');
    if (bad >= 0) this.failAt(i + bad, 'the string "]]>" is disallowed in char data.');
    const handler = this.handlers.text;
    if (handler) {
      this.position = this.base + end;
      handler(this.decode(normalizeLines(raw), i));
    } else if (raw.includes('&')) this.decode(raw, i);
    return end;
  }

  private startTag(lt: number): number {
    // Names and values are found with test() and indexOf, then sliced: exec() made an array and a string per
    // group for every attribute, a quarter of what reading an instance allocated.
    const buf = this.buf;
    const n = buf.length;
    QNAME.lastIndex = lt + 1;
    if (!QNAME.test(buf)) return this.endsAt(lt + 1) ? MORE : this.failAt(lt + 1, 'disallowed character in tag name.');
    let j = QNAME.lastIndex;
    if (this.endsAt(j)) return MORE;
    if (buf.charCodeAt(j) === 58 /* : */) this.failAt(j, 'malformed qualified name.');
    if (this.rootSeen && this.stack.length === 0) this.failAt(lt, 'document must contain only one root element.');
    const qn = this.nameAt(lt + 1, j);
    const name = qn.name;
    const tag = this.tag;
    tag.reset(qn, ++this.tagSerial);
    const names = this.attributeNames;
    const values = this.attributeValues;
    let count = 0;
    this.attributeCount = 0;
    let selfClosing = false;
    for (;;) {
      const k = skipSpaces(buf, j);
      if (k >= n) return MORE;
      const c = buf.charCodeAt(k);
      if (c === 62 /* > */) {
        j = k + 1;
        break;
      }
      if (c === 47 /* / */) {
        if (k + 1 >= n) return MORE;
        if (codeAt(buf, k + 1) !== 62) this.failAt(k + 1, 'forward-slash in opening tag not followed by >.');
        selfClosing = true;
        j = k + 2;
        break;
      }
      if (k === j) this.failAt(k, count > 0 ? 'no whitespace between attributes.' : 'disallowed character in tag name.');
      QNAME.lastIndex = k;
      if (!QNAME.test(buf)) return this.endsAt(k) ? MORE : this.failAt(k, 'disallowed character in attribute name.');
      const nameEnd = QNAME.lastIndex;
      if (this.endsAt(nameEnd)) return MORE;
      if (buf.charCodeAt(nameEnd) === 58) this.failAt(nameEnd, 'malformed qualified name.');
      const attrName = this.nameAt(k, nameEnd);
      let e = skipSpaces(buf, nameEnd);
      if (e >= n) return MORE;
      if (buf.charCodeAt(e) !== 61 /* = */) this.failAt(e, 'attribute without value.');
      e = skipSpaces(buf, e + 1);
      if (e >= n) return MORE;
      const q = buf.charCodeAt(e);
      if (q !== 34 && q !== 39) this.failAt(e, 'unquoted attribute value.');
      const close = buf.indexOf(q === 34 ? '"' : "'", e + 1);
      if (close < 0) return MORE;
      let value = buf.slice(e + 1, close);
      if (SPECIAL_IN_VALUE.test(value)) {
        const badLt = value.indexOf('<');
        if (badLt >= 0) this.failAt(e + 1 + badLt, 'disallowed character in attribute value.');
        value = this.decode(normalizeAttribute(value), e + 1);
      }
      names[count] = attrName;
      values[count++] = value;
      j = close + 1;
    }
    const handlers = this.handlers;
    this.position = this.base + lt + name.length + 2;
    this.tagStart = this.base + lt;
    this.attributeCount = count;
    handlers.opentagstart?.(tag);
    this.resolveNames(tag, count, lt);
    tag.isSelfClosing = selfClosing;
    this.rootSeen = true;
    this.stack.push(name);
    this.position = this.base + j;
    handlers.opentag?.(tag);
    tag.serial = 0; // its attributes asked for from now on: an error, not the next tag's
    if (selfClosing) this.closeElement(name);
    return j;
  }

  /**
   * The name at buf[start, end) split at its colon, from a small table of the names met so far when it is there:
   * a document repeats a few names (`ix:nonFraction`, `contextRef`...) hundreds of thousands of times, and
   * slicing each (and its prefix and local part) was most of what reading a tag allocated.
   */
  private nameAt(start: number, end: number): SplitName {
    const buf = this.buf;
    const length = end - start;
    const slot = (length * 31 + buf.charCodeAt(start) * 7 + buf.charCodeAt(end - 1)) & (NAME_SLOTS - 1);
    const known = this.names[slot];
    if (known !== undefined && known.name.length === length && buf.startsWith(known.name, start)) return known;
    const name = buf.slice(start, end);
    const colon = name.indexOf(':');
    const split = colon < 0 ? { name, prefix: '', local: name } : { name, prefix: name.slice(0, colon), local: name.slice(colon + 1) };
    this.names[slot] = split;
    return split;
  }

  /** Namespace declarations, the tag's and its attributes' namespaces, and repeated attributes. */
  private resolveNames(tag: ScannedTag, count: number, lt: number): void {
    const names = this.attributeNames;
    const values = this.attributeValues;
    const uris = this.attributeUris;
    const parent = this.scopes[this.stack.length]!;
    let scope = parent;
    for (let i = 0; i < count; i++) {
      const a = names[i]!;
      const declared = a.prefix === 'xmlns' ? a.local : a.name === 'xmlns' ? '' : undefined;
      if (declared === undefined) continue;
      const uri = KNOWN_NAMESPACES.get(values[i]!) ?? values[i]!;
      if (declared === 'xmlns') this.failAt(lt, 'the prefix "xmlns" must not be declared.');
      if (declared === 'xml' ? uri !== XML_NS : uri === XML_NS) this.failAt(lt, `the prefix "xml" and only it is bound to ${XML_NS}.`);
      if (uri === XMLNS_NS) this.failAt(lt, `no prefix may be bound to ${XMLNS_NS}.`);
      if (declared !== '' && uri === '') this.failAt(lt, `the prefix "${declared}" cannot be undeclared (Namespaces in XML 1.0).`);
      if (scope === parent) (scope = new Map(parent)), (tag.ns = {});
      scope.set(declared, uri);
      tag.ns[declared] = uri;
    }
    this.scopes[this.stack.length + 1] = scope;
    if (tag.prefix === 'xmlns') this.failAt(lt, 'tags may not have "xmlns" as prefix.');
    const uri = scope.get(tag.prefix);
    if (uri === undefined && tag.prefix !== '') this.failAt(lt, `unbound namespace prefix: "${tag.prefix}".`);
    tag.uri = uri ?? '';
    for (let i = 0; i < count; i++) {
      const a = names[i]!;
      if (a.prefix === '') uris[i] = a.name === 'xmlns' ? XMLNS_NS : '';
      else {
        const u = a.prefix === 'xmlns' ? XMLNS_NS : scope.get(a.prefix);
        if (u === undefined) this.failAt(lt, `unbound namespace prefix: "${a.prefix}".`);
        uris[i] = u!;
      }
    }
    // Repeats, both as written (XML 1.0, Unique Att Spec) and as expanded names (Namespaces in XML 1.0).
    if (count > FEW) {
      const seen = new Set<string>();
      for (let i = 0; i < count; i++) {
        const a = names[i]!;
        const key = `{${uris[i]}}${a.local}`;
        if (seen.has(key) || seen.has(a.name)) this.failAt(lt, `duplicate attribute: ${a.name}.`);
        seen.add(key).add(a.name);
      }
    } else {
      for (let i = 1; i < count; i++) {
        const a = names[i]!;
        for (let j = 0; j < i; j++) {
          const b = names[j]!;
          if (a.name === b.name || (a.local === b.local && uris[i] === uris[j])) this.failAt(lt, `duplicate attribute: ${a.name}.`);
        }
      }
    }
  }

  private endTag(lt: number): number {
    const buf = this.buf;
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && buf.startsWith(top, lt + 2) && codeAt(buf, lt + 2 + top.length) === 62 /* > */) {
      // The usual end tag: the open element's name, then `>`.
      const end = lt + 3 + top.length;
      this.position = this.base + end;
      this.closeElement(top);
      return end;
    }
    QNAME.lastIndex = lt + 2;
    const m = QNAME.exec(buf);
    if (!m) return this.endsAt(lt + 2) ? MORE : this.failAt(lt + 2, 'disallowed character in closing tag name.');
    if (this.endsAt(QNAME.lastIndex)) return MORE;
    const k = skipSpaces(buf, QNAME.lastIndex);
    if (k >= buf.length) return MORE;
    if (buf.charCodeAt(k) !== 62) this.failAt(k, 'disallowed character in closing tag.');
    const open = this.stack[this.stack.length - 1];
    if (open === undefined) this.failAt(lt, `unmatched closing tag: ${m[0]}.`);
    if (open !== m[0]) this.failAt(lt, `unexpected close tag ${m[0]}; expected ${open}.`);
    this.position = this.base + k + 1;
    this.closeElement(open!);
    return k + 1;
  }

  private closeElement(name: string): void {
    this.stack.pop();
    const handler = this.handlers.closetag;
    if (handler) {
      this.closing.name = name;
      handler(this.closing);
    }
  }

  /** `<!--`, `<![CDATA[` or (an error) anything else after `<!`. */
  private bang(lt: number): number {
    const buf = this.buf;
    if (buf.startsWith('<!--', lt)) {
      const dashes = buf.indexOf('--', lt + 4);
      if (dashes < 0 || dashes + 2 >= buf.length) return MORE;
      if (buf.charCodeAt(dashes + 2) !== 62) this.failAt(dashes, 'double dash in comment.');
      return dashes + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) this.failAt(lt, 'CDATA section outside of root node.');
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return MORE;
      const handler = this.handlers.cdata;
      this.position = this.base + end + 3;
      if (handler) handler(normalizeLines(buf.slice(lt + 9, end)));
      return end + 3;
    }
    if (buf.startsWith('<!DOCTYPE', lt)) return this.failAt(lt, 'a DOCTYPE declaration is not allowed here.');
    const rest = buf.slice(lt);
    if (rest.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((start) => start.startsWith(rest))) return MORE;
    return this.failAt(lt, 'disallowed markup after "<!".');
  }

  /** A processing instruction, or the XML declaration (only at the very start of the document). */
  private instruction(lt: number): number {
    const buf = this.buf;
    const end = buf.indexOf('?>', lt + 2);
    if (end < 0) return MORE;
    QNAME.lastIndex = lt + 2;
    const m = QNAME.exec(buf);
    if (!m || m[0].includes(':')) this.failAt(lt + 2, 'processing instruction without a valid target.');
    const after = QNAME.lastIndex;
    const c = codeAt(buf, after);
    if (after !== end && c !== 32 && c !== 9 && c !== 10 && c !== 13) this.failAt(after, 'processing instruction target not followed by a space.');
    if (m![0].toLowerCase() === 'xml') {
      if (this.base + lt !== 0) this.failAt(lt, 'an XML declaration is allowed only at the start of the document.');
      XML_DECL.lastIndex = lt;
      if (!XML_DECL.test(buf) || XML_DECL.lastIndex !== end + 2) this.failAt(lt, 'malformed XML declaration.');
    }
    return end + 2;
  }

  /** `raw` with its references replaced; `at` is its index in buf (for an error's position). */
  private decode(raw: string, at: number): string {
    const r = decodeReferences(raw);
    if (typeof r === 'string') return r;
    return this.failAt(at + r.at, r.message);
  }

  /** Advances the line count to document index `to` (never backwards), in the text held now. */
  private countLines(to: number): void {
    this.lines.advance(this.buf, this.base, to);
  }

  /** Whether buf ends at `k`, or just after it inside what may be a longer name (a colon, half a pair). */
  private endsAt(k: number): boolean {
    const n = this.buf.length;
    if (k >= n) return true;
    if (k < n - 1) return false;
    const c = this.buf.charCodeAt(k);
    return c === 58 || (c & 0xfc00) === 0xd800;
  }

  private failAt(index: number, message: string): never {
    this.position = this.base + Math.max(0, index);
    return this.fail(message);
  }

  private fail(message: string): never {
    const err = new Error(`${this.options.fileName ?? ''}:${this.line}:${this.column + 1}: ${message}`);
    this.handlers.error?.(err);
    throw err;
  }
}
