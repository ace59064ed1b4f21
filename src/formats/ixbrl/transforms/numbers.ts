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
  const fast = asciiDotDecimal(s);
  return fast !== null ? fast : numDotDecimalByPattern(s);
};

/** numDotDecimal by its pattern: the reading `asciiDotDecimal` must give the same answers as (a property test compares them). */
export function numDotDecimalByPattern(s: string): string | undefined {
  const m = DOT.exec(halfWidth(collapse(s)));
  return m ? plain(m[1], m[2]) : undefined;
}

/**
 * Whether comma-separated groups are the pattern's: 1–3 digits then groups of 3, or 1–2 digits, groups of 2 and
 * a last group of 3 (the groups between the first and the last: `twos` of 2, `threes` of 3, no other).
 */
const grouped = (first: number, twos: number, threes: number, last: number): boolean =>
  last === 3 && first >= 1 && ((twos === 0 && first <= 3) || (threes === 0 && twos > 0 && first <= 2));

/** What `asciiDotDecimalForm` finds: a number, text that is no number, or text that is not only ASCII digits, commas and dots. */
export const ASCII_NUMBER = 0;
export const ASCII_NOT_A_NUMBER = 1;
export const NOT_ASCII = 2;

/**
 * Whether numDotDecimal reads text made only of ASCII digits, commas and dots (nearly every figure a report
 * prints) as a number, decided in one pass without making its value: such text is its own collapsed, half-width
 * form, and the pattern's groups are counted instead of matched. NOT_ASCII for any other text (the pattern reads it).
 */
export function asciiDotDecimalForm(s: string): typeof ASCII_NUMBER | typeof ASCII_NOT_A_NUMBER | typeof NOT_ASCII {
  const n = s.length;
  let point = -1; // where the '.' is
  let commas = 0;
  let first = -1; // the first group's length (digits before the first comma)
  let group = 0; // digits since the last comma
  let twos = 0; // groups of 2 between commas (the Indian grouping), and of 3
  let threes = 0;
  let bad = false; // not a number (the rest is still looked at: a character other than these makes it NOT_ASCII)
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) group++;
    else if (c === 44) {
      if (point >= 0) bad = true; // a comma after the point: no reading matches
      else if (commas === 0) first = group;
      else if (group === 2) twos++;
      else if (group === 3) threes++;
      else bad = true;
      commas++;
      group = 0;
    } else if (c === 46) {
      if (point >= 0) bad = true;
      else if (commas > 0 && !grouped(first, twos, threes, group)) bad = true;
      point = i;
      group = 0;
    } else return NOT_ASCII;
  }
  if (bad || (point < 0 && commas > 0 && !grouped(first, twos, threes, group))) return ASCII_NOT_A_NUMBER;
  // Digits before the point or after it.
  return n - commas - (point < 0 ? 0 : 1) > 0 ? ASCII_NUMBER : ASCII_NOT_A_NUMBER;
}

/** numDotDecimal of ASCII digits, commas and dots (asciiDotDecimalForm), null for any other text. */
export function asciiDotDecimal(s: string): string | undefined | null {
  const form = asciiDotDecimalForm(s);
  if (form !== ASCII_NUMBER) return form === NOT_ASCII ? null : undefined;
  const point = s.indexOf('.');
  const int = (point < 0 ? s : s.slice(0, point)).replaceAll(',', '');
  const frac = point < 0 ? '' : s.slice(point + 1);
  return frac ? `${int || '0'}.${frac}` : int;
}

/** `1.234.567,89` → `1234567.89`. */
export const numCommaDecimal: Transform = (s) => {
  const m = COMMA.exec(halfWidth(collapse(s)));
  return m ? plain(m[1], m[2]) : undefined;
};

const GROUPED_UNIT = /^\d{1,3}(?:[,.\u00A0 '\u2019]\d{3})+/;

/**
 * Integer and fraction separated by unit words: `5 Euro 20` → `5.20`, `1,000 yen` → `1000`. Read by runs of
 * digits and non-digits rather than with one backtracking pattern, so the time is linear in the text's length.
 */
export const numUnitDecimal: Transform = (s) => {
  const t = halfWidth(collapse(s));
  // A longer grouping that fails cannot be rescued by a shorter one (what follows would start with 3 digits).
  const int = GROUPED_UNIT.exec(t)?.[0] ?? /^\d+/.exec(t)?.[0];
  if (int === undefined) return undefined;
  const runs = t.slice(int.length).match(/\d+|\D+/g) ?? [];
  const [unit, fraction, after] = runs;
  if (unit === undefined || /\d/.test(unit) || !/\S/.test(unit) || runs.length > 3) return undefined;
  if (fraction !== undefined && fraction.length > 2) return undefined;
  if (after !== undefined && /\d/.test(after)) return undefined;
  return plain(int, fraction ? fraction.padStart(2, '0') : undefined);
};

/** A dash (any of the usual ones) → `0`. */
export const zeroDash: Transform = (s) => (/^[-\u002D\u058A\u05BE\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/.test(collapse(s)) ? '0' : undefined);

/** Whatever is displayed → a fixed value (`fixed-zero`, `fixed-true`, `nocontent`...). */
export const fixed = (value: string): Transform => () => value;
