/**
 * What one Inline XBRL document holds for the reader (`DocParts`): the header's references and resources,
 * every fact element (with whether it is hidden and its enclosing tuple: element.ts's FactElement), continuations, footnotes and
 * relationships; gathered by stream.ts in one streaming pass. The ix namespaces and Arelle's code sections.
 */
import type { XmlElement } from '../../../core/xml/parse.js';
import { attr } from '../../../core/xml/tree.js';
import type { FactElement } from './element.js';

export const IX10 = 'http://www.xbrl.org/2008/inlineXBRL';
export const IX11 = 'http://www.xbrl.org/2013/inlineXBRL';
export const isIx = (ns: string) => ns === IX10 || ns === IX11;

export type FactKind = 'nonFraction' | 'nonNumeric' | 'fraction' | 'tuple';

export interface DocParts {
  readonly file: string;
  readonly root: XmlElement;
  /** The ix namespace the document uses (the first one met), undefined when it has no ix elements. */
  ixNs?: string;
  /** The last `<base href>` of the document ('' for none): escaped content's URIs are resolved against it. */
  base: string;
  readonly refs: XmlElement[];
  readonly contexts: XmlElement[];
  readonly units: XmlElement[];
  /** Every fact element (tuples too), in document order. */
  readonly facts: FactElement[];
  /** How many of them have no `id`, and how many are tuples (a reader skips what these make unnecessary). */
  factsWithoutId: number;
  tuples: number;
  readonly continuations: XmlElement[];
  readonly footnotes: XmlElement[];
  readonly relationships: XmlElement[];
  readonly headers: XmlElement[];
  /** Every ix element, in document order (their attributes are checked against the Inline XBRL schema). */
  readonly ixElements: XmlElement[];
  /** Every element with an `id` attribute, in document order. */
  readonly ids: XmlElement[];
  /** The ids written more than once in this document (the first element with each keeps it; the others are reported). */
  readonly repeatedIds: ReadonlySet<string>;
}

export const FACT_KINDS: ReadonlyMap<string, FactKind> = new Map((['nonFraction', 'nonNumeric', 'fraction', 'tuple'] as const).map((k) => [k, k]));

/** Arelle's message-code section for an ix element: `ix11.10.1.2` for a nonFraction validation rule, etc. */
export function ixSection(ixNs: string | undefined, element: string, sect: 'constraint' | 'validation'): string {
  const v11: Record<string, [string, string]> = {
    continuation: ['ix11.4.1.1', 'ix11.4.1.2'], exclude: ['ix11.5.1.1', 'ix11.5.1.2'], footnote: ['ix11.6.1.1', 'ix11.6.1.2'],
    fraction: ['ix11.7.1.2', 'ix11.7.1.3'], header: ['ix11.8.1.1', 'ix11.8.1.3'], hidden: ['ix11.9.1.1', 'ix11.9.1.2'],
    nonFraction: ['ix11.10.1.1', 'ix11.10.1.2'], nonNumeric: ['ix11.11.1.1', 'ix11.11.1.2'], references: ['ix11.12.1.1', 'ix11.12.1.2'],
    relationship: ['ix11.13.1.1', 'ix11.13.1.2'], resources: ['ix11.14.1.1', 'ix11.14.1.2'], tuple: ['ix11.15.1.1', 'ix11.15.1.2'],
  };
  const v10: Record<string, [string, string]> = {
    footnote: ['ix10.5.1.1', 'ix10.5.1.2'], fraction: ['ix10.6.1.1', 'ix10.6.1.2'], header: ['ix10.7.1.1', 'ix10.7.1.3'],
    hidden: ['ix10.8.1.1', 'ix10.8.1.2'], nonFraction: ['ix10.9.1.1', 'ix10.9.1.2'], nonNumeric: ['ix10.10.1.1', 'ix10.10.1.2'],
    references: ['ix10.11.1.1', 'ix10.11.1.2'], resources: ['ix10.12.1.1', 'ix10.12.1.2'], tuple: ['ix10.13.1.1', 'ix10.13.1.2'],
  };
  const table = ixNs === IX10 ? v10 : v11;
  const entry = table[element];
  return entry ? entry[sect === 'constraint' ? 0 : 1] : ixNs === IX10 ? 'ix10' : 'ix11';
}

/** The element's `id`, or for ix 1.0 footnotes `footnoteID`. */
export function idOf(el: XmlElement): string | undefined {
  return attr(el, 'id') ?? (el.name.localName === 'footnote' ? attr(el, 'footnoteID') : undefined);
}
