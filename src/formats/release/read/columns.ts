import type { Period } from '../../../core/model/period.js';
import { hintPeriod, parsePeriodHint, shiftPeriod, type FiscalCalendar, type PeriodHint } from './periods.js';
import { cleanCell } from './text.js';

export type ColumnKind = 'amount' | 'percentOfTotal' | 'changePriorYear' | 'changePriorQuarter';

/** What one table column holds: a kind of figure, for a period, in a currency. */
export interface ColumnSpec {
  readonly index: number;
  /** The header texts above the column, top to bottom, joined with " / " (for provenance and messages). */
  readonly header: string;
  readonly kind: ColumnKind;
  readonly period?: Period;
  /** ISO currency code the header names (USD, JPY), if any. */
  readonly currency?: string;
}

/** What the lines around a table say about all its columns. */
export interface TableCaption {
  /** "Three Months Ended": bare dates in headers are spans of this many months ending then. */
  readonly months?: number;
  /** "As of …": bare dates are instants. */
  readonly instant?: boolean;
  /** Dates listed in the caption, for tables whose headers name none. */
  readonly dates: readonly string[];
}

const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/\bUSD\b|U\.S\. ?dollars?|US\$/i, 'USD'],
  [/\bJPY\b|japanese yen|\byen\b/i, 'JPY'],
  [/\bEUR\b|\beuros?\b/i, 'EUR'],
  [/\bGBP\b/i, 'GBP'],
];

export function currencyIn(s: string): string | undefined {
  for (const [re, code] of CURRENCY_WORDS) if (re.test(s)) return code;
  return undefined;
}

/** Classifies a header text as a ratio column kind, or undefined for amount-like text. */
export function ratioKind(text: string): ColumnKind | undefined {
  const t = text.toLowerCase();
  const isChange = /chg|change|growth|increase|inc\.?\s*\/\s*dec/.test(t);
  if (isChange && /\byoy\b|y-o-y|year[- ]over[- ]year|year on year|prior year|yoy/.test(t)) return 'changePriorYear';
  if (isChange && /\bqoq\b|q-o-q|quarter[- ]over[- ]quarter|sequential|prior quarter|qoq/.test(t)) return 'changePriorQuarter';
  if (isChange && /%/.test(t)) return 'changePriorYear';
  if (/^%$|% of|percent of|ratio to total|composition/.test(t.trim())) return 'percentOfTotal';
  return undefined;
}

/**
 * Reads a table's header rows into one spec per column (index 1 on: index 0 is the row label).
 * Spanning header cells (a period over USD/JPY/% columns) are carried to the right over blank cells in
 * every header row but the last. A change column's period is the later period of its comparison: the
 * period above or left of it, moved on a year (YoY) or a quarter (QoQ).
 */
export function readColumns(headerRows: readonly (readonly string[])[], width: number, caption: TableCaption, cal: FiscalCalendar): ColumnSpec[] {
  const grid: string[][] = headerRows.map((cells, r) => {
    const row: string[] = [];
    let carry = '';
    for (let j = 1; j < width; j++) {
      const text = cleanCell(cells[j] ?? '').replace(/\s*\(\d+\)\s*$/, '');
      if (text) carry = text;
      row[j] = text || (r < headerRows.length - 1 ? carry : '');
    }
    return row;
  });
  const specs: ColumnSpec[] = [];
  let lastPeriod: Period | undefined;
  let dateIndex = 0;
  for (let j = 1; j < width; j++) {
    const texts = grid.map((row) => row[j] ?? '').filter(Boolean);
    const header = dedupe(texts).join(' / ');
    let kind: ColumnKind = 'amount';
    for (let r = texts.length - 1; r >= 0; r--) {
      const k = ratioKind(texts[r]!);
      if (k) {
        kind = k;
        break;
      }
      if (parsePeriodHint(texts[r]!, cal) || currencyIn(texts[r]!)) break;
    }
    let hint: PeriodHint | undefined;
    for (const t of texts) hint = parsePeriodHint(t, cal) ?? hint;
    let period = hint ? hintPeriod(hint, caption.instant ? undefined : caption.months) : undefined;
    if (!period && kind === 'amount' && caption.dates.length) {
      const date = caption.dates[Math.min(dateIndex++, caption.dates.length - 1)]!;
      period = hintPeriod({ kind: 'date', date, token: date }, caption.instant ? undefined : caption.months);
    }
    let currency: string | undefined;
    for (const t of texts) currency = currencyIn(t) ?? currency;
    if (kind === 'changePriorYear' || kind === 'changePriorQuarter') {
      const base = period ?? lastPeriod;
      period = base ? shiftPeriod(base, kind === 'changePriorYear' ? 'priorYear' : 'priorQuarter') : undefined;
    } else if (kind === 'percentOfTotal') {
      period ??= lastPeriod;
    } else if (period) {
      lastPeriod = period;
    }
    const spec: ColumnSpec = { index: j, header, kind, ...(period ? { period } : {}), ...(currency ? { currency } : {}) };
    specs.push(spec);
  }
  return specs;
}

function dedupe(xs: string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}
