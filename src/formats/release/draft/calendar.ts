/**
 * What a release says about its filer's fiscal calendar and currency, for a draft profile. The fiscal year end is
 * the balance sheet's prior-year-end column: of three dates the middle one (this quarter, the year end, the same
 * quarter a year ago), of two the earlier. A year end that is not a month's last day is a 52/53-week year: its
 * Saturday is the last of its month (September 27, 2003), or the one nearest the end of the month before it
 * (January 3, 2004 for December).
 */
import { getDay, isLastDayOfMonth, parseISO } from 'date-fns';
import { parsePrinted } from '../read/figures.js';
import type { ReleaseDocument } from '../read/model.js';
import type { FiscalCalendar } from '../read/periods.js';
import { columnSpecs } from '../read/columns.js';
import { tableSetting, type TableSetting } from '../read/setting.js';
import { isCaptionHeader } from '../read/tables.js';

const PROVISIONAL: FiscalCalendar = { endMonth: 12, endDay: 31, naming: 'end' };

/** The dates the release's balance sheets (tables whose every column is a date) are at. */
function balanceSheetDates(doc: ReleaseDocument): string[] {
  const dates = new Set<string>();
  let previous: TableSetting | undefined;
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    const setting = (previous = tableSetting(doc.blocks, i, previous));
    const specs = columnSpecs(b.header.filter((h) => !isCaptionHeader(h, PROVISIONAL)), b.width, setting.caption, PROVISIONAL).filter((s) => s.kind === 'amount' && s.period);
    if (specs.length < 2 || !specs.every((s) => s.period!.kind === 'instant')) return;
    for (const s of specs) if (s.period!.kind === 'instant') dates.add(s.period!.date);
  });
  return [...dates].sort().reverse();
}

export function inferCalendar(doc: ReleaseDocument): FiscalCalendar | undefined {
  const dates = balanceSheetDates(doc);
  if (dates.length < 2) return undefined;
  const yearEnd = dates.length >= 3 ? dates[1]! : dates[dates.length - 1]!;
  const d = parseISO(yearEnd);
  const [y, m, day] = yearEnd.split('-').map(Number) as [number, number, number];
  const naming = (month: number) => (month <= 3 ? 'start' : 'end') as 'start' | 'end';
  if (isLastDayOfMonth(d) || getDay(d) !== 6) return { endMonth: m, endDay: day, naming: naming(m) };
  if (day >= 22) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { endMonth: m, endDay: last, naming: naming(m), weeks: 'last-saturday' };
  }
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(m === 1 ? y - 1 : y, month, 0)).getUTCDate();
  return { endMonth: month, endDay: last, naming: naming(month), weeks: 'nearest-saturday' };
}

const SIGNS: Record<string, string> = { $: 'USD', US$: 'USD', '¥': 'JPY', '€': 'EUR', '£': 'GBP', USD: 'USD', JPY: 'JPY' };

/** The currency most figures of the release's tables print with their sign. */
export function printedCurrency(doc: ReleaseDocument): string | undefined {
  const counts = new Map<string, number>();
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    for (const r of b.rows) for (const c of r.cells) {
      if (!c || !/[$¥€£]|USD|JPY/.test(c.text)) continue;
      const p = parsePrinted(c.text);
      const sign = p.kind === 'number' || p.kind === 'nil' ? p.currency : undefined;
      const code = sign ? SIGNS[sign] : undefined;
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
