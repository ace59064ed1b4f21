import { Decimal } from 'decimal.js';

/** A figure as printed in a cell, before scale and type are applied. */
export type Printed =
  | { kind: 'blank' }
  | { kind: 'nil'; text: string; currency?: string }
  | {
      kind: 'number';
      text: string;
      /** The digits as printed, sign applied: `(2,035)` → -2035, `14.4%` → 14.4. */
      value: Decimal;
      /** Digits after the decimal point as printed. */
      places: number;
      percent: boolean;
      /** A unit word glued to the number: `104.9Gbps` → `Gbps`. */
      suffix?: string;
      /** The currency sign or code printed with it: `$`, `¥`, `USD`. */
      currency?: string;
    }
  | { kind: 'text'; text: string };

const NIL = /^(US\$|[$¥€£])?\s*(?:-{1,2}|–|—|n\/?a|―)$/i;
const NUMBER = /^(\()?\s*([-−])?\s*(US\$|[$¥€£]|JPY|USD)?\s*(\()?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?\s*(%)?\s*(\))?\s*(%)?\s*([A-Za-z][A-Za-z/]*)?$/;

/**
 * Reads one cleaned cell: blank, nil (`-`, `$ —`), a number (parentheses or minus for negatives, a currency sign
 * before it: `$(806)`, `¥1,234`, `$.16`), or other text.
 */
export function parsePrinted(cell: string): Printed {
  const text = cell.trim();
  if (!text) return { kind: 'blank' };
  const nil = NIL.exec(text);
  if (nil) return nil[1] ? { kind: 'nil', text, currency: nil[1] } : { kind: 'nil', text };
  const m = NUMBER.exec(text);
  if (!m) return { kind: 'text', text };
  const [, outer, minus, currency, inner, int, frac, pct, close, pctAfter, suffix] = m;
  const open = outer ?? inner;
  if ((!int && !frac) || (outer && inner) || Boolean(open) !== Boolean(close)) return { kind: 'text', text };
  if (open && minus) return { kind: 'text', text };
  if (pct && pctAfter) return { kind: 'text', text };
  const digits = `${int ? int.replace(/,/g, '') : '0'}${frac ? `.${frac}` : ''}`;
  let value = new Decimal(digits);
  if (open || minus) value = value.negated();
  if (value.isZero()) value = new Decimal(0);
  const printed: Printed = { kind: 'number', text, value, places: frac ? frac.length : 0, percent: Boolean(pct ?? pctAfter), ...(currency ? { currency } : {}) };
  return suffix ? { ...printed, suffix } : printed;
}

/**
 * Applies scale (a power of ten, e.g. 6 for "in millions") and percent (÷100) to a printed number, giving the
 * fact's value and decimals: `19,187` in millions → 19187000000 with decimals -6; `14.4%` → 0.144 with 3.
 */
export function scaleFigure(p: Extract<Printed, { kind: 'number' }>, scale: number, percent: boolean): { value: Decimal; decimals: number } {
  let value = p.value;
  let decimals = p.places;
  if (scale) {
    value = value.times(new Decimal(10).pow(scale));
    decimals -= scale;
  }
  if (percent) {
    value = value.dividedBy(100);
    decimals += 2;
  }
  if (value.isZero()) value = new Decimal(0);
  return { value, decimals };
}

/** Rounds half away from zero to `decimals` places (negative: tens, hundreds…), as printing does. */
export function roundTo(value: Decimal, decimals: number): Decimal {
  if (decimals >= 0) return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const unit = new Decimal(10).pow(-decimals);
  return value.dividedBy(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}

/** True when `precise` (more decimals) could have been printed as `rounded` at `decimals`. */
export function consistentRounding(precise: Decimal, rounded: Decimal, decimals: number): boolean {
  if (roundTo(precise, decimals).equals(rounded)) return true;
  // Half-even or truncating printers: accept anything within half a unit, inclusive.
  const half = new Decimal(10).pow(-decimals).dividedBy(2);
  return precise.minus(rounded).abs().lessThanOrEqualTo(half);
}
