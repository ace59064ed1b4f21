import { addDays, addMonths, duration, instant, isIsoDate, type Period } from '../../../core/model/period.js';

/** How the filer names its fiscal years: FY2004 is the year that starts in 2004 ("start") or ends in 2004. */
export interface FiscalCalendar {
  readonly endMonth: number; // 1-12
  readonly endDay: number;
  readonly naming: 'start' | 'end';
}

/** What a header cell says about time: a fiscal span ("2Q04"), a date ("Sept 30, 2004"), or a span with a date. */
export type PeriodHint =
  | { kind: 'span'; period: Period & { kind: 'duration' }; months: number; token: string }
  | { kind: 'date'; date: string; months?: number; token: string };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const SPAN_WORDS: Record<string, number> = { three: 3, six: 6, nine: 9, twelve: 12, '3': 3, '6': 6, '9': 9, '12': 12 };

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
  m = /^FY\s?'?(\d{2}|\d{4})$/i.exec(t);
  if (m) return { kind: 'span', period: fiscalSpan(fullYear(m[1]!), 0, 12, cal), months: 12, token: t };
  return undefined;
}

/** Reads how long a span text says: "Three Months Ended", "Year Ended", "Quarter Ended"; undefined if none. */
export function parseSpanWords(s: string): number | undefined {
  const m = /\b(three|six|nine|twelve|3|6|9|12)[- ]months?\s+(?:ended|ending)\b/i.exec(s);
  if (m) return SPAN_WORDS[m[1]!.toLowerCase()];
  if (/\b(?:fiscal\s+)?years?\s+(?:ended|ending)\b/i.test(s)) return 12;
  if (/\bquarters?\s+(?:ended|ending)\b/i.test(s)) return 3;
  return undefined;
}

/** True when the text introduces instants: "As of …", "At …". */
export function saysInstant(s: string): boolean {
  return /^\s*(?:as\s+(?:of|at)|at)\b/i.test(s) || /\bas of\b/i.test(s);
}

const DATE_RE = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s+(\d{4})\b/gi;

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
  const months = parseSpanWords(cell);
  return months ? { kind: 'date', date: dates[0]!, months, token: cell } : { kind: 'date', date: dates[0]!, token: cell };
}

/** The period a hint stands for, given the span a caption set for bare dates (undefined: instants). */
export function hintPeriod(h: PeriodHint, captionMonths: number | undefined): Period {
  if (h.kind === 'span') return h.period;
  const months = h.months ?? captionMonths;
  if (!months) return instant(h.date);
  return duration(addDays(addMonths(h.date, -months), 1), h.date);
}

/** The period one year (or one span) later, same length: the "current" side of a % change. */
export function shiftPeriod(p: Period, basis: 'priorYear' | 'priorQuarter'): Period {
  if (p.kind === 'forever') return p;
  if (p.kind === 'instant') return instant(addMonths(p.date, basis === 'priorYear' ? 12 : 3));
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
