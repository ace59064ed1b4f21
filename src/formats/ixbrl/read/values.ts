/**
 * Fact values from displayed content: nonFraction (transform, scale, sign), nonNumeric (text without
 * ix:exclude, escaped XHTML when `escape` is true, continuation chains) and fraction.
 */
import { Decimal } from 'decimal.js';
import { findTransform } from '../transforms/index.js';
import type { XmlElement } from '../../../core/xml/parse.js';
import { attr, resolveQName } from '../../../core/xml/tree.js';
import { isIx } from './collect.js';

export type ValueResult =
  | { readonly ok: true; readonly value: Decimal | string }
  | { readonly ok: false; readonly code: 'invalidTransformation' | 'transformValueError'; readonly message: string; readonly raw: string };

const isExclude = (el: XmlElement) => isIx(el.name.namespace) && el.name.localName === 'exclude';

/** Text of the element and its descendants, ix:exclude'd parts left out. */
export function displayedText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') s += c;
    else if (!isExclude(c)) s += displayedText(c);
  }
  return s;
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');

/** The content as XHTML markup (for `escape="true"`): ix elements unwrapped, ix:exclude dropped. */
export function contentMarkup(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') s += escText(c);
    else if (isExclude(c)) continue;
    else if (isIx(c.name.namespace)) s += contentMarkup(c);
    else {
      const name = c.name.prefix ? `${c.name.prefix}:${c.name.localName}` : c.name.localName;
      let a = '';
      for (const [k, v] of c.attributes) if (!k.startsWith('xmlns') && !k.startsWith('{')) a += ` ${k}="${escAttr(v)}"`;
      const inner = contentMarkup(c);
      s += inner ? `<${name}${a}>${inner}</${name}>` : `<${name}${a}/>`;
    }
  }
  return s;
}

/** Applies `@format` (a transform QName) to displayed text; plain text when there is none. */
export function transformed(el: XmlElement, displayed: string): { ok: true; value: string } | Extract<ValueResult, { ok: false }> {
  const format = attr(el, 'format');
  if (format === undefined) return { ok: true, value: displayed };
  const q = resolveQName(el, format);
  const fn = q && findTransform(q.namespace, q.localName);
  if (!fn) return { ok: false, code: 'invalidTransformation', message: `format ${format} is not a transformation of a known registry`, raw: displayed };
  const v = fn(displayed);
  if (v === undefined) return { ok: false, code: 'transformValueError', message: `"${displayed.trim().slice(0, 80)}" is not valid input for ${format}`, raw: displayed };
  return { ok: true, value: v };
}

const NON_NEGATIVE = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/;

/** A number displayed in a nonFraction, numerator or denominator: transform, then × 10^scale, then sign. */
export function numericValue(el: XmlElement): ValueResult {
  const displayed = displayedText(el);
  const t = transformed(el, displayed);
  if (!t.ok) return t;
  if (attr(el, 'format') === undefined && !NON_NEGATIVE.test(t.value)) {
    return { ok: false, code: 'transformValueError', message: `"${displayed.trim().slice(0, 80)}" is not a non-negative number (and no format is given)`, raw: displayed };
  }
  const v = t.value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) return { ok: true, value: v }; // INF, NaN, or a transform's non-number
  let n = new Decimal(v);
  const scale = attr(el, 'scale');
  if (scale !== undefined && /^\s*-?\d+\s*$/.test(scale)) n = n.times(new Decimal(10).pow(Number(scale)));
  if (attr(el, 'sign') === '-') n = n.negated();
  return { ok: true, value: n.isZero() ? new Decimal(0) : n };
}

/** A nonNumeric's value: its content and its continuations', as text or as markup when escaped. */
export function nonNumericValue(el: XmlElement, chain: readonly XmlElement[]): ValueResult & { displayed?: string } {
  const escape = /^\s*(true|1)\s*$/.test(attr(el, 'escape') ?? '');
  const parts = [el, ...chain];
  const displayed = parts.map(displayedText).join('');
  if (escape) return { ok: true, value: parts.map(contentMarkup).join(''), displayed };
  const t = transformed(el, displayed);
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
  const q = n.value.dividedBy(d.value);
  return { ok: true, value: q.times(d.value).equals(n.value) && q.decimalPlaces() < 30 ? q : `${n.value.toFixed()}/${d.value.toFixed()}` };
}
