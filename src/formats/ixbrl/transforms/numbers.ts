/**
 * Number transforms (TR1–TR5 and the shared pieces of ixt-sec): digits with group separators and a decimal
 * mark, the "unit" form (`5 Euro 20`), and the zero / empty forms (`-` → 0, `nocontent` → '').
 */
import { collapse, halfWidth, type Transform } from './types.js';

const GROUP_DOT = "[,\u00A0 '\u2019\u202F]"; // separators allowed with a decimal dot
const GROUP_COMMA = "[.\u00A0 '\u2019\u202F]"; // separators allowed with a decimal comma

/** `int` digits, either ungrouped or grouped by 3 (or Indian 2 after the first 3) with `sep`. */
function numberPattern(sep: string, decimalMark: string): RegExp {
  const grouped = `\\d{1,3}(?:${sep}\\d{3})+|\\d{1,2}(?:${sep}\\d{2})+${sep}\\d{3}`;
  return new RegExp(`^(${grouped}|\\d+)?(?:\\${decimalMark}(\\d*))?$`);
}
const DOT = numberPattern(GROUP_DOT, '.');
const COMMA = numberPattern(GROUP_COMMA, ',');

function plain(int: string | undefined, frac: string | undefined): string | undefined {
  const i = (int ?? '').replace(/\D/g, '');
  if (!i && !frac) return undefined;
  return frac ? `${i || '0'}.${frac}` : i;
}

/** `1,234,567.89` (also with spaces, no-break spaces or apostrophes as group separators) → `1234567.89`. */
export const numDotDecimal: Transform = (s) => {
  const m = DOT.exec(halfWidth(collapse(s)));
  return m ? plain(m[1], m[2]) : undefined;
};

/** `1.234.567,89` → `1234567.89`. */
export const numCommaDecimal: Transform = (s) => {
  const m = COMMA.exec(halfWidth(collapse(s)));
  return m ? plain(m[1], m[2]) : undefined;
};

/** Integer and fraction separated by unit words: `5 Euro 20` → `5.20`, `1,000 yen` → `1000`. */
export const numUnitDecimal: Transform = (s) => {
  const t = halfWidth(collapse(s));
  const m = /^(\d{1,3}(?:[,.\u00A0 '\u2019]\d{3})+|\d+)\s*[^\d\s][^\d]*?(?:\s*(\d{1,2})\s*[^\d]*)?$/.exec(t);
  if (!m) return undefined;
  return plain(m[1], m[2] ? m[2].padStart(2, '0') : undefined);
};

/** A dash (any of the usual ones) → `0`. */
export const zeroDash: Transform = (s) => (/^[-\u002D\u058A\u05BE\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/.test(collapse(s)) ? '0' : undefined);

/** Whatever is displayed → a fixed value (`fixed-zero`, `fixed-true`, `nocontent`...). */
export const fixed = (value: string): Transform => () => value;
