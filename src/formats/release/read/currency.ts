/**
 * The currency a table's figures are in: what the release prints wins (a `$` in the cells, "(JPY in millions)"
 * in a caption, "USD" over a column); the filer profile's currency is used only where the release prints none.
 * A printed currency that is neither the profile's nor its convenience translation's is reported, never
 * converted.
 */
import type { Finding } from '../../../core/model/finding.js';
import { parsePrinted } from './figures.js';
import type { Table } from './model.js';

const SIGN = /[$¥€£]|USD|JPY/;
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN']);
const SIGNS: Record<string, string> = { $: 'USD', US$: 'USD', '¥': 'JPY', '€': 'EUR', '£': 'GBP', USD: 'USD', JPY: 'JPY' };

/** The ISO code a sign stands for: `$` is the profile's dollar if it reports in dollars, else US dollars; `¥` likewise yen or yuan. */
export function signCurrency(sign: string, profileCurrency: string): string | undefined {
  if (/^[A-Z]{3}$/.test(sign)) return sign;
  if (sign === '$' && DOLLARS.has(profileCurrency)) return profileCurrency;
  if (sign === '¥' && profileCurrency === 'CNY') return 'CNY';
  return SIGNS[sign];
}

/** The currency signs each data column prints, as codes, with where the first of each is. */
export function printedCurrencies(table: Table, profileCurrency: string): Map<string, { line: number; column: number }>[] {
  const out = Array.from({ length: table.width }, () => new Map<string, { line: number; column: number }>());
  for (const row of table.rows) {
    row.cells.forEach((cell, k) => {
      if (!cell || !SIGN.test(cell.text)) return;
      const p = parsePrinted(cell.text);
      const sign = p.kind === 'number' || p.kind === 'nil' ? p.currency : undefined;
      const code = sign ? signCurrency(sign, profileCurrency) : undefined;
      if (code && !out[k]!.has(code)) out[k]!.set(code, { line: cell.line, column: cell.column });
    });
  }
  return out;
}

export interface CurrencyCheck {
  /** The currency of the table's figures where neither its column header nor its column's cells name one. */
  readonly currency: string;
  /** Per data column, the one currency its cells print, if they print one. */
  readonly columns: readonly (string | undefined)[];
  readonly findings: Finding[];
}

/**
 * Decides a table's currencies: per column the one sign its cells print; for the rest a caption's, else the one
 * currency the table's cells print, else the one the whole release prints, else the profile's. Reports a printed
 * currency the profile does not expect (once per currency), and a column that prints two.
 */
export function tableCurrency(
  file: string, table: Table, captionSign: string | undefined, releaseCurrency: string | undefined,
  profile: { currency: string; convenience?: string }, reported: Set<string>,
): CurrencyCheck {
  const perColumn = printedCurrencies(table, profile.currency);
  const caption = captionSign ? signCurrency(captionSign, profile.currency) : undefined;
  const all = new Map<string, { line: number; column: number }>();
  for (const m of perColumn) for (const [code, at] of m) if (!all.has(code)) all.set(code, at);
  if (caption && !all.has(caption)) all.set(caption, { line: table.line, column: table.column });
  const single = all.size === 1 ? [...all.keys()][0] : undefined;
  const currency = caption ?? single ?? releaseCurrency ?? profile.currency;
  const findings: Finding[] = [];
  for (const [code, at] of all) {
    if (code === profile.currency || code === profile.convenience || reported.has(code)) continue;
    reported.add(code);
    findings.push({
      code: 'release:currencyMismatch', severity: 'warning', file, ...at,
      message: `the release prints figures in ${code}, but the filer profile's currency is ${profile.currency}; they are read in ${code} as printed`,
    });
  }
  perColumn.forEach((m, k) => {
    if (m.size > 1) {
      const at = [...m.values()][1]!;
      findings.push({ code: 'release:mixedCurrencies', severity: 'error', file, ...at, message: `column ${k + 1} of the table prints figures in ${[...m.keys()].join(' and ')}; they are read in ${[...m.keys()][0]}` });
    }
  });
  return { currency, columns: perColumn.map((m) => (m.size ? [...m.keys()][0] : undefined)), findings };
}
