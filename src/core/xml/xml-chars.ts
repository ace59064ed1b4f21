/**
 * XML's lexical pieces, as the scanner (scanner.ts) reads them: names (XML 1.0 fifth edition, Namespaces in
 * XML 1.0), characters, references, line ends and attribute values' white space.
 */
import { NS } from '../model/qname.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/**
 * Namespace names declared in documents, by their text, as the program's own strings: a reader comparing a tag's
 * namespace with one of them then compares two references to one string, not two strings' characters.
 */
export const KNOWN_NAMESPACES = new Map(
  [...Object.values(NS), XML_NS, 'http://www.w3.org/1999/xhtml', 'http://www.xbrl.org/2013/inlineXBRL', 'http://www.xbrl.org/2008/inlineXBRL', 'http://www.xbrl.org/inlineXBRL/transformation/2020-02-12'].map((n) => [n, n]),
);

const NC_START = 'A-Z_a-z\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NC_CHAR = `${NC_START}\\-.0-9\\xB7\\u0300-\\u036F\\u203F\\u2040`;
const NCNAME = `[${NC_START}][${NC_CHAR}]*`;
/** A qualified name (prefix, colon and local part, or a local part alone). */
export const QNAME = new RegExp(`${NCNAME}(?::${NCNAME})?`, 'uy');
/** What an attribute value must be read for: a reference, a white space to normalize, or a `<` (an error). */
export const SPECIAL_IN_VALUE = /[<&\t\n\r]/;
export const ONLY_SPACES = /^[ \t\r\n]*$/;
/** Characters that may not be allowed: those below, and any surrogate (a simple class, scanned fastest). */
export const MAYBE_NOT_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;
/** Characters XML 1.0 does not allow anywhere (nor a surrogate that is not half of a pair). */
export const NOT_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const XML_DECL = /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/y;

const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * `raw` with its references (the five predefined entities, character references) replaced, or where the first
 * one that is not a reference, or refers to a character XML does not allow, is and why.
 */
export function decodeReferences(raw: string): string | { readonly at: number; readonly message: string } {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(raw);
    if (!m) return { at: amp, message: /^&[^;]*;/.test(raw.slice(amp, amp + 64)) ? 'undefined entity or malformed character reference.' : 'unterminated reference.' };
    let ch: string;
    if (m[1]) ch = PREDEFINED[m[1]]!;
    else {
      const code = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3]!, 16);
      if (!isCharCode(code)) return { at: amp, message: `character reference to a disallowed character: ${m[0]}.` };
      ch = String.fromCodePoint(code);
    }
    out += raw.slice(from, amp) + ch;
    from = REFERENCE.lastIndex;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/**
 * The code unit at `k`, or -1 past the end: charCodeAt's NaN there would send the optimized scanner back to
 * the interpreter ("out of bounds") at the end of every piece of a document.
 */
export function codeAt(s: string, k: number): number {
  return k < s.length ? s.charCodeAt(k) : -1;
}

/** The index of the first character at or after `k` that is not XML white space (`s.length` past the end). */
export function skipSpaces(s: string, k: number): number {
  for (let c = codeAt(s, k); c === 32 || c === 10 || c === 9 || c === 13; c = codeAt(s, ++k));
  return k;
}

/** XML's line ends (CR LF and a lone CR) as LF. */
export function normalizeLines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/** An attribute value's white space as XML normalizes it (each line end, tab or LF one space). */
export function normalizeAttribute(s: string): string {
  if (!/[\t\n\r]/.test(s)) return s;
  return s.replace(/\r\n?|[\t\n]/g, ' ');
}

export function isCharCode(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}
