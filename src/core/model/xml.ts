import { clark, type QName } from './qname.js';

/**
 * A piece of XML kept as data: what a fact's context holds that the model has no aspect for (segment and
 * scenario content other than dimension members), typed dimension members and footnotes as the instance
 * reader keeps them. Read-only: readers build it, nobody changes it afterwards. The one XML element type:
 * the parser's tree (`XmlElement`, core/xml/parse.ts) is an XmlNode with its parent and declarations.
 */
export interface XmlNode {
  readonly name: QName;
  /** Attributes by Clark name (`{ns}local`, or plain `local` when unqualified), xmlns declarations excluded. */
  readonly attributes: ReadonlyMap<string, string>;
  /** Child elements and text, in document order. */
  readonly children: readonly (XmlNode | string)[];
  /** 1-based line and column of the element's start tag `<`. */
  readonly line: number;
  readonly column: number;
  /** Namespaces in scope on the element (prefix → URI, '' = default): to resolve QName-valued content. */
  readonly nsScope?: ReadonlyMap<string, string>;
}

/**
 * A context's segment and scenario content that is not an XBRL Dimensions member (`xbrldi:explicitMember`,
 * `xbrldi:typedMember`): XBRL 2.1's own way to qualify a fact, such as TDnet's
 * `<xbrli:scenario><tse-oe-ed:NonConsolidated/></xbrli:scenario>` for parent-only figures. It is part of the
 * fact's identity (two facts that differ only in it are different facts). The Open Information Model has no
 * place for it: xBRL-JSON and xBRL-CSV cannot carry it (`xbrlxe:nonDimensionalSegmentScenarioContent`).
 */
export interface NonDimensionalContent {
  /** The file the context was read from; each node has its line and column. */
  readonly file: string;
  /** The child elements of `xbrli:segment` other than dimension members, in document order. */
  readonly segment: readonly XmlNode[];
  /** The same for `xbrli:scenario`. */
  readonly scenario: readonly XmlNode[];
}

/** The content as one frozen object, or undefined when both lists are empty (the usual case: no content). */
export function nonDimensionalContent(file: string, segment: readonly XmlNode[], scenario: readonly XmlNode[]): NonDimensionalContent | undefined {
  if (segment.length === 0 && scenario.length === 0) return undefined;
  return Object.freeze({ file, segment: Object.freeze([...segment]), scenario: Object.freeze([...scenario]) });
}

const keys = new WeakMap<NonDimensionalContent, string>();

/**
 * A key that two contents share when their segments and scenarios are s-equal as XBRL 2.1 §4.10 defines it
 * without a schema: the same elements (by namespace and local name, never by prefix) in the same order, the
 * same attributes in any order, the same text trimmed at its edges, whitespace between elements ignored.
 * Values compare as text (a schema would make `1.0` equal `1`; a fact carries no schema). '' for none.
 * Computed once per content object: a reader shares one object among a context's facts.
 */
export function nonDimensionalKey(c: NonDimensionalContent | undefined): string {
  if (!c) return '';
  let k = keys.get(c);
  if (k === undefined) keys.set(c, (k = JSON.stringify([c.segment.map(canonical), c.scenario.map(canonical)])));
  return k;
}

type Canonical = [string, [string, string][], ...(Canonical | string)[]];

function canonical(n: XmlNode): Canonical {
  const attrs = [...n.attributes].map(([a, v]): [string, string] => [a, v.trim()]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Canonical = [clark(n.name), attrs];
  for (const c of n.children) {
    if (typeof c !== 'string') out.push(canonical(c));
    else if (c.trim() !== '') out.push(c.trim());
  }
  return out;
}
