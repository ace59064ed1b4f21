import type { Decimals, DimensionValue, Entity } from '../model/fact.js';
import type { Period } from '../model/period.js';
import type { QName } from '../model/qname.js';
import type { Unit } from '../model/unit.js';
import type { Report } from '../model/report.js';
import type { NonDimensionalContent, XmlNode } from '../model/xml.js';

/**
 * What an XBRL 2.1 instance document says beyond the OIM facts, kept beside the Report for validation and for
 * writing the document back: contexts, units, each fact's raw attributes, tuples, footnotes, references, all
 * with their positions. Produced by the instance reader in one streaming pass (no DOM).
 */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A piece of XML kept as data (segment/scenario content, typed members, footnote XHTML): part of the fact model. */
export type { XmlNode };

export interface ContextInfo extends Position {
  readonly id: string;
  readonly entity: Entity;
  /** The entity identifier's raw text and scheme as written (before whitespace collapsing). */
  readonly identifierRaw: string;
  /** Parsed period; undefined when a date is lexically invalid (then `periodRaw` says what was written). */
  readonly period?: Period;
  readonly periodRaw: { readonly instant?: string; readonly startDate?: string; readonly endDate?: string; readonly forever?: boolean };
  /** Whether start/end/instant carried a time part (`2004-09-30T00:00:00`): matters for period arithmetic. */
  readonly hasTime?: boolean;
  readonly segment?: readonly XmlNode[];
  readonly scenario?: readonly XmlNode[];
  /** The segment's and scenario's content other than xbrldi members: the Report's facts carry it. */
  readonly nonDimensional?: NonDimensionalContent;
  /** xbrldi:explicitMember / typedMember found in segment or scenario, with where they were. */
  readonly dimensions: ReadonlyMap<QName, DimensionValue>;
  readonly dimensionContainers: ReadonlyMap<QName, 'segment' | 'scenario'>;
  /** xbrldi members that could not be read (unresolvable QName, typed member without exactly one element, a dimension given twice); left out of `dimensions`. */
  readonly dimensionProblems?: readonly (Position & { readonly container: 'segment' | 'scenario'; readonly message: string })[];
}

export interface UnitInfo extends Position {
  readonly id: string;
  /** Undefined when a measure QName could not be resolved (raw text in `measuresRaw`). */
  readonly unit?: Unit;
  readonly measuresRaw: readonly string[];
  readonly divide: boolean;
}

/** One item or tuple element as written. */
export interface FactInfo extends Position {
  /** The Report fact's id (items only; tuples have their own ids here). */
  readonly factId: string;
  readonly element: QName;
  readonly kind: 'item' | 'tuple';
  /** `@id` as written, if any. */
  readonly xmlId?: string;
  readonly contextRef?: string;
  readonly unitRef?: string;
  readonly decimalsRaw?: string;
  readonly precisionRaw?: string;
  readonly nilRaw?: string;
  /** The value's text as written (items), before whitespace handling. */
  readonly valueRaw?: string;
  /** Child elements of an item (an item must have none: XBRL 2.1 4.6). */
  readonly hasChildElements?: boolean;
  /** The item's content (text and elements) when it has child elements. */
  readonly content?: readonly (XmlNode | string)[];
  /**
   * Why an item is not among the Report's facts (which need an entity, a period and, with a unitRef, a unit):
   * its contextRef names no context, the context's period could not be read, its unitRef names no unit, or
   * the unit's measures could not be resolved. Undefined for items that are in the Report (and for tuples).
   */
  readonly notInReport?: 'contextMissing' | 'periodInvalid' | 'unitMissing' | 'unitInvalid';
  /** The enclosing tuple's factId, if any; and for tuples, their children's factIds in order. */
  readonly parent?: string;
  readonly children?: readonly string[];
  /** Other attributes by Clark name (e.g. xml:lang), xmlns declarations excluded. */
  readonly attributes: ReadonlyMap<string, string>;
}

export interface HrefRef extends Position {
  readonly href: string;
  readonly role?: string;
  readonly arcrole?: string;
  readonly kind: 'schemaRef' | 'linkbaseRef' | 'roleRef' | 'arcroleRef';
  /** The element's name as written (with its prefix), when known. */
  readonly name?: QName;
  readonly roleURI?: string;
  readonly arcroleURI?: string;
  /** The `xml:base` values in scope (the root's, then the element's own), outermost first; absent when none. */
  readonly xmlBase?: readonly string[];
}

export interface Footnote extends Position {
  readonly label: string;
  readonly role?: string;
  readonly lang?: string;
  readonly id?: string;
  readonly content: readonly (XmlNode | string)[];
}

export interface FootnoteArc extends Position {
  readonly from: string;
  readonly to: string;
  readonly arcrole: string;
  readonly order?: string;
}

export interface FootnoteLink extends Position {
  readonly role: string;
  /** Locators: label → href (`#factXmlId` or `doc#id`). */
  readonly locators: readonly (Position & { readonly label: string; readonly href: string })[];
  readonly footnotes: readonly Footnote[];
  readonly arcs: readonly FootnoteArc[];
}

export interface InstanceDocument {
  readonly file: string;
  /** The root element's name (should be xbrli:xbrl) and where it was. */
  readonly root: QName;
  /** Namespace declarations in scope on the root, prefix → URI ('' = default). */
  readonly namespaces: ReadonlyMap<string, string>;
  readonly refs: readonly HrefRef[];
  /** How many of `refs` come before any other top-level element: the ones DTS discovery follows (§3.2). */
  readonly leadingRefs: number;
  readonly contexts: ReadonlyMap<string, ContextInfo>;
  readonly units: ReadonlyMap<string, UnitInfo>;
  /** Items and tuples in document order. */
  readonly facts: readonly FactInfo[];
  readonly footnoteLinks: readonly FootnoteLink[];
  /** Every `@id` in the document with its element and position (for ID uniqueness and footnote locators). */
  readonly ids: ReadonlyMap<string, readonly (Position & { readonly element: QName })[]>;
  /** Top-level children of the root in order, by name (structure checks: schemaRef first, etc.). */
  readonly topLevel: readonly (Position & { readonly name: QName })[];
}

/** A Report read from an XBRL instance: the facts plus the document beside them. */
export interface InstanceReport extends Report {
  readonly instance: InstanceDocument;
}

export type { Decimals };
