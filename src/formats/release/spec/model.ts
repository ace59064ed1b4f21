/**
 * A taxonomy spec: a company's release taxonomy said declaratively (YAML or JSON, checked against
 * schemas/taxonomy-spec.schema.json). `kessan taxonomy build` turns it into XBRL files; `kessan init` drafts one
 * from a release. docs/taxonomy-spec.md describes every field, with taxonomy/iij/iij-2004.spec.yaml as the example.
 */

/** Short names of the item types a concept may have; any other `prefix:name` is a type of the spec or a base taxonomy. */
export const CONCEPT_TYPES = ['monetary', 'perShare', 'shares', 'percent', 'pure', 'integer', 'decimal', 'text'] as const;
export type ConceptTypeName = (typeof CONCEPT_TYPES)[number];

export type PeriodType = 'instant' | 'duration';
export type Balance = 'debit' | 'credit';

/** Where a piece of the spec was written (1-based), for messages. */
export interface SpecPlace {
  readonly line: number;
  readonly column: number;
}

export interface SpecConcept {
  readonly name: string;
  /** Standard label (http://www.xbrl.org/2003/role/label, `lang`). */
  readonly label: string;
  /** A short type name, or a QName (`iij:perAdsItemType`, `num:percentItemType`). */
  readonly type: string;
  readonly period: PeriodType;
  readonly balance?: Balance;
  /** Other wordings the company prints for the row (next quarter's release, say): labels the reader matches too. */
  readonly aliases?: readonly string[];
  /** kessan init's notes for the reader of the draft (not written to the taxonomy). */
  readonly note?: string;
}

/** A custom item type (a restriction of an XBRL item type), with the unit its facts take. */
export interface SpecType {
  readonly name: string;
  readonly base: string;
  readonly documentation?: string;
  /** The unit, as the profile's `typeUnits` says it: `{currency}/iij:ADS`, `iij:Gbps`. */
  readonly unit?: string;
}

/** A base taxonomy the spec's concepts may come from (by QName), imported by its official URL. */
export interface SpecImport {
  readonly prefix: string;
  readonly namespace: string;
  readonly schemaLocation: string;
}

export type RowShow = 'plain' | 'negated' | 'periodStart' | 'periodEnd';

/** A row of a table: a concept shown with the label printed, or a heading (an abstract concept) with rows under it. */
export type SpecRow = SpecLineRow | SpecHeadingRow;

export interface SpecLineRow {
  readonly kind: 'line';
  readonly concept: string;
  /** The row label as printed (markup and footnote marks removed). */
  readonly label: string;
  readonly show: RowShow;
  readonly place?: SpecPlace;
}

export interface SpecHeadingRow {
  readonly kind: 'heading';
  readonly concept: string;
  readonly label: string;
  /** The abstract concept's standard label; by default the printed label without a trailing colon. */
  readonly standardLabel?: string;
  readonly rows: readonly SpecRow[];
  readonly place?: SpecPlace;
}

/** total = Σ weight × item (weights ±1). */
export interface SpecCalculation {
  readonly total: string;
  readonly items: readonly { readonly concept: string; readonly weight: 1 | -1 }[];
  /** Holds only within the rounding of the printed figures: why (documentation only). */
  readonly rounding?: string;
  readonly place?: SpecPlace;
}

/** Ratio columns a table prints beside its amounts: ratio concepts are derived for its rows. */
export interface SpecRatios {
  /** "% of total" columns: the concept of the denominator (Revenues, Assets). */
  readonly percentOf?: string;
  readonly changePriorYear?: boolean;
  readonly changePriorQuarter?: boolean;
  /** Rows whose ratio cells the table leaves empty: no ratio concepts from this table. */
  readonly except?: readonly string[];
}

/** What a column heading other than a period means: a dimension member, a variant concept, or the rows' own figures. */
export type SpecColumn =
  | { readonly heading: string; readonly member: string }
  | { readonly heading: string; readonly variant: string }
  | { readonly heading: string; readonly amounts: true };

export interface SpecTable {
  readonly id: string;
  /** The table's title as printed (the network's role definition). */
  readonly title: string;
  readonly rows: readonly SpecRow[];
  readonly calculations: readonly SpecCalculation[];
  readonly ratios?: SpecRatios;
  readonly columns?: readonly SpecColumn[];
  readonly place?: SpecPlace;
}

/**
 * A variant of the rows' concepts printed in its own column ("Earnings Per Share" beside "Pretax"): concept
 * `<row concept><suffix>` of the given type, for every line row of the tables that print the column.
 */
export interface SpecVariant {
  readonly name: string;
  readonly suffix: string;
  /** Appended to the row concept's standard label: "<label>, <label of the variant>". */
  readonly label: string;
  readonly type: string;
  /** Rows printed in the column with their own concept (a share count in a per-share column). */
  readonly except?: readonly string[];
}

export interface SpecMember {
  readonly name: string;
  readonly label: string;
  /** The member it is part of (a sub-segment); by default the domain. */
  readonly parent?: string;
}

/** An explicit dimension: its axis, its domain (the default: figures printed with no member) and members. */
export interface SpecDimension {
  readonly axis: string;
  readonly label: string;
  readonly domain: { readonly name: string; readonly label: string };
  readonly members: readonly SpecMember[];
}

export interface TaxonomySpec {
  /** The file it was read from (absolute), for messages. */
  readonly file: string;
  readonly namespace: string;
  readonly prefix: string;
  /** Base of the file names: `<name>.xsd`, `<name>_lab.xml`… */
  readonly name: string;
  /** Label language (default en). */
  readonly lang: string;
  readonly imports: readonly SpecImport[];
  readonly types: readonly SpecType[];
  readonly concepts: readonly SpecConcept[];
  readonly dimensions: readonly SpecDimension[];
  readonly variants: readonly SpecVariant[];
  readonly tables: readonly SpecTable[];
  /** Where each concept, table… was written: key `concept:<name>`, `table:<id>`. */
  readonly places: ReadonlyMap<string, SpecPlace>;
}
