import { addDays as addDaysDate } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isLastDayOfMonth } from 'date-fns/isLastDayOfMonth';
import { parseISO } from 'date-fns/parseISO';
import { subWeeks } from 'date-fns/subWeeks';
import { addDays, addMonths, duration, instant, isIsoDate, type Period } from '../../../core/model/period.js';

/** How the filer names its fiscal years: FY2004 is the year that starts in 2004 ("start") or ends in 2004. */
export interface FiscalCalendar {
  readonly endMonth: number; // 1-12
  readonly endDay: number;
  readonly naming: 'start' | 'end';
  /** A 52/53-week year ending on a Saturday: the last of endMonth, or the one nearest endMonth/endDay. */
  readonly weeks?: 'last-saturday' | 'nearest-saturday';
}

/** How long a printed span is: "Three Months Ended" (3 months), "13 Weeks Ended" (13 weeks). */
export interface Span {
  readonly unit: 'months' | 'weeks';
  readonly count: number;
}

/** What a header cell says about time: a fiscal span ("2Q04"), a date ("Sept 30, 2004"), or a span with a date. */
export type PeriodHint =
  | { kind: 'span'; period: Period & { kind: 'duration' }; months: number; token: string }
  | { kind: 'date'; date: string; months?: number; weeks?: number; token: string };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const SPAN_WORDS: Record<string, number> = { three: 3, six: 6, nine: 9, twelve: 12, '3': 3, '6': 6, '9': 9, '12': 12 };
const WEEK_WORDS: Record<string, number> = {
  thirteen: 13, 'twenty-six': 26, 'twenty six': 26, 'thirty-nine': 39, 'thirty nine': 39, 'fifty-two': 52, 'fifty two': 52, 'fifty-three': 53, 'fifty three': 53,
  fourteen: 14, 'twenty-seven': 27, 'forty': 40,
};
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

/** First day of fiscal year `fy` under the calendar. */
export function fiscalYearStart(fy: number, cal: FiscalCalendar): string {
  const endYear = cal.naming === 'start' ? (cal.endMonth === 12 ? fy : fy + 1) : fy;
  const end = `${endYear}-${pad(cal.endMonth)}-${pad(cal.endDay)}`;
  return addDays(addMonths(end, -12), 1);
}

/** The fiscal span `months` long that starts `offsetMonths` into fiscal year `fy`. */
export function fiscalSpan(fy: number, offsetMonths: number, months: number, cal: FiscalCalendar): Period & { kind: 'duration' } {
  const start = addMonths(fiscalYearStart(fy, cal), offsetMonths);
  const end = addDays(addMonths(start, months), -1);
  return { kind: 'duration', start, end };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Reads a fiscal token: `2Q04`, `Q2 FY2004`, `1H04`, `2H04`, `FY2004`, `FY04`, `9M04` (first nine months),
 * `4Q04`. Returns undefined for anything else.
 */
export function parseFiscalToken(s: string, cal: FiscalCalendar): PeriodHint | undefined {
  const t = s.replace(/\s+/g, ' ').trim();
  let m = /^(?:([1-4])Q|Q([1-4]))\s?(?:FY)?\s?'?(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const q = Number(m[1] ?? m[2]);
    return { kind: 'span', period: fiscalSpan(fullYear(m[3]!), (q - 1) * 3, 3, cal), months: 3, token: t };
  }
  m = /^(?:([12])H|H([12]))\s?(?:FY)?\s?'?(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const h = Number(m[1] ?? m[2]);
    return { kind: 'span', period: fiscalSpan(fullYear(m[3]!), (h - 1) * 6, 6, cal), months: 6, token: t };
  }
  m = /^(9M|3Q YTD|9 months)\s?(?:FY)?\s?'?(\d{2}|\d{4})$/i.exec(t);
  if (m) return { kind: 'span', period: fiscalSpan(fullYear(m[2]!), 0, 9, cal), months: 9, token: t };
  m = /^(?:FY|fiscal(?: year)?)\s?'?(\d{2}|\d{4})$/i.exec(t);
  if (m) return { kind: 'span', period: fiscalSpan(fullYear(m[1]!), 0, 12, cal), months: 12, token: t };
  m = /^(first|second|third|fourth) quarter(?: of)?(?: fiscal(?: year)?)? (\d{4})$/i.exec(t);
  if (m) return { kind: 'span', period: fiscalSpan(Number(m[2]), (ORDINAL[m[1]!.toLowerCase()]! - 1) * 3, 3, cal), months: 3, token: t };
  return undefined;
}

