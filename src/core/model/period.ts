/**
 * Periods as plain calendar dates with the XBRL meaning: an instant or an end date is the END of that day,
 * a start date is the START of that day. (The OIM "+1 day, midnight" form exists only inside the xBRL-JSON
 * reader and writer.) Dates are ISO `YYYY-MM-DD` strings: comparable as strings, no time zones. Calendar
 * arithmetic (days in a month, adding days and months) is date-fns's.
 */
import { addDays as addDaysDate } from 'date-fns/addDays';
import { addMonths as addMonthsDate } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { isLastDayOfMonth } from 'date-fns/isLastDayOfMonth';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';

export type Period =
  | { readonly kind: 'instant'; readonly date: string }
  | { readonly kind: 'duration'; readonly start: string; readonly end: string }
  | { readonly kind: 'forever' };

export const instant = (date: string): Period => ({ kind: 'instant', date });
export const duration = (start: string, end: string): Period => ({ kind: 'duration', start, end });
export const forever: Period = Object.freeze({ kind: 'forever' });

/** A stable key: equal periods give equal keys. */
export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'instant':
      return p.date;
    case 'duration':
      return `${p.start}/${p.end}`;
    case 'forever':
      return 'forever';
  }
}

export function samePeriod(a: Period, b: Period): boolean {
  return periodKey(a) === periodKey(b);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2004-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** A calendar date as a local-time Date at midnight (date-fns works on those); years below 100 stay themselves. */
function toDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(2000, m - 1, d);
  t.setFullYear(y);
  return t;
}

function fromDate(t: Date): string {
  return format(t, 'yyyy-MM-dd');
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The number of days in a month (1–12) of a proleptic Gregorian year: February has 29 in leap years. Plain
 * arithmetic, so any year a document may write (0, negative, five digits) gets an answer.
 */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

// Period arithmetic repeats the same few dates (a report has a handful of periods, written once per fact).
const shifted = new Map<string, string>();

function memo(key: string, compute: () => string): string {
  let r = shifted.get(key);
  if (r === undefined) {
    if (shifted.size > 10_000) shifted.clear();
    shifted.set(key, (r = compute()));
  }
  return r;
}

/** Adds days to an ISO date (negative to go back). */
export function addDays(date: string, days: number): string {
  return memo(`d${date}|${days}`, () => fromDate(addDaysDate(toDate(date), days)));
}

/** Adds whole months to an ISO date, keeping month-ends at month-ends (2004-06-30 + 3 = 2004-09-30). */
export function addMonths(date: string, months: number): string {
  return memo(`m${date}|${months}`, () => {
    const t = toDate(date);
    const moved = addMonthsDate(t, months);
    return fromDate(isLastDayOfMonth(t) ? lastDayOfMonth(moved) : moved);
  });
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'instant':
      return p.date;
    case 'duration':
      return `${p.start}..${p.end}`;
    case 'forever':
      return 'forever';
  }
}
