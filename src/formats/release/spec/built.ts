/** What a built taxonomy is made of (build.ts builds it, write.ts lays it out as XML), and names shared by both. */
import { KessanError } from '../../../core/errors.js';
import type { Balance, PeriodType, SpecPlace, SpecRow, SpecTable, TaxonomySpec } from './model.js';

export const STD_ROLES = {
  label: 'http://www.xbrl.org/2003/role/label',
  negated: 'http://www.xbrl.org/2009/role/negatedLabel',
  negatedTerse: 'http://www.xbrl.org/2009/role/negatedTerseLabel',
  negatedTotal: 'http://www.xbrl.org/2009/role/negatedTotalLabel',
  periodStart: 'http://www.xbrl.org/2003/role/periodStartLabel',
  periodEnd: 'http://www.xbrl.org/2003/role/periodEndLabel',
  link: 'http://www.xbrl.org/2003/role/link',
} as const;

/** The negated label roles a concept's negated wordings take, in turn (one wording per role). */
export const NEGATED_ROLES = [STD_ROLES.negated, STD_ROLES.negatedTerse, STD_ROLES.negatedTotal];

const KESSAN_ARCROLE = 'http://kessan.dev/taxonomy/arcrole';
export const ARCROLES = {
  percentOfTotal: `${KESSAN_ARCROLE}/percent-of-total`,
  ratioDenominator: `${KESSAN_ARCROLE}/ratio-denominator`,
  percentChangePriorYear: `${KESSAN_ARCROLE}/percent-change-prior-year`,
  percentChangePriorQuarter: `${KESSAN_ARCROLE}/percent-change-prior-quarter`,
  columnVariant: `${KESSAN_ARCROLE}/column-variant`,
  all: 'http://xbrl.org/int/dim/arcrole/all',
  hypercubeDimension: 'http://xbrl.org/int/dim/arcrole/hypercube-dimension',
  dimensionDomain: 'http://xbrl.org/int/dim/arcrole/dimension-domain',
  domainMember: 'http://xbrl.org/int/dim/arcrole/domain-member',
  dimensionDefault: 'http://xbrl.org/int/dim/arcrole/dimension-default',
} as const;

/** Item types by the spec's short names. */
export const SHORT_TYPES: Record<string, string> = {
  monetary: 'xbrli:monetaryItemType',
  perShare: 'num:perShareItemType',
  shares: 'xbrli:sharesItemType',
  percent: 'num:percentItemType',
  pure: 'xbrli:pureItemType',
  integer: 'xbrli:integerItemType',
  decimal: 'xbrli:decimalItemType',
  text: 'xbrli:stringItemType',
};

export interface BuiltConcept {
  readonly name: string;
  readonly label: string;
  /** The item type as written in the schema (a QName). */
  readonly type: string;
  readonly periodType: PeriodType;
  readonly balance?: Balance;
  readonly abstract: boolean;
  readonly substitutionGroup: string;
}
export interface LabelDef {
  readonly role: string;
  readonly text: string;
}
export interface PresentationArc {
  readonly from: string;
  readonly to: string;
  readonly order: number;
  readonly preferredLabel?: string;
}
export interface CalculationArc {
  readonly from: string;
  readonly to: string;
  readonly order: number;
  readonly weight: 1 | -1;
}
export interface DefinitionArc {
  readonly arcrole: string;
  readonly from: string;
  readonly to: string;
  readonly order: number;
  /** XDT attributes (`xbrldt:closed`, `xbrldt:contextElement`) in order. */
  readonly attributes?: readonly (readonly [string, string])[];
}
export interface Network {
  readonly table: SpecTable;
  readonly role: string;
  readonly labelRole: string;
  readonly root: string;
  readonly presentation: readonly PresentationArc[];
  readonly calculation: readonly CalculationArc[];
  /** Definition arcs in the table's link role: dimensions and column variants. */
  readonly definition: readonly DefinitionArc[];
}
export interface BuiltTaxonomy {
  readonly spec: TaxonomySpec;
  /** Concepts the schema declares, in order. */
  readonly concepts: readonly BuiltConcept[];
  /** Concept key (local name, or `prefix:Name` of a base taxonomy) → its labels, standard first. */
  readonly labels: ReadonlyMap<string, readonly LabelDef[]>;
  readonly networks: readonly Network[];
  /** Definition arcs in the default link role: ratio concepts, dimension defaults. */
  readonly definitionArcs: readonly DefinitionArc[];
}

export function roleUri(spec: TaxonomySpec, tableId: string): string {
  return `${spec.namespace}/role/${tableId}`;
}
export function tableLabelRole(spec: TaxonomySpec, tableId: string): string {
  return `${spec.namespace}/role/label/${tableId}`;
}
/** The role of the other wordings a row is printed with (`aliases`). */
export function aliasRole(spec: TaxonomySpec): string {
  return `${spec.namespace}/role/alias`;
}

/** A problem with the spec, at a place of it. */
export function specError(spec: TaxonomySpec, message: string, place?: SpecPlace): KessanError {
  return new KessanError('kessan:specInvalid', `the taxonomy spec is not valid: ${message}`, { file: spec.file, ...(place ? { line: place.line, column: place.column } : {}) }, 2);
}

/** Concepts and labels as they are built up, shared by the derivations (ratios, columns). */
export interface Builder {
  readonly spec: TaxonomySpec;
  readonly concepts: Map<string, BuiltConcept>;
  readonly labels: Map<string, LabelDef[]>;
  /** Base-taxonomy concepts that have labels here, in order of first use. */
  readonly baseConcepts: string[];
  addConcept(c: BuiltConcept, place?: SpecPlace): void;
  addLabel(concept: string, role: string, text: string, place?: SpecPlace): string;
  /** The concept's period type and type (base concepts: unknown, undefined). */
  concept(key: string): BuiltConcept | undefined;
  /** Whether `key` names a concept of the spec or of an imported base taxonomy. */
  known(key: string): boolean;
}

export function visitRows(rows: readonly SpecRow[], fn: (r: SpecRow) => void): void {
  for (const r of rows) {
    fn(r);
    if (r.kind === 'heading') visitRows(r.rows, fn);
  }
}

/** Every line row's concept of a table, in printed order, each once. */
export function lineConcepts(table: SpecTable): string[] {
  const out: string[] = [];
  visitRows(table.rows, (r) => {
    if (r.kind === 'line' && !out.includes(r.concept)) out.push(r.concept);
  });
  return out;
}
