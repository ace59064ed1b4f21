import type { QName } from '../model/qname.js';
import type { RawDts } from './raw.js';

export type PeriodType = 'instant' | 'duration';
export type Balance = 'debit' | 'credit';

/** What kessan needs to know about a concept's data type, resolved through the type's derivation chain. */
export interface ConceptType {
  /** The declared type, e.g. xbrli:monetaryItemType, num:percentItemType, iij:perAdsItemType. */
  readonly name: QName;
  /** The xbrli item types the chain passes through, nearest first (e.g. [num:percentItemType, xbrli:pureItemType]). */
  readonly ancestors: readonly QName[];
  /** The XML Schema built-in at the root of the chain: decimal, string, boolean, date... */
  readonly baseXsd: string;
  readonly numeric: boolean;
  readonly monetary: boolean;
  readonly shares: boolean;
  readonly pure: boolean;
  readonly perShare: boolean;
  readonly textBlock: boolean;
  /** The first type in the chain whose definition was not found (its schema unavailable); absent when fully resolved. */
  readonly unresolved?: QName;
  /** True when the chain past `unresolved` was inferred from a well-known type name (e.g. us-types:perShareItemType). */
  readonly guessed?: boolean;
}

export interface Concept {
  readonly name: QName;
  readonly id?: string;
  readonly type: ConceptType;
  /** xbrli:item, xbrli:tuple, xbrldt:hypercubeItem, xbrldt:dimensionItem, or a derived group's head. */
  readonly substitutionGroup: QName;
  readonly periodType?: PeriodType;
  readonly balance?: Balance;
  readonly abstract: boolean;
  readonly nillable: boolean;
  /** File and line of the declaration. */
  readonly file: string;
  readonly line?: number;
}

/** One resolved relationship (after prohibition and override), in a network identified by arcrole + link role. */
export interface Relationship {
  readonly from: QName;
  readonly to: QName;
  readonly arcrole: string;
  readonly linkrole: string;
  readonly order: number;
  readonly priority: number;
  readonly weight?: number; // calculation
  readonly preferredLabel?: string; // presentation
  /** Other arc attributes that matter to a spec (xbrldt:contextElement, closed, targetRole, usable...). */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly file: string;
  readonly line?: number;
}

export interface Label {
  readonly concept: QName;
  readonly role: string;
  readonly lang: string;
  readonly text: string;
}

export interface RoleType {
  readonly uri: string;
  readonly line?: number;
  readonly definition?: string;
  readonly usedOn: readonly QName[];
  readonly file: string;
}

export interface ArcroleType {
  readonly uri: string;
  readonly line?: number;
  readonly definition?: string;
  readonly cyclesAllowed: 'any' | 'undirected' | 'none';
  readonly usedOn: readonly QName[];
  readonly file: string;
}

export interface Taxonomy {
  /** Entry point(s) and every document discovered from them. */
  readonly entryPoints: readonly string[];
  readonly documents: readonly string[];
  /** Concepts by Clark name `{ns}local`. */
  readonly concepts: ReadonlyMap<string, Concept>;
  readonly roleTypes: ReadonlyMap<string, RoleType>;
  readonly arcroleTypes: ReadonlyMap<string, ArcroleType>;
  /** Effective relationships (prohibited ones removed), grouped by arcrole, then link role. */
  relationships(arcrole: string, linkrole?: string): readonly Relationship[];
  /** Link roles that have at least one relationship of this arcrole. */
  linkroles(arcrole: string): readonly string[];
  /** Labels of a concept, all roles and languages. */
  labels(concept: QName): readonly Label[];
  /** The label text for a role and language, falling back to the standard label, then to any language. */
  label(concept: QName, role?: string, lang?: string): string | undefined;
  concept(name: QName): Concept | undefined;
  /** Documents referenced but not available offline (URL or path), each reported once. */
  readonly unavailable: readonly string[];
  /** The documents as read, for validation rules (optional: taxonomies built other ways may not have it). */
  readonly raw?: RawDts;
}

export const ARCROLE = {
  parentChild: 'http://www.xbrl.org/2003/arcrole/parent-child',
  summationItem: 'http://www.xbrl.org/2003/arcrole/summation-item',
  conceptLabel: 'http://www.xbrl.org/2003/arcrole/concept-label',
  conceptReference: 'http://www.xbrl.org/2003/arcrole/concept-reference',
  generalSpecial: 'http://www.xbrl.org/2003/arcrole/general-special',
  essenceAlias: 'http://www.xbrl.org/2003/arcrole/essence-alias',
  similarTuples: 'http://www.xbrl.org/2003/arcrole/similar-tuples',
  requiresElement: 'http://www.xbrl.org/2003/arcrole/requires-element',
  factFootnote: 'http://www.xbrl.org/2003/arcrole/fact-footnote',
  all: 'http://xbrl.org/int/dim/arcrole/all',
  notAll: 'http://xbrl.org/int/dim/arcrole/notAll',
  hypercubeDimension: 'http://xbrl.org/int/dim/arcrole/hypercube-dimension',
  dimensionDomain: 'http://xbrl.org/int/dim/arcrole/dimension-domain',
  domainMember: 'http://xbrl.org/int/dim/arcrole/domain-member',
  dimensionDefault: 'http://xbrl.org/int/dim/arcrole/dimension-default',
} as const;

export const LABEL_ROLE = {
  standard: 'http://www.xbrl.org/2003/role/label',
  terse: 'http://www.xbrl.org/2003/role/terseLabel',
  verbose: 'http://www.xbrl.org/2003/role/verboseLabel',
  total: 'http://www.xbrl.org/2003/role/totalLabel',
  periodStart: 'http://www.xbrl.org/2003/role/periodStartLabel',
  periodEnd: 'http://www.xbrl.org/2003/role/periodEndLabel',
  documentation: 'http://www.xbrl.org/2003/role/documentation',
  negated: 'http://www.xbrl.org/2009/role/negatedLabel',
  negatedTotal: 'http://www.xbrl.org/2009/role/negatedTotalLabel',
  negatedTerse: 'http://www.xbrl.org/2009/role/negatedTerseLabel',
} as const;

export const DEFAULT_LINKROLE = 'http://www.xbrl.org/2003/role/link';
