/**
 * XML Schema values for equality (XBRL 2.1 §4.10 s-equal and v-equal compare values, not lexical forms): a
 * canonical string per value of a built-in type, so that `+1.0` and `1` (decimal), `321E-2` and `0.321E1`
 * (double), `1` and `true` (boolean) compare equal. NaN is never equal to anything, itself included: it has
 * no canonical form (`undefined`).
 */
import { Decimal } from 'decimal.js';

const DECIMAL_TYPES = new Set([
  'decimal', 'integer', 'nonPositiveInteger', 'negativeInteger', 'long', 'int', 'short', 'byte', 'nonNegativeInteger',
  'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte', 'positiveInteger',
]);
/** Types whose whitespace facet is `collapse` beyond the numeric ones (tokens, names, URIs, dates...). */
const PRESERVE = new Set(['string']);
const REPLACE = new Set(['normalizedString']);

const DECIMAL_LEX = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DOUBLE_LEX = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Whitespace as the type's facet says (string values are trimmed too, as kessan's s-equal always did). */
function whitespace(base: string | undefined, raw: string): string {
  if (base === undefined || PRESERVE.has(base)) return raw.trim();
  if (REPLACE.has(base)) return raw.replace(/[\t\n\r]/g, ' ').trim();
  return raw.replace(/[\t\n\r ]+/g, ' ').trim();
}

/**
 * The canonical form of `raw` as a value of the built-in type `base` (undefined `base`: untyped, trimmed
 * text). Returns undefined for NaN. Lexically invalid values are compared as written (collapsed).
 */
export function canonicalValue(base: string | undefined, raw: string): string | undefined {
  const t = whitespace(base, raw);
  if (base === undefined) return t;
  if (DECIMAL_TYPES.has(base)) {
    if (!DECIMAL_LEX.test(t)) return t;
    const v = new Decimal(t);
    return v.isZero() ? '0' : v.toFixed();
  }
  if (base === 'double' || base === 'float') {
    if (t === 'NaN') return undefined;
    if (t === 'INF' || t === '-INF') return t;
    if (!DOUBLE_LEX.test(t)) return t;
    let n = Number(t);
    if (base === 'float') n = Math.fround(n);
    if (n === 0) return '0';
    return n === Infinity ? 'INF' : n === -Infinity ? '-INF' : String(n);
  }
  if (base === 'boolean') {
    if (t === 'true' || t === '1') return 'true';
    if (t === 'false' || t === '0') return 'false';
    return t;
  }
  return t;
}
