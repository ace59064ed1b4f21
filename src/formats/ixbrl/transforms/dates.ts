/**
 * Date transforms: day, month and year in a given order, as numbers, English month names, CJK (年月日) or
 * Japanese era years (平成26年5月8日) → `YYYY-MM-DD`, `--MM-DD` or `YYYY-MM`. Two-digit years are 20xx.
 */
import { isIsoDate } from '../../../core/model/period.js';
import { collapse, halfWidth, type Transform } from './types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `January`, `Jan`, `Jan.`, `Sept` → 1..12. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return undefined;
  const full = new Date(Date.UTC(2000, i, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }).toLowerCase();
  return full.startsWith(w) || (i === 8 && w === 'sept') ? i + 1 : undefined;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function year(raw: string): number | undefined {
  if (!/^\d{2}(\d{2})?$/.test(raw)) return undefined;
  const y = Number(raw);
  return raw.length === 2 ? 2000 + y : y;
}

function ymd(y: number | undefined, m: number | undefined, d: number | undefined): string | undefined {
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const s = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  return isIsoDate(s) ? s : undefined;
}
function md(m: number | undefined, d: number | undefined): string | undefined {
  if (m === undefined || d === undefined || m < 1 || m > 12 || d < 1) return undefined;
  return d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]! ? `--${pad(m)}-${pad(d)}` : undefined;
}
function ym(y: number | undefined, m: number | undefined): string | undefined {
  return y === undefined || m === undefined || m < 1 || m > 12 ? undefined : `${pad(y, 4)}-${pad(m)}`;
}

type Field = 'd' | 'm' | 'y';

/** Numbers only, in `order`, separated by anything that is not a digit: `31.3.18`, `03/31/2018`. */
export function numericDate(order: readonly Field[]): Transform {
  return (s) => {
    const parts = halfWidth(collapse(s)).split(/[^0-9]+/).filter(Boolean);
    if (parts.length !== order.length || parts.some((p) => p.length > 4)) return undefined;
    return build(order, (f) => parts[order.indexOf(f)]!, (raw) => (/^\d{1,2}$/.test(raw) ? Number(raw) : undefined));
  };
}

/** English month names with day and/or year numbers, in `order`: `March 29, 2025`, `1 Jan 2010`, `Jan 2010`. */
export function namedMonthDate(order: readonly Field[]): Transform {
  return (s) => {
    const t = collapse(s).replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
    const tokens = t.split(/[\s,./-]+/).filter(Boolean);
    if (tokens.length !== order.length) return undefined;
    return build(order, (f) => tokens[order.indexOf(f)]!, monthNumber);
  };
}

function build(order: readonly Field[], get: (f: Field) => string, month: (raw: string) => number | undefined): string | undefined {
  const day = order.includes('d') ? get('d') : undefined;
  if (day !== undefined && !/^\d{1,2}$/.test(day)) return undefined;
  const m = month(get('m'));
  const d = day === undefined ? undefined : Number(day);
  const y = order.includes('y') ? year(get('y')) : undefined;
  if (order.includes('y') && y === undefined) return undefined;
  if (!order.includes('y')) return md(m, d);
  if (!order.includes('d')) return ym(y, m);
  return ymd(y, m, d);
}

/** `2018年3月31日`, `2018年3月` (full-width digits allowed). */
export function cjkDate(withDay: boolean): Transform {
  return (s) => {
    const t = halfWidth(collapse(s)).replace(/\s/g, '');
    const m = withDay ? /^(\d{2}|\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t) : /^(\d{2}|\d{4})年(\d{1,2})月$/.exec(t);
    if (!m) return undefined;
    return withDay ? ymd(year(m[1]!), Number(m[2]), Number(m[3])) : ym(year(m[1]!), Number(m[2]));
  };
}

/** First Gregorian year of each Japanese era. */
const ERAS: Record<string, number> = { 令和: 2019, 令: 2019, R: 2019, 平成: 1989, 平: 1989, H: 1989, 昭和: 1926, 昭: 1926, S: 1926, 大正: 1912, 大: 1912, T: 1912, 明治: 1868, 明: 1868, M: 1868 };

/** `平成26年5月8日` → 2014-05-08 (元年 is year 1); `平成26年5月` with `withDay` false. */
export function eraDate(withDay: boolean): Transform {
  return (s) => {
    const t = halfWidth(collapse(s)).replace(/\s/g, '');
    const re = withDay ? /^(令和|令|平成|平|昭和|昭|大正|大|明治|明|[RHSTM])(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$/ : /^(令和|令|平成|平|昭和|昭|大正|大|明治|明|[RHSTM])(元|\d{1,2})年(\d{1,2})月$/;
    const m = re.exec(t);
    if (!m) return undefined;
    const y = ERAS[m[1]!]! + (m[2] === '元' ? 1 : Number(m[2])) - 1;
    return withDay ? ymd(y, Number(m[3]), Number(m[4])) : ym(y, Number(m[3]));
  };
}
