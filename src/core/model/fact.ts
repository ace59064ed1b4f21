import type { Decimal } from 'decimal.js';
import { clark, type QName } from './qname.js';
import { periodKey, type Period } from './period.js';
import { unitKey, type Unit } from './unit.js';
import { nonDimensionalKey, type NonDimensionalContent } from './xml.js';

export interface Entity {
  readonly scheme: string;
  readonly identifier: string;
}

/** Where a fact was printed or written: enough to point a person at it. */
export interface Source {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  /** Release text: the table's title, the row's label and the column's header as printed. */
  readonly table?: string;
  readonly row?: string;
  readonly header?: string;
  /** The text as printed in the cell (e.g. `<b>(2,035)</b>` → `(2,035)`). */
  readonly printed?: string;
}

/** A dimension's value: a member QName (explicit dimension) or the typed member's XML content as text. */
export type DimensionValue = QName | { readonly typed: string };

/** `INF` or a whole number of decimal places (negative: rounded to tens, thousands, millions...). */
export type Decimals = number | 'INF';

/**
 * One fact, shaped like the Open Information Model: concept, entity, period, unit, dimensions, value.
 * Contexts and units are not part of the model: writers derive one per distinct combination.
 */
export interface Fact {
  /** Unique within its report. */
  id: string;
  readonly concept: QName;
  readonly entity: Entity;
  readonly period: Period;
  /** Numeric facts only. */
  readonly unit?: Unit;
  /** Explicit and typed dimensions; empty for none. Keys are dimension QNames. */
  readonly dimensions: ReadonlyMap<QName, DimensionValue>;
  /** Segment and scenario content that is not a dimension member (XBRL 2.1 only); absent for none. */
  readonly nonDimensional?: NonDimensionalContent;
  /** Decimal for numbers, string for text, null for nil. Never a JS number. */
  readonly value: Decimal | string | null;
  /** Numeric, non-nil facts only. */
  readonly decimals?: Decimals;
  /** Text facts only. */
  readonly lang?: string;
  /**
   * Every place this fact was read from (a figure printed in two tables has two). May be a getter that makes
   * them when asked (the XBRL reader's facts): name it when copying a fact (`{ ...f, sources: f.sources }`).
   */
  readonly sources: readonly Source[];
}

/**
 * The key two facts share when they are about the same thing (XBRL duplicates: same concept, c-equal context,
 * unit, language). Non-dimensional segment and scenario content counts: a parent-only figure is not the group's.
 */
export function aspectKey(f: Fact): string {
  const dims = [...f.dimensions]
    .map(([d, v]) => `${clark(d)}=${'typed' in v ? `typed:${v.typed}` : clark(v)}`)
    .sort()
    .join(',');
  return [clark(f.concept), `${f.entity.scheme}#${f.entity.identifier}`, periodKey(f.period), f.unit ? unitKey(f.unit) : '', dims, f.lang ?? '', nonDimensionalKey(f.nonDimensional)].join('|');
}

export function isNumericValue(v: Fact['value']): v is Decimal {
  return v !== null && typeof v !== 'string';
}
