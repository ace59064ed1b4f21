/**
 * Lexical checks of XML Schema built-in simple types, as XBRL item values and attribute values need them:
 * `lexicalError(baseXsd, text)` says what is wrong, or undefined when the text is a valid lexical form.
 * Whitespace is collapsed first for every type but string/normalizedString (XML Schema whiteSpace facet).
 */
import { NAME, NCNAME, NMTOKEN, QNAME } from '../xml/names.js';

const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;
const INTEGER = /^[+-]?[0-9]+$/;
const FLOAT = /^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN)$/;
const TZ = '(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?';
const DATE = new RegExp(`^-?([0-9]{4,})-([0-9]{2})-([0-9]{2})${TZ}$`);
const DATE_TIME = new RegExp(`^-?([0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?${TZ}$`);
const TIME = new RegExp(`^([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?${TZ}$`);
const PATTERNS: Record<string, RegExp> = {
  duration: /^-?P(?=.)(([0-9]+Y)?([0-9]+M)?([0-9]+D)?)(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$/,
  gYearMonth: new RegExp(`^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])${TZ}$`),
  gYear: new RegExp(`^-?([1-9][0-9]{3,}|0[0-9]{3})${TZ}$`),
  gMonthDay: new RegExp(`^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])${TZ}$`),
  gDay: new RegExp(`^---(0[1-9]|[12][0-9]|3[01])${TZ}$`),
  gMonth: new RegExp(`^--(0[1-9]|1[0-2])${TZ}$`),
  hexBinary: /^([0-9a-fA-F]{2})*$/,
  base64Binary: /^((([A-Za-z0-9+/] ?){4})*(([A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]|([A-Za-z0-9+/] ?){2}[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=))?$/,
  language: /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/,
};

const BOUNDS: Record<string, [bigint | undefined, bigint | undefined]> = {
  nonPositiveInteger: [undefined, 0n],
  negativeInteger: [undefined, -1n],
  long: [-9223372036854775808n, 9223372036854775807n],
  int: [-2147483648n, 2147483647n],
  short: [-32768n, 32767n],
  byte: [-128n, 127n],
  nonNegativeInteger: [0n, undefined],
  unsignedLong: [0n, 18446744073709551615n],
  unsignedInt: [0n, 4294967295n],
  unsignedShort: [0n, 65535n],
  unsignedByte: [0n, 255n],
  positiveInteger: [1n, undefined],
};

export function collapse(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').trim();
}

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function dateError(y: string, mo: string, d: string): string | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year === 0) return 'year 0000 is not allowed';
  if (month < 1 || month > 12) return `month ${mo} is out of range`;
  if (day < 1 || day > daysIn(year, month)) return `day ${d} is out of range for month ${mo}`;
  return undefined;
}

/**
 * What is lexically wrong with `text` as a value of the XML Schema built-in `baseXsd`; undefined when it is fine
 * or when the type is one this module does not check. `hasPrefix` tells whether a QName's prefix is declared.
 */
export function lexicalError(baseXsd: string, text: string, hasPrefix?: (prefix: string) => boolean): string | undefined {
  const v = baseXsd === 'string' || baseXsd === 'normalizedString' ? text : collapse(text);
  if (baseXsd === 'decimal') return DECIMAL.test(v) ? undefined : 'not a decimal number';
  if (baseXsd === 'float' || baseXsd === 'double') return FLOAT.test(v) ? undefined : `not a ${baseXsd}`;
  if (baseXsd === 'integer' || BOUNDS[baseXsd]) {
    if (!INTEGER.test(v)) return 'not an integer';
    const n = BigInt(v.startsWith('+') ? v.slice(1) : v);
    const [lo, hi] = BOUNDS[baseXsd] ?? [undefined, undefined];
    if ((lo !== undefined && n < lo) || (hi !== undefined && n > hi)) return `out of the range of xs:${baseXsd}`;
    return undefined;
  }
  switch (baseXsd) {
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(v) ? undefined : 'not a boolean (true, false, 1 or 0)';
    case 'date': {
      const m = DATE.exec(v);
      return m ? dateError(m[1]!, m[2]!, m[3]!) : 'not a date (YYYY-MM-DD)';
    }
    case 'dateTime': {
      const m = DATE_TIME.exec(v);
      if (!m) return 'not a dateTime (YYYY-MM-DDThh:mm:ss)';
      const e = dateError(m[1]!, m[2]!, m[3]!);
      if (e) return e;
      return timeError(m[4]!, m[5]!, m[6]!);
    }
    case 'time': {
      const m = TIME.exec(v);
      return m ? timeError(m[1]!, m[2]!, m[3]!) : 'not a time (hh:mm:ss)';
    }
    case 'gMonthDay': {
      const m = PATTERNS.gMonthDay!.exec(v);
      if (!m) return 'not a gMonthDay (--MM-DD)';
      return Number(m[2]) > daysIn(2000, Number(m[1])) ? `day ${m[2]} is out of range for month ${m[1]}` : undefined;
    }
    case 'QName': {
      if (!QNAME.test(v)) return 'not a QName';
      const colon = v.indexOf(':');
      if (colon > 0 && hasPrefix && !hasPrefix(v.slice(0, colon))) return `prefix ${v.slice(0, colon)} is not declared`;
      return undefined;
    }
    case 'NCName':
    case 'ID':
    case 'IDREF':
    case 'ENTITY':
      return NCNAME.test(v) ? undefined : `not an ${baseXsd === 'NCName' ? 'NCName' : `xs:${baseXsd}`}`;
    case 'Name':
      return NAME.test(v) ? undefined : 'not a Name';
    case 'NMTOKEN':
      return NMTOKEN.test(v) ? undefined : 'not an NMTOKEN';
    default: {
      const p = PATTERNS[baseXsd];
      if (p && !p.test(v)) return `not a valid xs:${baseXsd}`;
      return undefined;
    }
  }
}

function timeError(h: string, mi: string, s: string): string | undefined {
  const hh = Number(h);
  if (hh > 24 || Number(mi) > 59 || Number(s) > 59) return 'time out of range';
  if (hh === 24 && (Number(mi) !== 0 || Number(s) !== 0)) return 'time out of range';
  return undefined;
}
