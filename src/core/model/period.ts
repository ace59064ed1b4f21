/**
 * Periods as plain calendar dates with the XBRL meaning: an instant or an end date is the END of that day,
 * a start date is the START of that day. (The OIM "+1 day, midnight" form exists only inside the xBRL-JSON
 * reader and writer.) Dates are ISO `YYYY-MM-DD` strings: comparable as strings, no time zones.
 */
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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds days to an ISO date (negative to go back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Adds whole months to an ISO date, keeping month-ends at month-ends (2004-06-30 + 3 = 2004-09-30). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = daysInMonth(y, m) === d;
  const nd = last ? daysInMonth(ny, nm) : Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
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
