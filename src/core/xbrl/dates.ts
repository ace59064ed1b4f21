/**
 * XBRL 2.1 period dates (§4.7.2): `startDate`, `endDate` and `instant` are xs:date or xs:dateTime. One lexer for
 * them (`lexPeriodDate`); the model's view (`parseXbrlDate`) and the validator's (`periodInstant`) are built on it.
 *
 * The model keeps calendar dates with the XBRL meaning (an instant or end date is the END of that day, a start
 * date the START of it), so a dateTime is converted to the day it denotes:
 *
 * - date-only `D` as start → D; as end/instant → D (the end of day D, §4.7.2).
 * - `DT00:00:00` as start → D; as end/instant it is the end of day D-1 → D-1.
 * - `DT24:00:00` as start → D+1; as end/instant → D.
 * - any other time of day → the day it falls in, D (the model has no finer grain; `hasTime` says so).
 *
 * A timezone is accepted and ignored (the model has none).
 */
import { addDays, daysInMonth } from '../model/period.js';

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** An xs:date or xs:dateTime taken apart, every field in range. */
export interface PeriodDateParts {
  /** The year as written (four or more digits, maybe negative). */
  readonly yearText: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** The time of day, when one is written (hour 24 only as 24:00:00, the end of the day). */
  readonly time?: { readonly hour: number; readonly minute: number; readonly second: number; readonly fractionZero: boolean };
}

/** The parts of a period date (whitespace collapsed, as for any XBRL value), or why it is not one. */
export function lexPeriodDate(raw: string): PeriodDateParts | string {
  const v = raw.replace(/[ \t\r\n]+/g, ' ').trim();
  const m = DATE_TIME.exec(v);
  if (!m) return `"${v}" is not a date or dateTime`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `"${v}": month out of range`;
  if (day < 1 || day > daysInMonth(year, month)) return `"${v}": day out of range`;
  const tz = m[8];
  if (tz && tz !== 'Z') {
    const h = Number(tz.slice(1, 3));
    const min = Number(tz.slice(4, 6));
    if (min > 59 || h > 14 || (h === 14 && min > 0)) return `"${v}": time zone out of range`;
  }
  if (m[4] === undefined) return { yearText: m[1]!, year, month, day };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const fractionZero = m[7] === undefined || /^0+$/.test(m[7]);
  // 24:00:00 is the end of the day (= the start of the next); nothing else is allowed with hour 24.
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0 || !fractionZero))) return `"${v}": time out of range`;
  return { yearText: m[1]!, year, month, day, time: { hour, minute, second, fractionZero } };
}

export interface XbrlDate {
  /** The model's YYYY-MM-DD date. */
  readonly date: string;
  readonly hasTime: boolean;
}

/**
 * Parses a period date as a start (`'start'`) or an end or instant (`'end'`), as the model's day. Undefined when it
 * is not a period date, or its year is not four digits (the model's dates are `YYYY-MM-DD`).
 */
export function parseXbrlDate(raw: string, role: 'start' | 'end'): XbrlDate | undefined {
  const p = lexPeriodDate(raw);
  if (typeof p === 'string' || p.yearText.length !== 4) return undefined;
  const day = `${p.yearText}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  if (!p.time) return { date: day, hasTime: false };
  const { hour, minute, second, fractionZero } = p.time;
  if (hour === 24) return { date: role === 'start' ? addDays(day, 1) : day, hasTime: true };
  const midnight = hour === 0 && minute === 0 && second === 0 && fractionZero;
  return { date: midnight && role === 'end' ? addDays(day, -1) : day, hasTime: true };
}

/**
 * A period date as an instant (milliseconds since the epoch, time zones ignored), for comparing starts with ends:
 * a date-only start is that day's start, a date-only end or instant the next day's start. A string says why the
 * value is not a period date.
 */
export function periodInstant(raw: string, isEnd: boolean): number | string {
  const p = lexPeriodDate(raw);
  if (typeof p === 'string') return p;
  const dt = new Date(0);
  dt.setUTCFullYear(p.year, p.month - 1, p.day + (!p.time && isEnd ? 1 : 0));
  dt.setUTCHours(p.time?.hour ?? 0, p.time?.minute ?? 0, p.time?.second ?? 0, 0);
  return dt.getTime();
}