/** Reads how long a span text says in months: "Three Months Ended", "Year Ended", "Quarter Ended"; undefined if none. */
export function parseSpanWords(s: string): number | undefined {
  const span = parseSpan(s);
  return span?.unit === 'months' ? span.count : undefined;
}

/**
 * Reads how long a span text says: "Three Months Ended", "Year Ended", "Quarter Ended" (months), "13 Weeks Ended",
 * "Thirty-Nine Weeks Ended", "For the 26 Weeks Ended" (weeks); undefined if none.
 */
export function parseSpan(s: string): Span | undefined {
  const t = s.replace(/\s+/g, ' ');
  let m = /\b(three|six|nine|twelve|3|6|9|12)[- ]months?\s+(?:ended|ending)\b/i.exec(t);
  if (m) return { unit: 'months', count: SPAN_WORDS[m[1]!.toLowerCase()]! };
  m = /\b(\d{1,2}|thirteen|fourteen|twenty[- ]six|twenty[- ]seven|thirty[- ]nine|forty|fifty[- ]two|fifty[- ]three)[- ]weeks?\s+(?:ended|ending)\b/i.exec(t);
  if (m) {
    const w = /^\d/.test(m[1]!) ? Number(m[1]) : WEEK_WORDS[m[1]!.toLowerCase()];
    if (w && w > 0 && w <= 53) return { unit: 'weeks', count: w };
  }
  if (/\b(?:fiscal\s+)?years?\s+(?:ended|ending)\b/i.test(t)) return { unit: 'months', count: 12 };
  if (/\bquarters?\s+(?:ended|ending)\b/i.test(t)) return { unit: 'months', count: 3 };
  return undefined;
}

/** True when the text introduces instants: "As of …", "At …". */
export function saysInstant(s: string): boolean {
  return /^\s*(?:as\s+(?:of|at)|at)\b/i.test(s) || /\bas of\b/i.test(s);
}

const DATE_RE = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s*(\d{4})\b/gi;

/** All dates written like `Sept 30, 2004`, `June 30 2004`, `Dec. 31, 2004`, or ISO `2004-09-30`, in order. */
export function findDates(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(DATE_RE)) {
    const mo = MONTHS[m[1]!.toLowerCase().replace(/\.$/, '')];
    const iso = `${m[3]}-${pad(mo!)}-${pad(Number(m[2]))}`;
    if (mo && isIsoDate(iso)) out.push(iso);
  }
  for (const m of s.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)) if (isIsoDate(m[1]!)) out.push(m[1]!);
  return out;
}

/** Reads one header cell: a fiscal token, or a date possibly with span words ("Three Months Ended Sept 30, 2004"). */
export function parsePeriodHint(cell: string, cal: FiscalCalendar): PeriodHint | undefined {
  const fiscal = parseFiscalToken(cell, cal);
  if (fiscal) return fiscal;
  const dates = findDates(cell);
  if (dates.length !== 1) return undefined;
  return dateHint(dates[0]!, parseSpan(cell), cell);
}

/** A date hint with the span printed with it, if any. */
export function dateHint(date: string, span: Span | undefined, token: string): PeriodHint {
  if (!span) return { kind: 'date', date, token };
  return span.unit === 'weeks' ? { kind: 'date', date, weeks: span.count, token } : { kind: 'date', date, months: span.count, token };
}

