/**
 * XBRL 2.1 period dates (§4.7.2): `startDate`, `endDate` and `instant` are xs:date or xs:dateTime. The model
 * keeps calendar dates with the XBRL meaning (an instant or end date is the END of that day, a start date the
 * START of it), so a dateTime is converted to the day it denotes:
 *
 * - date-only `D` as start → D; as end/instant → D (the end of day D, §4.7.2).
 * - `DT00:00:00` as start → D; as end/instant it is the end of day D-1 → D-1.
 * - `DT24:00:00` as start → D+1; as end/instant → D.
 * - any other time of day → the day it falls in, D (the model has no finer grain; `hasTime` says so).
 *
 * A timezone is accepted and ignored (the model has none). Anything else, including a year that is not four
 * digits, is invalid and gives undefined.
 */
import { addDays, isIsoDate } from '../model/period.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

export interface XbrlDate {
  /** The model's YYYY-MM-DD date. */
  readonly date: string;
  readonly hasTime: boolean;
}

/** Parses a period date as a start (`'start'`) or an end or instant (`'end'`). */
export function parseXbrlDate(raw: string, role: 'start' | 'end'): XbrlDate | undefined {
  const m = DATE_TIME.exec(raw.trim());
  if (!m) return undefined;
  const day = m[1]!;
  if (!isIsoDate(day)) return undefined;
  const tz = m[6];
  if (tz && tz !== 'Z') {
    const h = Number(tz.slice(1, 3));
    const min = Number(tz.slice(4, 6));
    if (min > 59 || h > 14 || (h === 14 && min > 0)) return undefined;
  }
  if (m[2] === undefined) return { date: day, hasTime: false };
  const h = Number(m[2]);
  const min = Number(m[3]);
  const s = Number(m[4]);
  const zeroFraction = m[5] === undefined || /^0+$/.test(m[5]);
  if (h === 24) {
    // 24:00:00 is the end of the day (= the start of the next); nothing else is allowed with hour 24.
    if (min !== 0 || s !== 0 || !zeroFraction) return undefined;
    return { date: role === 'start' ? addDays(day, 1) : day, hasTime: true };
  }
  if (h > 23 || min > 59 || s > 59) return undefined;
  const midnight = h === 0 && min === 0 && s === 0 && zeroFraction;
  return { date: midnight && role === 'end' ? addDays(day, -1) : day, hasTime: true };
}
