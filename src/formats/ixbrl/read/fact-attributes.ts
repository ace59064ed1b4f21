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

/** The attributes by name (`nil`: `xsi:nil`); undefined when the element does not have one. */
export class FactAttributes {
  constructor(
    readonly name: string | undefined,
    readonly id: string | undefined,
    readonly contextRef: string | undefined,
    readonly unitRef: string | undefined,
    readonly format: string | undefined,
    readonly scale: string | undefined,
    readonly sign: string | undefined,
    readonly decimals: string | undefined,
    readonly precision: string | undefined,
    readonly nil: string | undefined,
    readonly tupleRef: string | undefined,
    readonly order: string | undefined,
    readonly footnoteRefs: string | undefined,
  ) {}
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

/** A fact element's attributes that the reader uses. */
export function factAttributes(el: XmlElement): FactAttributes {
  if (!(el instanceof Element)) {
    const a = el.attributes;
    const [n, i, c, u, f, sc, sg, d, p, nil, t, o, fr] = KEYS.map((k) => a.get(k));
    return new FactAttributes(n, i, c, u, f, sc, sg, d, p, nil, t, o, fr);
  }
  // Each value read in place (a helper closing over `el` and the slots was an object per fact).
  const s = slotsOf(el.keyList);
  return new FactAttributes(
    valueIn(el, s[0]!), valueIn(el, s[1]!), valueIn(el, s[2]!), valueIn(el, s[3]!), valueIn(el, s[4]!), valueIn(el, s[5]!), valueIn(el, s[6]!),
    valueIn(el, s[7]!), valueIn(el, s[8]!), valueIn(el, s[9]!), valueIn(el, s[10]!), valueIn(el, s[11]!), valueIn(el, s[12]!),
  );
}

/** A fact element's `id` (factAttributes(el).id without the rest). */
export function xmlIdOf(el: XmlElement): string | undefined {
  return el instanceof Element ? valueIn(el, slotsOf(el.keyList)[ID]!) : el.attributes.get('id');
}

const valueIn = (el: Element, i: number): string | undefined => (i < 0 ? undefined : el.valueAt(i));
