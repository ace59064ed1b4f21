/**
 * The elements the streaming reader (stream.ts) builds: `XmlElement`s made to be many. A report's facts are
 * ~100,000 elements alive together until the set is read, and with V8's young generation at 2 MiB (the
 * command's setting) every byte kept alive is copied twice by the scavenger: their size is their cost.
 * - An element is its own attribute map (`el.attributes === el`), its values in the document's one list of
 *   them: no map and no array apiece.
 * - Attribute names are kept once for all the elements that have the same names in the same order (a
 *   `Shape`, as a JavaScript engine shares an object's layout): an element keeps only its values.
 * - A lone text child is kept as the string, other children in an array made with the first (`[]` grows to
 *   17 slots on its first push).
 */
import type { QName } from '../../../core/model/qname.js';
import type { XmlElement } from '../../../core/xml/parse.js';
import type { FactKind } from './collect.js';

/** Attribute names in order, shared; `next` leads to the shape with one name more. */
class Shape {
  readonly next = new Map<string, Shape>();
  /** The last transition taken (most elements repeat their neighbour's names): compared before `next` is hashed. */
  lastKey = '';
  lastNext: Shape | undefined;
  /** The values the last element of this shape had, to reuse when the next has the same. */
  readonly lastValues: string[] = [];
  constructor(readonly keys: readonly string[]) {}
}

/**
 * The attribute names the reader asks for, as the reader's own strings: a name compared with one of these is
 * then the same string (one pointer comparison), not a copy compared character by character.
 */
const KNOWN = new Map(
  [
    'id', 'name', 'contextRef', 'unitRef', 'decimals', 'precision', 'format', 'scale', 'sign', 'order', 'target', 'tupleRef', 'tupleID',
    'continuedAt', 'escape', 'footnoteRefs', 'footnoteID', 'footnoteRole', 'footnoteLinkRole', 'arcrole', 'linkRole', 'fromRefs', 'toRefs', 'title', 'href',
  ].map((k) => [k, k]),
);

/** Attributes beyond this many get names of their own (an element with thousands would make thousands of shapes). */
const MAX_SHARED = 16;
/** Shapes made per document at most (odd documents could make one per element). */
const MAX_SHAPES = 10_000;

/**
 * The shapes of one document: `shape(names, values, n)` gives the shared names for `names[0..n)`, and makes
 * each value that `shared(name, value)` allows one shared string (the last element's when it is the same,
 * else `intern`'s), so that the copies the parser makes die young.
 */
export function shapes(shared: (name: string, value: string) => boolean, intern: (value: string) => string): (names: readonly string[], values: string[], n: number) => readonly string[] {
  const root = new Shape([]);
  let count = 0;
  return (names, values, n) => {
    if (n > MAX_SHARED) {
      for (let i = 0; i < n; i++) if (shared(names[i]!, values[i]!)) values[i] = intern(values[i]!);
      return names.slice(0, n);
    }
    let s = root;
    for (let i = 0; i < n; i++) {
      const key = names[i]!;
      let t = s.lastKey === key ? s.lastNext : s.next.get(key);
      if (t === undefined) {
        if (count >= MAX_SHAPES) {
          for (let j = 0; j < n; j++) if (shared(names[j]!, values[j]!)) values[j] = intern(values[j]!);
          return names.slice(0, n);
        }
        count++;
        s.next.set(key, (t = new Shape([...s.keys, KNOWN.get(key) ?? key])));
      }
      s.lastKey = key;
      s.lastNext = t;
      s = t;
    }
    const last = s.lastValues;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v === last[i]) values[i] = last[i]!;
      else if (shared(names[i]!, v)) values[i] = last[i] = intern(v);
    }
    return s.keys;
  };
}

const NO_CHILDREN: (XmlElement | string)[] = [];
Object.freeze(NO_CHILDREN);

export class Element implements XmlElement, ReadonlyMap<string, string> {
  /** The children; a lone text child (most facts' content) is kept as the string itself. */
  private kids: (XmlElement | string)[] | string = NO_CHILDREN;
  constructor(
    readonly name: QName,
    /** The attribute names, in document order (shared with the elements of the same shape). */
    readonly keyList: readonly string[],
    /** Where the values are: the document's one list of attribute values, from `start` (one array less apiece). */
    private readonly store: readonly string[],
    private readonly start: number,
    readonly parent: Element | undefined,
    readonly line: number,
    readonly column: number,
    readonly nsScope: ReadonlyMap<string, string>,
  ) {}

  get children(): (XmlElement | string)[] {
    const k = this.kids;
    return typeof k === 'string' ? [k] : k;
  }

  /** The content when it is one text node, else undefined. */
  onlyText(): string | undefined {
    const k = this.kids;
    return typeof k === 'string' ? k : undefined;
  }

  addElement(child: Element): void {
    const k = this.kids;
    if (typeof k === 'string') this.kids = [k, child];
    else if (k === NO_CHILDREN) this.kids = [child];
    else k.push(child);
  }

  /** Adds text, merged with the text before it when there is no element between (one text node). */
  addText(t: string): void {
    const k = this.kids;
    if (typeof k === 'string') this.kids = k + t;
    else if (k === NO_CHILDREN) this.kids = t;
    else if (typeof k[k.length - 1] === 'string') k[k.length - 1] += t;
    else k.push(t);
  }

  get attributes(): ReadonlyMap<string, string> {
    return this;
  }
  get size(): number {
    return this.keyList.length;
  }
  get(key: string): string | undefined {
    const keys = this.keyList;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.store[this.start + i];
    return undefined;
  }
  /** The value of the `i`th attribute. */
  valueAt(i: number): string {
    return this.store[this.start + i]!;
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  forEach(fn: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    const keys = this.keyList;
    for (let i = 0; i < keys.length; i++) fn.call(thisArg, this.valueAt(i), keys[i]!, this);
  }
  // Generators stand in for a Map's iterators (the type asks for `MapIterator`, which only a Map makes).
  entries(): MapIterator<[string, string]> {
    return this.pairs() as unknown as MapIterator<[string, string]>;
  }
  keys(): MapIterator<string> {
    return this.keyList[Symbol.iterator]() as unknown as MapIterator<string>;
  }
  values(): MapIterator<string> {
    return this.store.slice(this.start, this.start + this.keyList.length)[Symbol.iterator]() as unknown as MapIterator<string>;
  }
  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
  private *pairs(): Generator<[string, string]> {
    for (let i = 0; i < this.keyList.length; i++) yield [this.keyList[i]!, this.valueAt(i)];
  }
}

/**
 * A fact's element (ix:nonFraction, nonNumeric, fraction or tuple) with what its place in the document says of
 * it: the reader's list of a document's facts holds these themselves (an object apiece beside each element was
 * 100,000 more objects to make and keep at 100,000 facts).
 */
export class FactElement extends Element {
  constructor(
    name: QName,
    keyList: readonly string[],
    store: readonly string[],
    start: number,
    parent: Element | undefined,
    line: number,
    column: number,
    nsScope: ReadonlyMap<string, string>,
    readonly kind: FactKind,
    /** Inside ix:hidden. */
    readonly hidden: boolean,
    /** The enclosing ix:tuple, if nested in one. */
    readonly tuple: FactElement | undefined,
    /** The document it is in. */
    readonly file: string,
  ) {
    super(name, keyList, store, start, parent, line, column, nsScope);
  }
}
