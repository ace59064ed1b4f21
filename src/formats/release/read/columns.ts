import type { Period } from '../../../core/model/period.js';
import { tabHeader } from './markdown.js';
import type { HeaderRow } from './model.js';
import { dateHint, findDates, hintPeriod, parsePeriodHint, parseSpan, shiftPeriod, weeksYearEnded, type FiscalCalendar, type PeriodHint } from './periods.js';

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
  /**
   * Words of the header that name neither a period, a currency, a scale nor a ratio: a segment ("Domestic"), a
   * measure ("Pretax"), a basis ("Non-GAAP"). The column's figures are not the row's plain amounts.
   */
  readonly qualifier?: string;
  /** The header or caption prints the span in words ("13 Weeks Ended …"), not only a fiscal token ("2Q04"). */
  readonly spanInWords?: boolean;
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

const MONTH_WORDS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** What a column header may say without qualifying its figures: periods, dates, currencies, comparisons, audit status. */
const PLAIN_WORDS = new RegExp(
  [
    '\\b(?:year-over-year|sequential|comparison|consolidated|total|unaudited|audited|actual|restated|as reported)\\b',
    `\\b(?:${MONTH_WORDS})\\.?\\b`, '\\b[1-4]q\\d{2}\\b', '\\bq[1-4]\\b', '\\b[12]h\\d{2}\\b', '\\b9m\\d{2}\\b', '\\bfy\\s?\\d{2,4}\\b', '\\d+',
    '\\b(?:three|six|nine|twelve|thirteen|fourteen|twenty|thirty|forty|fifty|one|two|six|seven|eight|nine)\\b',
    '\\b(?:months?|weeks?|quarters?|years?|fiscal|ended|ending|for|the|and|as|of|at|period|periods|to|date|year-to-date|ytd|first|second|third|fourth|half)\\b',
    '\\b(?:usd|jpy|eur|gbp|u\\.s\\.|dollars?|yen|euros?|thousands?|millions?|billions?|in|amounts?)\\b', '[$¥€£]',
    '[-–—,.;:/()&*%]',
  ].join('|'),
  'gi',
);

/**
 * The key a column heading and a taxonomy label are compared by: the words that qualify figures only (periods,
 * currencies, "Total", punctuation, `&`/"and" out), in lower case: "Total Domestic" and "Domestic", "Retail & /
 * Related Services" and "Retail and Related Services" compare equal.
 */
export function qualifierKey(text: string): string {
  return text.replace(PLAIN_WORDS, ' ').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The words of a column's header that qualify its figures (see ColumnSpec.qualifier), or undefined. */
function qualifierOf(texts: readonly string[]): string | undefined {
  const left = texts.map((t) => t.replace(PLAIN_WORDS, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return left.length ? left.join(' / ') : undefined;
}

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
    // "Year Ended February 3, 2024" of a 52/53-week year: the profile's calendar says which weeks.
    if (!period && hint?.kind === 'date' && (hint.months ?? captionMonths) === 12) period = weeksYearEnded(hint.date, cal);
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
    const qualifier = kind === 'amount' ? qualifierOf(texts) : undefined;
    const spanInWords = period?.kind === 'duration' && (hint === undefined || hint.kind === 'date');
    specs.push({
      index: j + 1, header, kind, ...(period ? { period } : {}), ...(currency ? { currency } : {}), ...(!period && periodProblem ? { periodProblem } : {}),
      ...(qualifier ? { qualifier } : {}), ...(spanInWords ? { spanInWords } : {}),
    });
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
