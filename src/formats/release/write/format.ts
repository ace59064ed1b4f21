import { Decimal } from 'decimal.js';
import type { Decimals } from '../../../core/model/fact.js';

/** How one figure is printed: scale (power of ten of the table's caption), percent (×100), places after the point. */
export interface FigureStyle {
  /** Power of ten the table prints monetary figures in (6: "in millions"); 0 for anything not scaled. */
  readonly scale: number;
  readonly percent: boolean;
  /** Digits after the decimal point. */
  readonly places: number;
}

/** Groups digits by thousands: 1234567.5 → "1,234,567.5". */
function groupThousands(digits: string): string {
  const [int, frac] = digits.split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * A value as a release prints it: scaled, rounded half away from zero to `places`, thousands separators,
 * parentheses for negatives, `%` for percentages; `-` for nil. A value that rounds to zero prints unsigned.
 */
export function formatFigure(value: Decimal | null, style: FigureStyle, percentSign = true): string {
  if (value === null) return '-';
  let v = value;
  if (style.scale) v = v.dividedBy(new Decimal(10).pow(style.scale));
  if (style.percent) v = v.times(100);
  const rounded = v.toDecimalPlaces(Math.max(0, style.places), Decimal.ROUND_HALF_UP);
  const text = groupThousands(rounded.abs().toFixed(Math.max(0, style.places)));
  const sign = style.percent && percentSign ? '%' : '';
  return rounded.isNegative() && !rounded.isZero() ? `(${text}${sign})` : `${text}${sign}`;
}

/**
 * The places a fact needs to be printed at its own decimals in a table of `scale` (percent: two fewer):
 * decimals -6 in millions → 0, decimals 3 as a percentage → 1. Undefined when the fact is less precise than
 * the table can print (decimals -6 in thousands) or has no finite decimals.
 */
export function placesFor(decimals: Decimals | undefined, scale: number, percent: boolean): number | undefined {
  if (decimals === undefined || decimals === 'INF') return undefined;
  const places = decimals + scale - (percent ? 2 : 0);
  return places >= 0 ? places : undefined;
}

/** The decimals a printed figure is read back with: the inverse of placesFor. */
export function decimalsOf(places: number, scale: number, percent: boolean): number {
  return places - scale + (percent ? 2 : 0);
}

/** Digits after the point of a decimal as written (INF facts print every digit they have). */
export function naturalPlaces(v: Decimal, scale: number, percent: boolean): number {
  let x = v;
  if (scale) x = x.dividedBy(new Decimal(10).pow(scale));
  if (percent) x = x.times(100);
  return Math.max(0, x.decimalPlaces());
}

/** Scale caption for a currency and scale: "(JPY in millions)", "(USD in thousands)", "(JPY)". */
export function scaleCaption(currency: string, scale: number): string {
  const word = scale === 9 ? ' in billions' : scale === 6 ? ' in millions' : scale === 3 ? ' in thousands' : '';
  return `(${currency}${word})`;
}
