import { clark, formatQName, type QName } from './qname.js';

/** A unit: products of measures in the numerator and (optionally) the denominator, as in OIM. */
export interface Unit {
  readonly numerator: readonly QName[];
  readonly denominator: readonly QName[];
}

/** A stable key: equal units (measure order ignored, as XBRL's u-equal) give equal keys. */
export function unitKey(u: Unit): string {
  const side = (ms: readonly QName[]) => ms.map(clark).sort().join('*');
  return u.denominator.length ? `${side(u.numerator)}/${side(u.denominator)}` : side(u.numerator);
}

export function simpleUnit(measure: QName): Unit {
  return { numerator: [measure], denominator: [] };
}

export function divideUnit(numerator: QName, denominator: QName): Unit {
  return { numerator: [numerator], denominator: [denominator] };
}

/** `iso4217:JPY`, `iso4217:JPY/xbrli:shares`: for people. */
export function formatUnit(u: Unit): string {
  const side = (ms: readonly QName[]) => ms.map(formatQName).join('*');
  return u.denominator.length ? `${side(u.numerator)}/${side(u.denominator)}` : side(u.numerator);
}
