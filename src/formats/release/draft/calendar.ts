/**
 * What a release says about its filer's fiscal calendar and currency, for a draft profile. The fiscal year end is
 * the balance sheet's prior-year-end column: of three dates the middle one (this quarter, the year end, the same
 * quarter a year ago), of two the earlier. A year end that is not a month's last day is a 52/53-week year: its
 * Saturday is the last of its month (September 27, 2003), or the one nearest the end of the month before it
 * (January 3, 2004 for December).
 */
import { getDay } from 'date-fns/getDay';
import { isLastDayOfMonth } from 'date-fns/isLastDayOfMonth';
import { parseISO } from 'date-fns/parseISO';
import { parsePrinted } from '../read/figures.js';
import type { ReleaseDocument } from '../read/model.js';
import type { FiscalCalendar } from '../read/periods.js';
import { columnSpecs, currencyIn } from '../read/columns.js';
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

/** The currency the release's tables print most. */
export function printedCurrency(doc: ReleaseDocument): string | undefined {
  return printedCurrencies(doc)[0];
}

/** Every currency the tables print (signs in cells, codes and names in headers), most printed first. */
export function printedCurrencies(doc: ReleaseDocument): string[] {
  const counts = new Map<string, number>();
  const add = (code: string | undefined) => code && counts.set(code, (counts.get(code) ?? 0) + 1);
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    for (const h of b.header) for (const c of h.cells) add(currencyIn(c.text));
    for (const r of b.rows) for (const c of r.cells) {
      if (!c || !/[$¥€£]|USD|JPY/.test(c.text)) continue;
      const p = parsePrinted(c.text);
      const sign = p.kind === 'number' || p.kind === 'nil' ? p.currency : undefined;
      add(sign ? SIGNS[sign] : undefined);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

/**
 * A convenience translation the release prints beside its own currency ("translations of Japanese yen amounts
 * into US dollars … at the rate of JPY 110.20 = US$1.00"): the other currency and the rate the text states.
 */
export function convenienceOf(doc: ReleaseDocument, text: string, currency: string): { currency: string; rate?: string } | undefined {
  const other = printedCurrencies(doc).find((c) => c !== currency);
  if (!other) return undefined;
  const own = currency === 'JPY' ? '(?:JPY|¥|yen)' : currency === 'EUR' ? '(?:EUR|€)' : currency === 'GBP' ? '(?:GBP|£)' : currency;
  const dollar = other === 'USD' ? '(?:U\\.?S\\.?\\s?)?\\\\?\\$|USD\\s?' : other;
  const rate = new RegExp(`${own}\\s?([\\d,]+(?:\\.\\d+)?)\\s*=\\s*(?:${dollar})\\s?1(?:\\.0+)?\\b|(?:${dollar})\\s?1(?:\\.0+)?\\s*=\\s*${own}\\s?([\\d,]+(?:\\.\\d+)?)`, 'i').exec(text);
  const value = (rate?.[1] ?? rate?.[2])?.replace(/,/g, '');
  return value ? { currency: other, rate: value } : { currency: other };
}
