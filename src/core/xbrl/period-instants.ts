/** XBRL period dates as instants: a date-only start is that day's start, a date-only end or instant is the next day's start. */
import { collapse } from './lexical.js';

const DATE_UNION = /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})(T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?)?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;

/** Milliseconds since the epoch (time zones ignored), or an explanation of what is wrong. */
export function periodInstant(raw: string, isEnd: boolean): number | string {
  const v = collapse(raw);
  const m = DATE_UNION.exec(v);
  if (!m) return `"${v}" is not a date or dateTime`;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12) return `"${v}": month out of range`;
  const lastThisYear = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  if (d < 1 || d > lastThisYear) return `"${v}": day out of range`;
  const h = m[4] === undefined ? 0 : Number(m[5]);
  const mi = m[4] === undefined ? 0 : Number(m[6]);
  const s = m[4] === undefined ? 0 : Number(m[7]);
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return `"${v}": time out of range`;
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d + (m[4] === undefined && isEnd ? 1 : 0));
  dt.setUTCHours(h, mi, s, 0);
  return dt.getTime();
}
