/**
 * The ix elements for one printing of a fact: `ix:nonFraction` around the digits as printed (parentheses,
 * currency signs, `%` and unit words stay outside the tag), with the scale that turns the printed digits
 * back into the value, the printing's own decimals, and `sign="-"` for negative values; nil facts as empty
 * nil elements beside the printed dash.
 */
import { Decimal } from 'decimal.js';
import { isNumericValue, type Fact } from '../../../core/model/fact.js';
import { unitKey } from '../../../core/model/unit.js';
import { consistentRounding } from '../../release/read/figures.js';
import { formatDecimal } from '../../xbrl/write/facts.js';
import type { PrefixMap } from '../../xbrl/write/namespaces.js';
import { escapeAttr, escapeText } from '../../../core/xml/write.js';

export const FORMAT = 'ixt:num-dot-decimal';

/** What tags need from the document: prefixes, context and unit ids, and fresh ids for repeated printings. */
export interface TagContext {
  readonly names: PrefixMap;
  readonly contextIds: ReadonlyMap<string, string>;
  /** A fact's `contextKey` (collectContexts's, made once per run of facts in one context). */
  readonly contextKeyOf: (f: Fact) => string;
  readonly unitIds: ReadonlyMap<string, string>;
  /** Printings tagged so far per fact id (the first printing carries the fact's own id). */
  readonly printings: Map<string, number>;
}

function nextId(f: Fact, ctx: TagContext): string {
  const n = (ctx.printings.get(f.id) ?? 0) + 1;
  ctx.printings.set(f.id, n);
  return n === 1 ? f.id : `${f.id}_p${n}`;
}

function commonAttrs(f: Fact, ctx: TagContext): string {
  const contextId = ctx.contextIds.get(ctx.contextKeyOf(f));
  if (contextId === undefined) throw new Error(`internal: no context for fact ${f.id}`);
  let a = ` name="${ctx.names.name(f.concept)}" contextRef="${contextId}"`;
  if (f.unit) a += ` unitRef="${ctx.unitIds.get(unitKey(f.unit))!}"`;
  return `${a} id="${escapeAttr(nextId(f, ctx))}"`;
}

const DIGITS = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/;
const TEN = new Decimal(10);

/**
 * The scale that makes the printed digits this fact's value at the printing's precision: the table's scale
 * first, then percent (-2), units, thousands, millions, billions. Undefined when none agrees.
 */
export function printingScale(f: Fact, digits: string, places: number, percent: boolean, hint: number): number | undefined {
  if (!isNumericValue(f.value)) return undefined;
  const shown = new Decimal(digits);
  const target = f.value.abs();
  const candidates = [...new Set(percent ? [-2, hint, 0] : [hint, 0, -2, 3, 6, 9])];
  const agrees = (s: number) => consistentRounding(target, shown.times(TEN.pow(s)), places - s);
  // The printing that gave the fact its decimals first, so a zero or a round figure keeps its own scale.
  return candidates.find((s) => f.decimals === places - s && agrees(s)) ?? candidates.find(agrees);
}

/**
 * One printed cell (its cleaned text) as XHTML with the fact tagged in it; undefined when the printing
 * cannot be tied to the fact (the caller shows the text untagged and places the fact elsewhere).
 */
export function tagPrinting(f: Fact, printed: string, scaleHint: number, ctx: TagContext): string | undefined {
  if (f.value === null) return `<ix:nonFraction${commonAttrs(f, ctx)} xsi:nil="true"></ix:nonFraction>${escapeText(printed)}`;
  if (!isNumericValue(f.value)) return undefined;
  const m = DIGITS.exec(printed);
  if (!m) return undefined;
  const places = m[2]?.length ?? 0;
  const digits = `${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`;
  const scale = printingScale(f, digits, places, printed.includes('%'), scaleHint);
  if (scale === undefined) return undefined;
  const before = printed.slice(0, m.index); // parentheses, a minus, a currency sign: shown as printed
  const after = printed.slice(m.index + m[0].length);
  const sign = f.value.isNegative() && !f.value.isZero() ? ' sign="-"' : '';
  const tag = `<ix:nonFraction${commonAttrs(f, ctx)} decimals="${places - scale}" scale="${scale}" format="${FORMAT}"${sign}>${m[0]}</ix:nonFraction>`;
  return `${escapeText(before)}${tag}${escapeText(after)}`;
}

/** A fact shown by itself (fallback tables): the value's digits grouped by thousands, negatives in parentheses. */
export function tagValue(f: Fact, ctx: TagContext): string {
  if (f.value === null) return `<ix:nonFraction${commonAttrs(f, ctx)} xsi:nil="true"></ix:nonFraction>—`;
  if (!isNumericValue(f.value)) return nonNumeric(f, escapeText(f.value), ctx);
  const abs = formatDecimal(f.value.abs());
  const [int, frac] = abs.split('.') as [string, string | undefined];
  const shown = `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
  const negative = f.value.isNegative() && !f.value.isZero();
  const tag = `<ix:nonFraction${commonAttrs(f, ctx)} decimals="${String(f.decimals)}" format="${FORMAT}"${negative ? ' sign="-"' : ''}>${shown}</ix:nonFraction>`;
  return negative ? `(${tag})` : tag;
}

/** A text fact's element around already-escaped content; `continuedAt` when the text goes on elsewhere. */
export function nonNumeric(f: Fact, content: string, ctx: TagContext, continuedAt?: string): string {
  // A fact without a language must not inherit the page's xml:lang="en": an empty xml:lang says "none".
  const lang = ` xml:lang="${f.lang ? escapeAttr(f.lang) : ''}"`;
  const cont = continuedAt ? ` continuedAt="${continuedAt}"` : '';
  if (f.value === null) return `<ix:nonNumeric${commonAttrs(f, ctx)}${lang} xsi:nil="true"></ix:nonNumeric>`;
  return `<ix:nonNumeric${commonAttrs(f, ctx)}${lang} escape="false"${cont}>${content}</ix:nonNumeric>`;
}