/**
 * The period a hint stands for, given the span a caption set for bare dates (undefined: instants).
 * "N weeks ended D" starts the day after D less N weeks. "Three months ended D" where D is not a month's last
 * day is a quarter of a 52/53-week year (companies on calendar months end their quarters on month ends): it is
 * 13 weeks (6 months 26, 9 months 39), starting the day after the previous quarter's end. A year ended on such
 * a day may have 52 or 53 weeks, which the text does not say: undefined.
 */
export function hintPeriod(h: PeriodHint, captionMonths: number | undefined, captionWeeks?: number): Period | undefined {
  if (h.kind === 'span') return h.period;
  const weeks = h.weeks ?? (h.months === undefined ? captionWeeks : undefined);
  if (weeks) return weeksEnded(h.date, weeks);
  const months = h.months ?? captionMonths;
  if (!months) return instant(h.date);
  if (!isLastDayOfMonth(parseISO(h.date))) {
    if (months % 3 !== 0 || months >= 12) return undefined;
    return weeksEnded(h.date, (months / 3) * 13);
  }
  return duration(addDays(addMonths(h.date, -months), 1), h.date);
}

/** The `weeks` weeks that end on `date` (inclusive). */
export function weeksEnded(date: string, weeks: number): Period {
  const start = addDaysDate(subWeeks(parseISO(date), weeks), 1);
  return duration(format(start, 'yyyy-MM-dd'), date);
}

/** The period one year (or one span) later, same length: the "current" side of a % change. */
export function shiftPeriod(p: Period, basis: 'priorYear' | 'priorQuarter'): Period {
  if (p.kind === 'forever') return p;
  if (p.kind === 'instant') return instant(addMonths(p.date, basis === 'priorYear' ? 12 : 3));
  if (!isLastDayOfMonth(parseISO(p.end))) {
    // A span of weeks (a 52/53-week year's quarter): a year later is 52 weeks later, a quarter later its own length.
    const days = basis === 'priorYear' ? 364 : Math.round((parseISO(p.end).getTime() - parseISO(p.start).getTime()) / 86_400_000) + 1;
    return duration(addDays(p.start, days), addDays(p.end, days));
  }
  const months = basis === 'priorYear' ? 12 : spanMonths(p);
  return duration(addMonths(p.start, months), addDays(addMonths(addDays(p.end, 1), months), -1));
}

/** Whole months a duration covers (2004-07-01..2004-09-30 → 3). */
export function spanMonths(p: { start: string; end: string }): number {
  const [sy, sm] = p.start.split('-').map(Number) as [number, number];
  const next = addDays(p.end, 1);
  const [ey, em] = next.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm);
}

/**
 * The fiscal year a 52/53-week calendar ends on `date`: it starts the day after the previous year's end, the
 * Saturday its rule gives a year earlier (52 or 53 weeks before). Undefined when `date` is not such a year end.
 */
export function weeksYearEnded(date: string, cal: FiscalCalendar): Period | undefined {
  if (!cal.weeks) return undefined;
  const yearEnd = (year: number): string => {
    if (cal.weeks === 'last-saturday') {
      const last = new Date(Date.UTC(year, cal.endMonth, 0));
      last.setUTCDate(last.getUTCDate() - ((last.getUTCDay() + 1) % 7));
      return last.toISOString().slice(0, 10);
    }
    const target = new Date(Date.UTC(year, cal.endMonth - 1, cal.endDay));
    const back = (target.getUTCDay() + 1) % 7; // days since the Saturday on or before
    target.setUTCDate(target.getUTCDate() + (back <= 3 ? -back : 7 - back));
    return target.toISOString().slice(0, 10);
  };
  const year = Number(date.slice(0, 4));
  const ends = [year - 2, year - 1, year, year + 1].map(yearEnd);
  const i = ends.indexOf(date);
  if (i <= 0) return undefined;
  return duration(addDays(ends[i - 1]!, 1), date);
}
