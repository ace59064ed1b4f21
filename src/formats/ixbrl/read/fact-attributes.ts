/**
 * The attributes the reader takes from a fact element, read at once. An element built by stream.ts keeps its
 * attribute names shared with the elements of its shape (element.ts): where each of these attributes is among
 * them is worked out once per shape, so a fact's values are read by position instead of by a search of its
 * names for each of them (a dozen searches a fact).
 */
import { NS } from '../../../core/model/qname.js';
import type { XmlElement } from '../../../core/xml/parse.js';
import { Element } from './element.js';

const XSI_NIL = `{${NS.xsi}}nil`;

/**
 * The attributes by name (`nil`: `xsi:nil`); undefined when the element does not have one. One object is filled
 * again for each fact (`readFactAttributes`): a new one per fact was 17 MB of garbage at 100,000 facts.
 */
export class FactAttributes {
  name: string | undefined = undefined;
  id: string | undefined = undefined;
  contextRef: string | undefined = undefined;
  unitRef: string | undefined = undefined;
  format: string | undefined = undefined;
  scale: string | undefined = undefined;
  sign: string | undefined = undefined;
  decimals: string | undefined = undefined;
  precision: string | undefined = undefined;
  nil: string | undefined = undefined;
  tupleRef: string | undefined = undefined;
  order: string | undefined = undefined;
  footnoteRefs: string | undefined = undefined;
}

/** The keys of the attributes, in FactAttributes' order. */
const KEYS = ['name', 'id', 'contextRef', 'unitRef', 'format', 'scale', 'sign', 'decimals', 'precision', XSI_NIL, 'tupleRef', 'order', 'footnoteRefs'] as const;

const ID = KEYS.indexOf('id');

/** Each key's position among a shape's names (-1: absent), by the shape's shared list of names. */
const slotsByNames = new WeakMap<readonly string[], readonly number[]>();

/** The names asked for last (neighbouring facts mostly share them) and their slots. */
let lastNames: readonly string[] | undefined;
let lastSlots: readonly number[] = [];

function slotsOf(names: readonly string[]): readonly number[] {
  if (names === lastNames) return lastSlots;
  let slots = slotsByNames.get(names);
  if (!slots) slotsByNames.set(names, (slots = KEYS.map((k) => names.indexOf(k))));
  lastNames = names;
  return (lastSlots = slots);
}

/** A fact element's attributes that the reader uses, read into `into` (every member set), which is returned. */
export function readFactAttributes(el: XmlElement, into: FactAttributes): FactAttributes {
  if (!(el instanceof Element)) {
    const a = el.attributes;
    [into.name, into.id, into.contextRef, into.unitRef, into.format, into.scale, into.sign, into.decimals, into.precision, into.nil, into.tupleRef, into.order, into.footnoteRefs] = KEYS.map((k) => a.get(k));
    return into;
  }
  // Each value read in place, by the shape's slots.
  const s = slotsOf(el.keyList);
  into.name = valueIn(el, s[0]!);
  into.id = valueIn(el, s[1]!);
  into.contextRef = valueIn(el, s[2]!);
  into.unitRef = valueIn(el, s[3]!);
  into.format = valueIn(el, s[4]!);
  into.scale = valueIn(el, s[5]!);
  into.sign = valueIn(el, s[6]!);
  into.decimals = valueIn(el, s[7]!);
  into.precision = valueIn(el, s[8]!);
  into.nil = valueIn(el, s[9]!);
  into.tupleRef = valueIn(el, s[10]!);
  into.order = valueIn(el, s[11]!);
  into.footnoteRefs = valueIn(el, s[12]!);
  return into;
}

/** A fact element's `id` (factAttributes(el).id without the rest). */
export function xmlIdOf(el: XmlElement): string | undefined {
  return el instanceof Element ? valueIn(el, slotsOf(el.keyList)[ID]!) : el.attributes.get('id');
}

const valueIn = (el: Element, i: number): string | undefined => (i < 0 ? undefined : el.valueAt(i));
