/**
 * xBRL-CSV's period forms (xBRL-CSV §4.6.4), read into the model's periods (plain dates, an instant or end date
 * being the END of its day):
 *
 * - OIM's own (`2004-04-01T00:00:00/2004-10-01T00:00:00`, or one point in time for an instant);
 * - `2004-04-01..2004-09-30`: from the start of the first day to the end of the last;
 * - a day `2004-09-30`, a month `2004-09`, a year `2004`, a half `2004H1`, a quarter `2004Q3`, an ISO week
 *   `2004W27`: the duration that covers it;
 * - any of the last with `@start` or `@end`: the instant at its start or its end.
 *
 * A reference `$col@end` takes the start or end of the period its target gives; the target must then be a
 * duration (`xbrlce:referenceTargetNotDuration`).
 */
import { addDays, addMonths, daysInMonth, isIsoDate, type Period } from '../../../core/model/period.js';
import { parseOimPeriod } from '../../../core/xbrl/oim.js';

export type PeriodResult = { period: Period; hasTime: boolean } | { error: 'xbrlce:invalidPeriodRepresentation' | 'xbrlce:referenceTargetNotDuration' };

const YEAR = '(?!0000)(\\d{4})';
const INCLUSIVE = /^((?!0000)\d{4}-\d{2}-\d{2})\.\.((?!0000)\d{4}-\d{2}-\d{2})$/;
const SHORT = new RegExp(`^${YEAR}(?:-(\\d{2})(?:-(\\d{2}))?|([QHW])(\\d{1,2}))?(?:@(start|end))?$`);

const pad = (n: number) => String(n).padStart(2, '0');

/** `raw` as a period; `specifier` is a reference's `@start`/`@end`. */
export function csvPeriod(raw: string, specifier?: 'start' | 'end'): PeriodResult {
  const invalid = { error: 'xbrlce:invalidPeriodRepresentation' } as const;
  let duration: { start: string; end: string } | undefined;
  let suffix: 'start' | 'end' | undefined;
  const inclusive = INCLUSIVE.exec(raw);
  const short = inclusive ? null : SHORT.exec(raw);
  if (inclusive) {
    if (!isIsoDate(inclusive[1]!) || !isIsoDate(inclusive[2]!) || inclusive[1]! > inclusive[2]!) return invalid;
    duration = { start: inclusive[1]!, end: inclusive[2]! };
  } else if (short) {
    const [, y, month, day, kind, num, at] = short;
    const year = Number(y);
    suffix = at as 'start' | 'end' | undefined;
    if (day !== undefined) {
      const d = `${y}-${month}-${day}`;
      if (!isIsoDate(d)) return invalid;
      duration = { start: d, end: d };
    } else if (month !== undefined) {
      const m = Number(month);
      if (m < 1 || m > 12) return invalid;
      duration = { start: `${y}-${month}-01`, end: `${y}-${month}-${pad(daysInMonth(year, m))}` };
    } else if (kind === 'Q' || kind === 'H') {
      const k = Number(num);
      const months = kind === 'Q' ? 3 : 6;
      if (num!.length !== 1 || k < 1 || k > 12 / months) return invalid;
      const start = `${y}-${pad((k - 1) * months + 1)}-01`;
      duration = { start, end: addDays(addMonths(start, months), -1) };
    } else if (kind === 'W') {
      const w = Number(num);
      if (num!.length !== 2 || w < 1 || w > isoWeeks(year)) return invalid;
      const start = addDays(isoWeekOne(year), (w - 1) * 7);
      duration = { start, end: addDays(start, 6) };
    } else duration = { start: `${y}-01-01`, end: `${y}-12-31` };
  } else {
    const oim = parseOimPeriod(raw);
    if (!oim) return invalid;
    if (!specifier) return oim;
    if (oim.period.kind !== 'duration') return { error: 'xbrlce:referenceTargetNotDuration' };
    duration = oim.period;
    return { period: instantAt(duration, specifier), hasTime: oim.hasTime };
  }
  if (suffix && specifier) return { error: 'xbrlce:referenceTargetNotDuration' };
  const at = suffix ?? specifier;
  return { period: at ? instantAt(duration, at) : { kind: 'duration', ...duration }, hasTime: false };
}

/** The instant at the start of a duration's first day (the end of the day before) or at the end of its last. */
function instantAt(d: { start: string; end: string }, at: 'start' | 'end'): Period {
  return { kind: 'instant', date: at === 'end' ? d.end : addDays(d.start, -1) };
}

/** The Monday of ISO week 1: the week with the year's first Thursday. */
function isoWeekOne(year: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const day = (jan4.getUTCDay() + 6) % 7; // Monday 0
  return addDays(`${String(year).padStart(4, '0')}-01-04`, -day);
}

/** 53 when the year has an ISO week 53, else 52. */
function isoWeeks(year: number): number {
  const next = isoWeekOne(year + 1);
  const first = isoWeekOne(year);
  return Math.round((Date.parse(next) - Date.parse(first)) / (7 * 86400000));
}
