import { KessanError } from '../errors.js';
import { isNCName, NAME_CHAR, NAME_START } from './names.js';

/**
 * Small, exact XML text helpers for the writers: escaping, XML 1.0 character checks and NCName tests.
 * Kept by hand (rather than a builder) so the bytes written are fully under our control.
 */

const NOT_NAME_CHAR = new RegExp(`[^${NAME_CHAR}]+`, 'gu');
const STARTS_WITH_NAME_START = new RegExp(`^[${NAME_START}]`, 'u');

export { isNCName };

/**
 * Turns any text into something usable inside an NCName: runs of characters that cannot appear in a
 * name become one `_`; leading/trailing `_` trimmed. May return '' (the caller supplies a fallback).
 */
export function ncnamePart(s: string, maxLength = 40): string {
  const cleaned = s.replace(NOT_NAME_CHAR, '_').replace(/^_+|_+$/g, '');
  return [...cleaned].slice(0, maxLength).join('').replace(/_+$/, '');
}

/** Makes an NCName from `part`, prefixing `fallbackStart` when it does not begin with a name-start char. */
export function toNCName(part: string, fallbackStart: string): string {
  const p = ncnamePart(part, Infinity);
  if (p === '') return fallbackStart;
  return STARTS_WITH_NAME_START.test(p) ? p : `${fallbackStart}${p}`;
}

// Characters XML 1.0 cannot carry at all, even as references: C0 controls except TAB/LF/CR, lone surrogates, FFFE/FFFF.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws a KessanError when `s` holds a character XML 1.0 cannot represent. */
export function checkXmlChars(s: string, what: string): void {
  const m = INVALID_XML_CHAR.exec(s);
  if (m) {
    const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new KessanError('kessan:invalidXmlChar', `${what} contains U+${code}, which XML 1.0 cannot represent`);
  }
}

/** Escapes character data: `&`, `<`, `>` (for `]]>`), and CR (which a parser would otherwise turn into LF). */
export function escapeText(s: string, what = 'text'): string {
  checkXmlChars(s, what);
  return s.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Escapes an attribute value written between double quotes; whitespace kept through character references. */
export function escapeAttr(s: string, what = 'attribute'): string {
  checkXmlChars(s, what);
  return s.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/** Plain code-unit order: the same everywhere, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids an id must not be: `has` is all that is asked (a Set, or core/xml/ids.ts's table for a million fact ids). */
export interface ReservedIds {
  has(id: string): boolean;
}

/**
 * Gives each item a unique id from its preferred `base`. Items arrive in their final (stable) order.
 * A base that is unique and not reserved is kept; otherwise the first holder keeps it (when not reserved)
 * and the others get `base_2`, `base_3`… skipping anything reserved, used or any other item's base.
 */
export function assignUniqueIds(bases: readonly string[], reserved: ReservedIds): string[] {
  const allBases = new Set(bases);
  const used = new Set<string>();
  return bases.map((base) => {
    if (!used.has(base) && !reserved.has(base)) {
      used.add(base);
      return base;
    }
    for (let n = 2; ; n++) {
      const id = `${base}_${n}`;
      if (!used.has(id) && !reserved.has(id) && !allBases.has(id)) {
        used.add(id);
        return id;
      }
    }
  });
}
