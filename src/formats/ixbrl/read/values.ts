/**
 * Fact values from displayed content: nonFraction (transform, scale, sign), nonNumeric (text without
 * ix:exclude, escaped XHTML when `escape` is true, continuation chains) and fraction.
 */
import { Decimal } from 'decimal.js';
import { groupedDecimal, keptDecimal } from '../../../core/model/decimal.js';
import { findTransform } from '../transforms/index.js';
import { ASCII_NUMBER, asciiDotDecimalForm, numDotDecimal } from '../transforms/numbers.js';
import type { Transform } from '../transforms/types.js';
import type { XmlElement } from '../../../core/xml/parse.js';
import type { QName } from '../../../core/model/qname.js';
import { attr, resolveQName } from '../../../core/xml/tree.js';
import { isIx } from './collect.js';
import { contentMarkup } from './escape.js';
import { Element } from './element.js';

/**
 * Why a value could not be read. `invalidAttribute`: an attribute the value depends on (`scale`, `sign`) is not
 * valid, which the attribute check (attributes.ts) reports; no second finding is made for it.
 */
export type ValueFailure = 'invalidTransformation' | 'transformValueError' | 'scaleOutOfRange' | 'invalidAttribute';

export type ValueResult =
  | { readonly ok: true; readonly value: Decimal | string }
  | { readonly ok: false; readonly code: ValueFailure; readonly message: string; readonly raw: string };

/**
 * The largest |scale| read. The specification allows any integer; a value is its displayed digits shifted by
 * the scale, so without a bound a 3-byte `scale` makes a value (and every output holding it) of any size. Real
 * filings use −2 to 9; 1,000 keeps every value within its displayed length plus 1,000 digits.
 */
export const MAX_SCALE = 1000;

const isExclude = (el: XmlElement) => isIx(el.name.namespace) && el.name.localName === 'exclude';

/** Text of the element and its descendants, ix:exclude'd parts left out. */
export function displayedText(el: XmlElement): string {
  const only = el instanceof Element ? el.onlyText() : undefined; // most facts' content (no array made for it)
  if (only !== undefined) return only;
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') s += c;
    else if (!isExclude(c)) s += displayedText(c);
  }
  return s;
}

/**
 * `resolveQName`, remembered by in-scope namespaces and text: facts share their scope (one map for all the
 * elements that declare nothing), and their names and formats repeat.
 */
const namesByScope = new WeakMap<ReadonlyMap<string, string>, Map<string, QName | undefined>>();
let lastScope: ReadonlyMap<string, string> | undefined; // the scope asked for last (facts share one), and its names
let lastNames: Map<string, QName | undefined> | undefined;
export function resolveName(el: XmlElement, value: string): QName | undefined {
  let names = el.nsScope === lastScope ? lastNames : namesByScope.get(el.nsScope);
  if (!names) namesByScope.set(el.nsScope, (names = new Map()));
  lastScope = el.nsScope;
  lastNames = names;
  let q = names.get(value);
  if (q === undefined && !names.has(value)) {
    q = resolveQName(el, value);
    if (names.size < 10_000) names.set(value, q);
  }
  return q;
}

/** The format looked up last (facts' formats repeat) and its transform. */
let lastFormat: QName | undefined;
let lastTransform: Transform | undefined;

/** The transform `format` names, undefined when it names none. */
function transformOf(el: XmlElement, format: string): Transform | undefined {
  const q = resolveName(el, format);
  const fn = q === lastFormat ? lastTransform : q && findTransform(q.namespace, q.localName);
  lastFormat = q;
  lastTransform = fn;
  return fn;
}

/** Applies `@format` (a transform QName) to displayed text; plain text when there is none. */
export function transformed(el: XmlElement, displayed: string, format = attr(el, 'format')): { ok: true; value: string } | Extract<ValueResult, { ok: false }> {
  if (format === undefined) return { ok: true, value: displayed };
  const fn = transformOf(el, format);
  if (!fn) return { ok: false, code: 'invalidTransformation', message: `format ${format} is not a transformation of a known registry`, raw: displayed };
  const v = fn(displayed);
  if (v === undefined) return { ok: false, code: 'transformValueError', message: `"${displayed.trim().slice(0, 80)}" is not valid input for ${format}`, raw: displayed };
  return { ok: true, value: v };
}

const NON_NEGATIVE = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/;

/** Scales read, by their text (a report uses a few, on every fact). */
const scales = new Map<string, number>();

/** The `scale` attribute (`raw`) as a number, or why it cannot be used. */
function scaleOf(raw: string | undefined, displayed: string): number | Extract<ValueResult, { ok: false }> {
  if (raw === undefined) return 0;
  const known = scales.get(raw);
  if (known !== undefined) return known;
  const s = raw.trim(); // xs:integer collapses whitespace
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, code: 'invalidAttribute', message: `scale "${raw.slice(0, 40)}" is not an integer`, raw: displayed };
  const digits = s.replace(/^[+-]?0*/, '');
  const n = digits.length > 6 ? Infinity : Number(s);
  if (Math.abs(n) > MAX_SCALE) {
    return { ok: false, code: 'scaleOutOfRange', message: `scale ${s.length > 40 ? `${s.slice(0, 40)}…` : s} is outside the range kessan reads (−${MAX_SCALE} to ${MAX_SCALE}); the value was not scaled`, raw: displayed };
  }
  if (scales.size < 1000) scales.set(raw, n);
  return n;
}

