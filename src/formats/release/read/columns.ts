import type { Period } from '../../../core/model/period.js';
import { tabHeader } from './markdown.js';
import type { HeaderRow } from './model.js';
import { dateHint, findDates, hintPeriod, parsePeriodHint, parseSpan, shiftPeriod, type FiscalCalendar, type PeriodHint } from './periods.js';

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
  /** Why the period could not be told, when it could not (several dates and no year to choose by, say). */
  readonly periodProblem?: string;
}

/** What the lines around a table say about all its columns. */
export interface TableCaption {
  /** "Three Months Ended": bare dates in headers are spans of this many months ending then. */
  readonly months?: number;
  /** "13 Weeks Ended": bare dates are spans of this many weeks ending then. */
  readonly weeks?: number;
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

const YEAR = /^(?:fiscal\s+)?((?:19|20)\d\d)\s*\**$/i;

/** The header texts over each data column, top to bottom (a footnote mark "(1)" after a text dropped). */
function columnTexts(header: readonly HeaderRow[], width: number): string[][] {
  const texts: string[][] = Array.from({ length: width }, () => []);
  for (const row of header) {
    for (const cell of row.cells) {
      const text = cell.text.replace(/\s*\(\d+\)\s*$/, '');
      if (!text) continue;
      for (let j = cell.first; j < Math.min(width, cell.first + cell.span); j++) texts[j]!.push(text);
    }
  }
  return texts;
}

/**
 * A column's period hint. A text that names a period by itself wins (the lowest such text, as the header reads
 * down); otherwise the column's texts are read together, so a date split over two rows ("June 26," / "2004")
 * or span words in a row above ("Three Months Ended") count. Where a header names two dates ("July 3, 2004 and
 * June 28, 2003") the column's own year row ("2004") chooses; without one the period is a problem, not a guess.
 */
function columnHint(texts: readonly string[], cal: FiscalCalendar): { hint?: PeriodHint; problem?: string } {
  let hint: PeriodHint | undefined;
  for (const t of texts) hint = parsePeriodHint(t, cal) ?? hint;
  const joined = texts.join(' ');
  const span = parseSpan(joined);
  if (hint) {
    if (hint.kind === 'date' && hint.months === undefined && hint.weeks === undefined && span) return { hint: dateHint(hint.date, span, hint.token) };
    return { hint };
  }
  const dates = [...new Set(findDates(joined))];
  if (!dates.length) return {};
  if (dates.length === 1) return { hint: dateHint(dates[0]!, span, joined) };
  const years = texts.map((t) => YEAR.exec(t)?.[1]).filter((y): y is string => y !== undefined);
  const chosen = dates.filter((d) => years.includes(d.slice(0, 4)));
  if (chosen.length === 1) return { hint: dateHint(chosen[0]!, span, joined) };
  return { problem: `the header names ${dates.length} dates (${dates.join(', ')}) and ${years.length ? `its year ${years.join('/')} does not choose one` : 'no year to choose one by'}` };
}

/**
 * Reads a table's header rows into one spec per data column. A change column's period is the later period of
 * its comparison: the period above or left of it, moved on a year (YoY) or a quarter (QoQ).
 */
export function columnSpecs(header: readonly HeaderRow[], width: number, caption: TableCaption, cal: FiscalCalendar): ColumnSpec[] {
  const grid = columnTexts(header, width);
  const specs: ColumnSpec[] = [];
  let lastPeriod: Period | undefined;
  let dateIndex = 0;
  const captionMonths = caption.instant ? undefined : caption.months;
  const captionWeeks = caption.instant ? undefined : caption.weeks;
  for (let j = 0; j < width; j++) {
    const texts = grid[j]!;
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
    const { hint, problem } = columnHint(texts, cal);
    let period = hint ? hintPeriod(hint, captionMonths, captionWeeks) : undefined;
    let periodProblem = problem ?? (hint && !period ? `"${hint.token}" is a year of 52 or 53 weeks; the text does not say which` : undefined);
    if (!period && !problem && kind === 'amount' && caption.dates.length) {
      const year = texts.map((t) => YEAR.exec(t)?.[1]).find(Boolean);
      const byYear = year ? caption.dates.filter((d) => d.startsWith(year)) : [];
      const date = byYear.length === 1 ? byYear[0]! : caption.dates[Math.min(dateIndex++, caption.dates.length - 1)]!;
      period = hintPeriod({ kind: 'date', date, token: date }, captionMonths, captionWeeks);
      if (period) periodProblem = undefined;
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
    specs.push({ index: j + 1, header, kind, ...(period ? { period } : {}), ...(currency ? { currency } : {}), ...(!period && periodProblem ? { periodProblem } : {}) });
  }
  return specs;
}

/**
 * Reads tab-separated header rows (each a row of raw cells, the label cell first) into one spec per column
 * (index 1 on). Spanning header cells are carried to the right over blank cells in every header row but the last.
 */
export function readColumns(headerRows: readonly (readonly string[])[], width: number, caption: TableCaption, cal: FiscalCalendar): ColumnSpec[] {
  return columnSpecs(tabHeader(headerRows.map((cells) => ({ line: 0, cells })), width), width - 1, caption, cal);
}

function dedupe(xs: string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}
