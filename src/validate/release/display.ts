import { Decimal } from 'decimal.js';
import type { Fact } from '../../core/model/fact.js';

/** How a fact's first printing shows its value: the power of ten it is printed in, its decimal places, its marks. */
interface Style {
  /** value = shown × 10^scale ("6,714" for 6714000: 3; "27.0%" for 0.270: −2). */
  readonly scale: number;
  readonly places: number;
  /** The printing shows the value's opposite (an expense printed in parentheses, stored positive). */
  readonly flipped: boolean;
  readonly percent: boolean;
  readonly minus: boolean;
}

const NUMBER = /(\d[\d,]*)(?:\.(\d+))?|\.(\d+)/;

function styleOf(f: Fact): Style | undefined {
  const text = f.sources[0]?.printed;
  const m = text ? NUMBER.exec(text) : null;
  if (!text || !m || typeof f.decimals !== 'number' || f.value === null || typeof f.value === 'string') return undefined;
  const places = (m[2] ?? m[3] ?? '').length;
  const negative = /^\s*[-−(]/.test(text);
  const flipped = !f.value.isZero() && !/^[0.,]+$/.test(m[0]) && negative !== f.value.isNegative();
  return { scale: places - f.decimals, places, flipped, percent: text.includes('%') || (f.unit?.numerator[0]?.localName === 'pure' && places - f.decimals === -2), minus: /^\s*[-−]/.test(text) };
}

function grouped(digits: string): string {
  const [whole, frac] = digits.split('.') as [string, string | undefined];
  const w = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return frac === undefined ? w : `${w}.${frac}`;
}

/**
 * A value written as the fact is printed (same scale, places, sign convention, % mark), with `extra` more decimal
 * places: "6,715", "(92)", "26.9%", or "26.943%" for a quotient. A fact with no printing shows its XBRL value.
 */
export function asPrinted(f: Fact, value: Decimal, extra = 0): string {
  const s = styleOf(f);
  if (!s) {
    const places = typeof f.decimals === 'number' ? Math.max(f.decimals, 0) + extra : extra;
    return value.toFixed(places);
  }
  const shown = value.dividedBy(new Decimal(10).pow(s.scale)).times(s.flipped ? -1 : 1);
  const body = `${grouped(shown.abs().toFixed(s.places + extra))}${s.percent ? '%' : ''}`;
  if (!shown.isNegative() || shown.abs().toFixed(s.places + extra).match(/^[0.]+$/)) return body;
  return s.minus ? `-${body}` : `(${body})`;
}

/** "1 unit of its last digit": how far a printed figure is from the correct one, in the units the reader sees. */
export function unitsText(n: Decimal): string {
  const a = n.abs();
  return `${a.toFixed()} unit${a.equals(1) ? '' : 's'} of its last digit`;
}
