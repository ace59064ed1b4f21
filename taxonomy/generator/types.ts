/** Declarative description of the IIJ 2004 taxonomy: concepts, tables (presentation rows) and summations. */

export const TARGET_NS = 'http://kessan.dev/taxonomy/iij/2004';
export const PREFIX = 'iij';
export const FILE_BASE = 'iij-2004';
export const ROLE_BASE = `${TARGET_NS}/role`;
export const LABEL_ROLE_BASE = `${TARGET_NS}/role/label`;
export const ARCROLE_BASE = 'http://kessan.dev/taxonomy/arcrole';

export const ARCROLES = {
  percentOfTotal: `${ARCROLE_BASE}/percent-of-total`,
  ratioDenominator: `${ARCROLE_BASE}/ratio-denominator`,
  percentChangePriorYear: `${ARCROLE_BASE}/percent-change-prior-year`,
  percentChangePriorQuarter: `${ARCROLE_BASE}/percent-change-prior-quarter`,
} as const;

export const STD_ROLES = {
  label: 'http://www.xbrl.org/2003/role/label',
  negated: 'http://www.xbrl.org/2009/role/negatedLabel',
  periodStart: 'http://www.xbrl.org/2003/role/periodStartLabel',
  periodEnd: 'http://www.xbrl.org/2003/role/periodEndLabel',
  link: 'http://www.xbrl.org/2003/role/link',
  labelLinkbaseRef: 'http://www.xbrl.org/2003/role/labelLinkbaseRef',
  presentationLinkbaseRef: 'http://www.xbrl.org/2003/role/presentationLinkbaseRef',
  calculationLinkbaseRef: 'http://www.xbrl.org/2003/role/calculationLinkbaseRef',
  definitionLinkbaseRef: 'http://www.xbrl.org/2003/role/definitionLinkbaseRef',
} as const;

/** Kinds of concept; each maps to one XBRL item type (see schema.ts). */
export type ConceptKind =
  | 'monetary'
  | 'percent'
  | 'perShare'
  | 'perAds'
  | 'shares'
  | 'ads'
  | 'bandwidth'
  | 'integer'
  | 'text'
  | 'abstract';

export type PeriodType = 'instant' | 'duration';
export type Balance = 'debit' | 'credit';

export interface ConceptDef {
  readonly name: string;
  /** Standard label (http://www.xbrl.org/2003/role/label, en). */
  readonly label: string;
  readonly kind: ConceptKind;
  readonly periodType: PeriodType;
  readonly balance?: Balance;
}

/** How a row shows its concept. */
export type RowLabelKind = 'plain' | 'negated' | 'periodStart' | 'periodEnd';

export interface RowDef {
  readonly concept: string;
  /** The row label exactly as printed, after markup removal (rule 3 of taxonomy/README.md). */
  readonly text: string;
  readonly show: RowLabelKind;
  /** For heading rows (abstract concepts): the rows under them, in printed order. */
  readonly children?: readonly RowDef[];
  /** Standard label of a heading row's abstract concept (defaults to the text without a trailing colon). */
  readonly headingLabel?: string;
}

/** total = sum of weight * item. */
export interface Summation {
  readonly total: string;
  readonly items: readonly (readonly [concept: string, weight: 1 | -1])[];
  /** Holds only within the rounding of the printed figures (documented in README). */
  readonly roundingOnly?: string;
}

export interface RatioColumns {
  readonly percentOf?: 'Revenues' | 'Assets';
  readonly priorYear: boolean;
  readonly priorQuarter: boolean;
}

export interface TableDef {
  readonly id: string;
  /** The table's title as printed in the release. */
  readonly title: string;
  readonly ratios?: RatioColumns;
  readonly rows: readonly RowDef[];
  readonly summations: readonly Summation[];
  /** Rows whose ratio cells are empty: no ratio concepts are generated for them from this table. */
  readonly noRatioRows?: readonly string[];
}

// Row builders, to keep table definitions short.
export const row = (concept: string, text: string): RowDef => ({ concept, text, show: 'plain' });
export const neg = (concept: string, text: string): RowDef => ({ concept, text, show: 'negated' });
export const start = (concept: string, text: string): RowDef => ({ concept, text, show: 'periodStart' });
export const end = (concept: string, text: string): RowDef => ({ concept, text, show: 'periodEnd' });
export const heading = (concept: string, text: string, children: readonly RowDef[], headingLabel?: string): RowDef =>
  headingLabel === undefined
    ? { concept, text, show: 'plain', children }
    : { concept, text, show: 'plain', children, headingLabel };

/** `sum('Total', 'A', '-B')`: Total = A - B. */
export function sum(total: string, ...items: string[]): Summation {
  return {
    total,
    items: items.map((i) => (i.startsWith('-') ? ([i.slice(1), -1] as const) : ([i, 1] as const))),
  };
}

export function roleUri(tableId: string): string {
  return `${ROLE_BASE}/${tableId}`;
}

export function tableLabelRole(tableId: string): string {
  return `${LABEL_ROLE_BASE}/${tableId}`;
}
