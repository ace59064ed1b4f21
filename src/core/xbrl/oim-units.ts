/**
 * OIM's unit string (xBRL-JSON and xBRL-CSV): `a`, `a*b`, `a/b`, `(a*b)/(c*d)`, parentheses exactly when a side of
 * a division has several measures, measures sorted. xbrli:pure alone is written by leaving the unit out.
 */
import { clark, NS, type QName } from '../model/qname.js';
import type { Unit } from '../model/unit.js';
import { QNAME } from './oim.js';

const PURE = clark({ namespace: NS.xbrli, localName: 'pure' });

export function isPureUnit(u: Unit): boolean {
  return u.denominator.length === 0 && u.numerator.length === 1 && clark(u.numerator[0]!) === PURE;
}

/** A unit as OIM writes it, with `name` giving each measure's prefixed name. Undefined for a unit without measures. */
export function oimUnitString(u: Unit, name: (q: QName) => string): string | undefined {
  const side = (ms: readonly QName[]) => {
    const names = ms.map(name).sort();
    return names.length > 1 ? `(${names.join('*')})` : names.join('*');
  };
  if (u.numerator.length === 0) return undefined;
  if (u.denominator.length === 0) return u.numerator.map(name).sort().join('*');
  return `${side(u.numerator)}/${side(u.denominator)}`;
}

/**
 * The measures of a unit string, as prefixed names (numerator, denominator); undefined when it is not OIM's
 * representation (`oimce:invalidUnitStringRepresentation`). The names are not resolved here.
 */
export function parseOimUnitString(s: string): { numerator: string[]; denominator: string[] } | undefined {
  const slash = s.indexOf('/');
  const sides = slash < 0 ? [s] : [s.slice(0, slash), s.slice(slash + 1)];
  const out: string[][] = [];
  for (const side of sides) {
    const paren = side.startsWith('(') && side.endsWith(')');
    const names = (paren ? side.slice(1, -1) : side).split('*');
    if (paren ? names.length < 2 : names.length > 1 && slash >= 0) return undefined;
    if (!names.every((n) => QNAME.test(n))) return undefined;
    out.push(names);
  }
  return { numerator: out[0]!, denominator: out[1] ?? [] };
}
