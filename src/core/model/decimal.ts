import { Decimal } from 'decimal.js';

/** decimal.js keeps a value's digits in words of 7 decimal digits (its LOG_BASE). */
const WORD = 7;
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];

/**
 * `new Decimal(text)` for a value that will be kept (a fact's), `text` in xs:decimal's lexical form (an optional
 * sign, digits, an optional point). decimal.js builds its digit array by pushing, which leaves room for 17 words
 * (152 bytes) even for a one-word number, after a regular expression and a few slices: for a million facts that
 * is 120 MB of room and as much garbage. Values of up to 14 significant digits (nearly every fact's) are built
 * here instead, as decimal.js would store them (sign, exponent, digit words: a property test compares the two);
 * others are parsed by decimal.js and their digits copied to an array of their size. decimal.js never changes
 * a Decimal's digits in place. `exponent` (an integer) shifts the point: `keptDecimal(t, n)` is `t`×10^n, as
 * `new Decimal(\`${t}e${n}\`)` reads it (an Inline XBRL fact's scale), without the text.
 */
export function keptDecimal(text: string, exponent = 0): Decimal {
  return smallDecimal(text, exponent) ?? copiedDigits(new Decimal(exponent === 0 ? text : `${text}e${exponent}`));
}

function copiedDigits(x: Decimal): Decimal {
  if (x.d && x.d.length < 17) (x as { d: number[] }).d = x.d.slice();
  return x;
}

/**
 * `keptDecimal` of a figure written with commas between its digits (`6,115,234`: an Inline XBRL fact's displayed
 * text), read as if they were not there, without the text that leaves them out; undefined when it has more than
 * 14 significant digits (then the caller reads the text without the commas). The caller has checked the figure
 * (ASCII digits, commas where its format allows them, at most one point, at least one digit).
 */
export function groupedDecimal(text: string, exponent = 0): Decimal | undefined {
  return smallDecimal(text, exponent, true);
}

/**
 * `text`×10^`exponent` as decimal.js stores it, or undefined when `text` is not a plain decimal of at most 14
 * significant digits (with `commas`, commas anywhere among its digits are passed over).
 */
function smallDecimal(text: string, exponent: number, commas = false): Decimal | undefined {
  const n = text.length;
  if (n === 0 || n > 40) return undefined;
  let i = 0;
  let sign = 1;
  const c0 = text.charCodeAt(0);
  if (c0 === 45) (sign = -1), (i = 1);
  else if (c0 === 43) i = 1;
  // The digits without the point (D): where the point was (digits before it), the first and last non-zero digit.
  let point = -1;
  let digits = 0;
  let first = -1;
  let firstAt = -1; // where the first non-zero digit is in the text
  let last = -1;
  for (let k = i; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 46) {
      if (point >= 0) return undefined;
      point = digits;
    } else if (c >= 48 && c <= 57) {
      if (c !== 48) {
        if (first < 0) (first = digits), (firstAt = k);
        last = digits;
      }
      digits++;
    } else if (c !== 44 || !commas) return undefined;
  }
  if (digits === 0) return undefined;
  const x = new Decimal(0);
  const out = x as unknown as { s: number; e: number; d: number[] };
  out.s = sign; // decimal.js keeps the sign of a zero ("-0": s = −1)
  if (first < 0) return x; // zero: d = [0], e = 0
  const length = last - first + 1;
  if (length > 14) return undefined;
  const e = (point < 0 ? digits : point) - first - 1 + exponent;
  // The first word holds (e + 1) mod 7 digits (7 when that is 0 and e < 0), as decimal.js cuts them.
  let head = (e + 1) % WORD;
  if (e < 0) head += WORD;
  // At most three words (14 digits): kept in locals, then one array of exactly their number. The significant
  // digits are read in order (the point and commas passed over), each word padded with zeros to its width when
  // it is the last.
  let count = 0;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let width = head >= length ? head : head || WORD;
  let v = 0;
  let filled = 0;
  for (let k = 0, at = firstAt; k < length; at++) {
    const c = text.charCodeAt(at);
    if (c < 48) continue; // the point, or a comma
    k++;
    v = v * 10 + c - 48;
    if (++filled === width) {
      if (count === 0) w0 = v;
      else if (count === 1) w1 = v;
      else w2 = v;
      count++;
      v = 0;
      filled = 0;
      width = WORD;
    }
  }
  if (filled) {
    v *= POW10[width - filled]!;
    if (count === 0) w0 = v;
    else if (count === 1) w1 = v;
    else w2 = v;
    count++;
  }
  out.e = e;
  out.d = count === 1 ? [w0] : count === 2 ? [w0, w1] : [w0, w1, w2];
  return x;
}