/** A number displayed in a fraction's numerator or denominator: transform, then × 10^scale, then sign. */
function numericValue(el: XmlElement): ValueResult {
  const a = el.attributes;
  return numberOf(el, displayedText(el), a.get('format'), a.get('scale'), a.get('sign'));
}

/**
 * A number displayed in a nonFraction (or a fraction's term) whose `format`, `scale` and `sign` attributes have
 * been read: transform, then × 10^scale, then sign.
 */
export function numberOf(el: XmlElement, displayed: string, format: string | undefined, scaleText: string | undefined, sign: string | undefined): ValueResult {
  if (format !== undefined) {
    const figure = groupedFigure(el, displayed, format, scaleText, sign);
    if (figure !== undefined) return { ok: true, value: figure };
  }
  const t = transformed(el, displayed, format);
  if (!t.ok) return t;
  if (format === undefined && !NON_NEGATIVE.test(t.value)) {
    return { ok: false, code: 'transformValueError', message: `"${displayed.trim().slice(0, 80)}" is not a non-negative number (and no format is given)`, raw: displayed };
  }
  const v = t.value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) return { ok: true, value: v }; // INF, NaN, or a transform's non-number
  const scale = scaleOf(scaleText, displayed);
  if (typeof scale !== 'number') return scale;
  if (sign !== undefined && sign !== '-') return { ok: false, code: 'invalidAttribute', message: `sign "${sign.slice(0, 40)}" is not "-"`, raw: displayed };
  // Shifted as it is read, which keeps every digit (multiplication would round to 20 significant digits).
  const shifted = keptDecimal(v, scale);
  const n = sign === '-' ? shifted.negated() : shifted;
  return { ok: true, value: n.isZero() ? new Decimal(0) : n };
}

/**
 * The usual figure, `6,115,234` under a num-dot-decimal format with a valid scale and sign: read straight into
 * its value, as `numberOf` would read the transform's `6115234` (without that text, its checks and the result's
 * objects; a fifth of reading a report's numbers). Undefined for anything else, which `numberOf` reads.
 */
function groupedFigure(el: XmlElement, displayed: string, format: string, scaleText: string | undefined, sign: string | undefined): Decimal | undefined {
  if (transformOf(el, format) !== numDotDecimal || asciiDotDecimalForm(displayed) !== ASCII_NUMBER) return undefined;
  if (sign !== undefined && sign !== '-') return undefined;
  const scale = scaleOf(scaleText, displayed);
  if (typeof scale !== 'number') return undefined;
  const value = groupedDecimal(displayed, scale);
  if (value === undefined) return undefined;
  const n = sign === '-' ? value.negated() : value;
  return n.isZero() ? new Decimal(0) : n;
}

/**
 * A nonNumeric's value: its content and its continuations', as text or, when escaped, as markup (escape.ts).
 * A format applies to either (Arelle's reading: `ixt:booleantrue` around an `<img>` is `true`).
 */
export function nonNumericValue(el: XmlElement, chain: readonly XmlElement[], base = ''): ValueResult & { displayed?: string } {
  const escape = /^\s*(true|1)\s*$/.test(attr(el, 'escape') ?? '');
  const parts = [el, ...chain];
  const displayed = parts.map(displayedText).join('');
  const content = escape ? parts.map((p) => contentMarkup(p, base)).join('') : displayed;
  const t = transformed(el, content);
  return t.ok ? { ok: true, value: t.value, displayed } : t;
}

/** A fraction: numerator / denominator, as a decimal when it terminates, otherwise `n/d` text. */
export function fractionValue(el: XmlElement): ValueResult {
  const term = (local: string) => el.children.find((c): c is XmlElement => typeof c !== 'string' && isIx(c.name.namespace) && c.name.localName === local);
  const num = term('numerator');
  const den = term('denominator');
  if (!num || !den) return { ok: false, code: 'transformValueError', message: 'a fraction needs a numerator and a denominator', raw: displayedText(el) };
  const n = numericValue(num);
  const d = numericValue(den);
  if (!n.ok) return n;
  if (!d.ok) return d;
  if (typeof n.value === 'string' || typeof d.value === 'string' || d.value.isZero()) return { ok: true, value: `${String(n.value)}/${String(d.value)}` };
  // Exact arithmetic: enough significant digits for any quotient with fewer than 30 decimal places, and its check.
  const Exact = Decimal.clone({ precision: n.value.precision(true) + 2 * d.value.precision(true) + 60 });
  const q = Exact.div(n.value, d.value);
  return { ok: true, value: Exact.mul(q, d.value).equals(n.value) && q.decimalPlaces() < 30 ? new Decimal(q) : `${n.value.toFixed()}/${d.value.toFixed()}` };
}
