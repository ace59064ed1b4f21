/**
 * Cells of kessan's xBRL-CSV tables: CSV quoting (RFC 4180), xBRL-CSV's special values, its short period forms.
 *
 * The quoting is a few lines of our own rather than a library's: a field is quoted when it holds a comma, a
 * quote, CR or LF (quotes doubled), rows end with LF; that is all RFC 4180 asks, and the output must be the same
 * bytes for the same report.
 */
import type { Period } from '../../../core/model/period.js';
import { oimPeriod } from '../../../core/xbrl/oim.js';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as CSV. */
export function csvField(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, with its line end. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\n`;
}

/**
 * A text value as a cell: an empty cell means "no fact" (or "no value" for a parameter), so the empty string is
 * `#empty`; a value that starts with `#` gets another (`##x` reads as `#x`), since `#nil`, `#none`… are special.
 */
export function textCell(s: string): string {
  if (s === '') return '#empty';
  return s.startsWith('#') ? `#${s}` : s;
}

const PLAIN_DATE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;

/**
 * A period as xBRL-CSV's short forms read it (xBRL-CSV §4.6): a duration as its first and last day
 * (`2004-07-01..2004-09-30`, the same days XBRL 2.1 writes), an instant as the end of its day (`2004-09-30@end`),
 * forever as an empty cell. Dates the short forms cannot carry (years before 0001 or after 9999) in OIM's form.
 */
export function periodCell(p: Period): string {
  switch (p.kind) {
    case 'forever':
      return '';
    case 'instant':
      return PLAIN_DATE.test(p.date) ? `${p.date}@end` : oimPeriod(p)!;
    case 'duration':
      return PLAIN_DATE.test(p.start) && PLAIN_DATE.test(p.end) ? `${p.start}..${p.end}` : oimPeriod(p)!;
  }
}
