/**
 * XML 1.0 (fifth edition) names: the one definition of NameStartChar and NameChar (astral planes included) for
 * every reader, writer and the validator's lexical checks. Patterns are `u`-flagged regular expressions.
 */

/** NameStartChar without ':' (what an NCName starts with), as a character-class body. */
export const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
/** NameChar without ':', as a character-class body. */
export const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

export const NCNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
/** A QName as written: an optional NCName prefix and ':', then an NCName. */
export const QNAME = new RegExp(`^([${NAME_START}][${NAME_CHAR}]*:)?[${NAME_START}][${NAME_CHAR}]*$`, 'u');
/** A Name (colons allowed). */
export const NAME = new RegExp(`^[:${NAME_START}][:${NAME_CHAR}]*$`, 'u');
export const NMTOKEN = new RegExp(`^[:${NAME_CHAR}]+$`, 'u');

/** True when `s` is an XML NCName (a name without a colon): valid as an `id`, a prefix or a local name. */
export function isNCName(s: string): boolean {
  return NCNAME.test(s);
}
