/**
 * A strict JSON parser (RFC 8259) for the OIM formats (xBRL-JSON, xBRL-CSV metadata): `JSON.parse` silently keeps the last of two equal keys and
 * turns every number into a float, and says nothing about where things are. This one
 *
 * - reports a duplicate key in an object (`xbrlje:invalidJSON`, as xBRL-JSON §2.1 requires) with its line;
 * - records the line and column of every value by JSON pointer, for error messages;
 * - keeps each number's text as written (`numbers`), so a caller can check it before trusting a float;
 * - defines a key such as `__proto__` as an own property, so it is just a key;
 * - refuses what I-JSON (RFC 7493 §2.1, which the OIM's JSON documents must be) forbids in a string: a surrogate that is
 *   not half of a pair, and a noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF), escaped or not;
 * - with `xmlChars`, refuses a character XML 1.0 cannot carry (an escaped control character other than tab, line
 *   feed and carriage return): legal JSON, but every xBRL-JSON string becomes XML text or a name;
 * - with `memberLimit`, stops at the first member over an object's limit, before reading the rest.
 *
 * Errors are KessanErrors `options.code` (default `xbrlje:invalidJSON`; `xbrlce:invalidJSON` for xBRL-CSV; exit 1)
 * with file, line and column, or the code the caller's
 * `xmlChars` or `memberLimit` gives.
 */
import { KessanError } from './errors.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Parsed {
  readonly value: JsonValue;
  /** JSON pointer (`/facts/f1/value`) → where the value starts (1-based line and column). */
  readonly positions: ReadonlyMap<string, { line: number; column: number }>;
  /**
   * JSON pointer → a number's text as written, for the numbers whose text is not `String(value)` (`2.50`, `1e3`,
   * `-0`): the others' text is their value's, and a map entry for every number of a large report costs more
   * than reading it. Look up with `numbers.get(p) ?? String(value)`.
   */
  readonly numbers: ReadonlyMap<string, string>;
  /** With `memberPositionsOf`: that object's members' positions by key (and not in `positions`). */
  readonly members: MemberPositions;
}

type Position = { line: number; column: number };

/**
 * An object's members' positions, in the order the members were written, as numbers (no object per member). That
 * is `Object.keys`'s order unless a key is an array index (which comes first, in numeric order), so
 * `indexOf(key, k)` is usually `k`; a map by key is made only when it is not.
 */
export class MemberPositions {
  readonly #keys: string[] = [];
  readonly #values: JsonValue[] = [];
  readonly #lines: number[] = [];
  readonly #columns: number[] = [];
  #byKey: Map<string, number> | undefined;
  #indexKeys = false;

  add(key: string, line: number, column: number): void {
    this.#keys.push(key);
    this.#lines.push(line);
    this.#columns.push(column);
    if (!this.#indexKeys && isArrayIndex(key)) this.#indexKeys = true;
  }

  /** The value of the member last added. */
  addValue(value: JsonValue): void {
    this.#values.push(value);
  }

  /**
   * The members' keys and values in `Object.keys`'s order, which is the order written unless a key is an array
   * index; undefined then. (Object.keys and Object.values of an object of a million members took ~1.5 s, 25 times
   * what a tenth of them took: V8 sorts a large object's keys by when they were added.)
   */
  inOrder(): { readonly keys: readonly string[]; readonly values: readonly JsonValue[] } | undefined {
    return this.#indexKeys ? undefined : { keys: this.#keys, values: this.#values };
  }

  get size(): number {
    return this.#keys.length;
  }

  /**
   * The object whose members these are, made now (`membersOnly` leaves it empty in the parsed value): its keys
   * in the order written, `__proto__` an own key.
   */
  toObject(): { [key: string]: JsonValue } {
    const obj: { [key: string]: JsonValue } = {};
    for (let k = 0; k < this.#keys.length; k++) {
      const key = this.#keys[k]!;
      if (key === '__proto__') Object.defineProperty(obj, key, { value: this.#values[k], enumerable: true, writable: true, configurable: true });
      else obj[key] = this.#values[k]!;
    }
    return obj;
  }

  /** The member's index in the order written (-1: no such member), given that it is `Object.keys`'s `index`-th. */
  indexOf(key: string, index = -1): number {
    if (this.#keys[index] === key) return index;
    if (!this.#byKey) {
      this.#byKey = new Map();
      for (let k = 0; k < this.#keys.length; k++) this.#byKey.set(this.#keys[k]!, k);
    }
    return this.#byKey.get(key) ?? -1;
  }

  /** The line and column of the member at `index` (from `indexOf`). */
  line(index: number): number {
    return this.#lines[index]!;
  }
  column(index: number): number {
    return this.#columns[index]!;
  }

  get(key: string): Position | undefined {
    const k = this.indexOf(key);
    return k < 0 ? undefined : { line: this.#lines[k]!, column: this.#columns[k]! };
  }

  /** [key, position] in the order written. */
  *[Symbol.iterator](): IterableIterator<[string, Position]> {
    for (let k = 0; k < this.#keys.length; k++) yield [this.#keys[k]!, { line: this.#lines[k]!, column: this.#columns[k]! }];
  }
}

/** An array index as a property key (`0`, `17`, not `07` or `4294967295`): Object.keys puts these first. */
function isArrayIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The keys of an object read so far, in order, and how to make an object of them: a report's objects come in a
 * few shapes (a fact's members, its dimensions), and an object literal of known keys is made at once, where an
 * object grown member by member looked up its next layout at every member (a tenth of reading a report). Each
 * shape checks once whether its last key repeats one before it. A parse has its own shapes, at most MAX_SHAPES,
 * of at most MAX_SHAPE_KEYS keys; an object beyond them (or with a `__proto__` key) is grown member by member.
 */
class ObjectShape {
  readonly next = new Map<string, ObjectShape>();
  lastKey: string | undefined;
  lastNext: ObjectShape | undefined;
  /** Whether `key` is one of the keys before it. */
  readonly repeats: boolean;
  private maker: ((values: readonly JsonValue[], base: number) => { [key: string]: JsonValue }) | undefined;
  constructor(
    readonly parent: ObjectShape | undefined,
    readonly key: string,
    readonly size: number,
  ) {
    let repeats = false;
    for (let p = parent; p && p.size > 0; p = p.parent) if (p.key === key) repeats = true;
    this.repeats = repeats;
  }

  /** An object with this shape's keys, in order, and `values[base…]`. */
  make(values: readonly JsonValue[], base: number): { [key: string]: JsonValue } {
    if (!this.maker) {
      const keys: string[] = [];
      for (let p: ObjectShape | undefined = this; p && p.size > 0; p = p.parent) keys.unshift(p.key);
      // The keys are written as JSON string literals (JSON.stringify escapes whatever a JS string literal could not hold).
      this.maker = new Function('v', 'b', `return { ${keys.map((k, i) => `${JSON.stringify(k)}: v[b + ${i}]`).join(', ')} };`) as ObjectShape['maker'];
    }
    return this.maker!(values, base);
  }
}
const MAX_SHAPES = 1000;
const MAX_SHAPE_KEYS = 16;
/** Strings this long or shorter are shared by content (see `str`); the table has INTERN_SLOTS slots (a power of two). */
const INTERN_MAX = 64;
const INTERN_SLOTS = 4096;
const ESCAPES: ReadonlyMap<string, string> = new Map([['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']]);

/** A noncharacter (Unicode §23.7): U+FDD0–U+FDEF and the last two code points of every plane. */
const isNoncharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
/** A code point below U+0020 that XML 1.0's Char production leaves out (all but tab, line feed, carriage return). */
const isXmlIllegalControl = (cp: number) => cp < 0x20 && cp !== 9 && cp !== 10 && cp !== 13;
const isDigit = (c: number) => c >= 48 && c <= 57;
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** A JSON pointer token (RFC 6901). */
export const pointerToken = (key: string): string => (key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key);

const pointerOf = (parent: string, key: string | number | undefined): string =>
  key === undefined ? parent : `${parent}/${typeof key === 'number' ? key : pointerToken(key)}`;

export interface ParseOptions {
  /**
   * Record positions only for values this deep or shallower (the root is 0, `/facts/f1` is 2). Default: all.
   * Recording every value's position costs a pointer string and a map entry per value, which is most of the
   * time (and memory) for a large report when only the facts' positions are needed unless something fails.
   */
  readonly positionDepth?: number;
  /** The code of a document that is not JSON (default `xbrlje:invalidJSON`). */
  readonly code?: string;
  /** Record the positions of these values too, however deep (for messages about them, found by parsing again). */
  readonly positionsOf?: Iterable<string>;
  /**
   * The pointer of one object whose members' positions (within `positionDepth`) are recorded by key, in `members`,
   * rather than by pointer: a report's facts, where a pointer string per fact made and looked up again cost
   * more than the rest of the position.
   */
  readonly memberPositionsOf?: string;
  /**
   * With `memberPositionsOf`: leave that object empty in `value`, its members only in `members` (`toObject()`
   * makes it). A report's facts object of a hundred thousand members cost more to build than the facts did to
   * read (every key made a property name), and a reader that walks `members` never asks for it.
   */
  readonly membersOnly?: boolean;
  /**
   * When given, a string holding a character XML 1.0 cannot carry is an error with the code this gives for where
   * it is (`pointer`: the value's JSON pointer, or for a key the pointer of the member it names).
   */
  readonly xmlChars?: (pointer: string, isKey: boolean) => string;
  /**
   * The most members the object `depth` deep, member `key` of the value at `parent`, may have, and the error beyond
   * (undefined: no limit). Asked with the parent's pointer and the key, not the object's pointer: it is asked of
   * every object, and reading a pointer made of pieces joins them into a new string.
   */
  readonly memberLimit?: (depth: number, parent: string, key: string | number | undefined) => MemberLimit | undefined;
}

export interface MemberLimit {
  readonly max: number;
  readonly code: string;
  /** A function (of the object's pointer) when the message costs something to make: it is only needed when the limit is exceeded. */
  readonly message: string | ((pointer: string) => string);
}

export function parseJson(text: string, file: string, options: ParseOptions = {}): Parsed {
  const positionDepth = options.positionDepth ?? Infinity;
  // The values asked for, and every value that encloses one (only their members' pointers need making).
  const wanted = new Set(options.positionsOf ?? []);
  const enclosing = new Set<string>();
  for (const w of wanted) for (let k = w.lastIndexOf('/'); k >= 0; k = k === 0 ? -1 : w.lastIndexOf('/', k - 1)) enclosing.add(w.slice(0, k));
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const positions = new Map<string, { line: number; column: number }>();
  const numbers = new Map<string, string>();
  const members = new MemberPositions();
  const memberPositionsOf = options.memberPositionsOf;
  const membersOnly = options.membersOnly === true;
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const invalid = options.code ?? 'xbrlje:invalidJSON';
  const fail = (message: string, at = i, code = invalid): never => {
    // The line of `at` (it is never before the current line's start by more than one token).
    let l = line;
    let ls = lineStart;
    if (at < lineStart) {
      l = 1;
      ls = 0;
      for (let k = 0; k < at; k++) if (src.charCodeAt(k) === 10) (l++, (ls = k + 1));
    }
    throw new KessanError(code, code === invalid ? `not valid JSON: ${message}` : message, { file, line: l, column: at - ls + 1 }, 1);
  };
  const ws = () => {
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 10) (i++, line++, (lineStart = i));
      else if (c === 32 || c === 9 || c === 13) i++;
      else return;
    }
  };
  const describe = (at: number) => (at >= src.length ? 'the end of the text' : JSON.stringify(src[at]));

  /** Where the last string read holds a character XML cannot carry, or -1 (only looked for with `xmlChars`). */
  let xmlIllegalAt = -1;
  const xmlChars = options.xmlChars;
  const memberLimit = options.memberLimit;
  const notIJson = (what: string, at: number): never => fail(`${what}, which I-JSON (RFC 7493), and so the OIM's JSON, does not allow in a string`, at);
  const hex4 = (at: number): number => {
    const h = src.slice(at, at + 4);
    return /^[0-9a-fA-F]{4}$/.test(h) ? parseInt(h, 16) : -1;
  };

  // Strings without escapes up to INTERN_MAX characters are shared by content (a report repeats its keys, concepts,
  // entities, periods and units on every fact): one string each instead of one per occurrence, found by a hash
  // of the characters read anyway, in a table that keeps the last string of each slot.
  const interned: (string | undefined)[] = new Array(INTERN_SLOTS);
  const str = (): string => {
    const start = i;
    let j = i + 1;
    let h = 0;
    for (;;) {
      const c = src.charCodeAt(j);
      if (c === 34) break;
      // An escape, a control character, a surrogate or a noncharacter (or the end, NaN): read it the long way.
      if (c === 92 || !(c >= 0x20 && c < 0xd800)) return strSlow(start, j);
      h = (Math.imul(h, 31) + c) | 0;
      j++;
    }
    i = j + 1;
    xmlIllegalAt = -1;
    const length = j - start - 1;
    if (length > INTERN_MAX) return src.slice(start + 1, j);
    const slot = (h ^ (h >>> 13) ^ length) & (INTERN_SLOTS - 1);
    const known = interned[slot];
    if (known !== undefined && known.length === length && src.startsWith(known, start + 1)) return known;
    const s = src.slice(start + 1, j);
    interned[slot] = s;
    return s;
  };
  /** The rest of a string from `from` (after its opening quote at `start`), checking and unescaping. */
  const strSlow = (start: number, from: number): string => {
    i = from;
    let out = '';
    let run = start + 1;
    xmlIllegalAt = -1;
    for (;;) {
      if (i >= src.length) fail('a string is not closed', start);
      const c = src.charCodeAt(i);
      if (c === 34) {
        out += src.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('a control character inside a string must be escaped');
      if (c === 92) {
        out += src.slice(run, i);
        const e = src[i + 1];
        if (e === 'u') {
          const u = hex4(i + 2);
          if (u < 0) fail('a \\u escape needs four hex digits');
          if (u >= 0xd800 && u <= 0xdbff) {
            const low = src.charCodeAt(i + 6) === 92 && src[i + 7] === 'u' ? hex4(i + 8) : -1;
            if (low < 0xdc00 || low > 0xdfff) notIJson(`\\u${src.slice(i + 2, i + 6)} is half of a surrogate pair without its other half`, i);
            if (isNoncharacter(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00))) notIJson(`${src.slice(i, i + 12)} is a noncharacter`, i);
            out += String.fromCharCode(u, low);
            i += 12;
          } else {
            if (u >= 0xdc00 && u <= 0xdfff) notIJson(`\\u${src.slice(i + 2, i + 6)} is half of a surrogate pair without its other half`, i);
            if (isNoncharacter(u)) notIJson(`\\u${src.slice(i + 2, i + 6)} is a noncharacter`, i);
            if (xmlChars && xmlIllegalAt < 0 && isXmlIllegalControl(u)) xmlIllegalAt = i;
            out += String.fromCharCode(u);
            i += 6;
          }
        } else {
          const esc = e === undefined ? undefined : ESCAPES.get(e);
          if (esc === undefined) fail(`\\${e ?? ''} is not a JSON escape`);
          if (xmlChars && xmlIllegalAt < 0 && isXmlIllegalControl(esc!.charCodeAt(0))) xmlIllegalAt = i;
          out += esc;
          i += 2;
        }
        run = i;
        continue;
      }
      if (c >= 0xd800) {
        // Only a string handed in as text can hold these unescaped (decoded UTF-8 cannot hold a lone surrogate).
        if (c <= 0xdbff) {
          const d = src.charCodeAt(i + 1);
          if (!(d >= 0xdc00 && d <= 0xdfff)) notIJson(`${hex(c)} is half of a surrogate pair without its other half`, i);
          if (isNoncharacter(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00))) notIJson(`${hex(src.codePointAt(i)!)} is a noncharacter`, i);
          i += 2;
          continue;
        }
        if (c <= 0xdfff) notIJson(`${hex(c)} is half of a surrogate pair without its other half`, i);
        if (isNoncharacter(c)) notIJson(`${hex(c)} is a noncharacter`, i);
      }
      i++;
    }
  };
  /** Refuses the string just read if it holds a character XML cannot carry (see `xmlChars`). */
  // Given the pointer's pieces (the parent's pointer and the key), not a function making it: a function made in
  // `value` would capture its variables, and V8 would then give every call of `value` a context to hold them.
  const checkXmlChars = (s: string, parent: string, key: string | number | undefined, isKey: boolean) => {
    if (xmlIllegalAt < 0) return;
    const at = xmlIllegalAt;
    let k = 0;
    while (k < s.length && !isXmlIllegalControl(s.charCodeAt(k))) k++;
    const cp = s.charCodeAt(k);
    const where = pointerOf(parent, key);
    const what = `${isKey ? 'the key' : 'the string'} ${JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s)}${where ? ` (${JSON.stringify(where).slice(1, -1)})` : ''}`;
    fail(`${what} holds ${hex(cp)}, a character XML 1.0 (and so XBRL) cannot carry`, at, xmlChars!(where, isKey));
  };

  /** The text of the number just read when it is not `String(value)` (`2.50`, `1e3`, `-0`), else undefined. */
  let numberText: string | undefined;
  /**
   * The number at `i` (what NUMBER matches), or undefined when there is none. An integer of up to 15 digits (but
   * `-0`) is read without making its text: it is exact, and its text is `String(value)`.
   */
  const number = (): number | undefined => {
    numberText = undefined;
    const start = i;
    let j = i;
    const negative = src.charCodeAt(j) === 45;
    if (negative) j++;
    let c = src.charCodeAt(j);
    if (!isDigit(c)) return undefined;
    let n = 0;
    if (c === 48) c = src.charCodeAt(++j);
    else for (; isDigit(c); c = src.charCodeAt(++j)) n = n * 10 + (c - 48);
    if (c !== 46 && c !== 101 && c !== 69 && j - start <= 15 && !(negative && n === 0)) {
      i = j;
      return negative ? -n : n;
    }
    NUMBER.lastIndex = start;
    const t = NUMBER.exec(src)![0];
    i = start + t.length;
    const v = Number(t);
    if (String(v) !== t) numberText = t;
    return v;
  };
  // Objects' shapes, and the values of the objects being read (see ObjectShape).
  const rootShape = new ObjectShape(undefined, '', 0);
  let shapes = 0;
  const held: JsonValue[] = [];
  // A value's pointer is its parent's plus its key, made only when it is needed (a position or a number).
  // `byKey`: its position is in `members` already.
  const value = (parent: string, key: string | number | undefined, depth: number, byKey = false): JsonValue => {
    ws();
    if (depth > 200) fail('nested deeper than 200 levels');
    const c = src.charCodeAt(i);
    // Containers need their pointer for their members; leaves only for a position or a number.
    const here = depth <= positionDepth && !byKey;
    const want = here || (enclosing.size > 0 && enclosing.has(parent));
    let pointer = want || c === 123 || c === 91 ? pointerOf(parent, key) : undefined;
    if (here || (wanted.size > 0 && wanted.has(pointer!))) positions.set(pointer!, { line, column: i - lineStart + 1 });
    if (c === 123) {
      i++;
      // A plain object (V8 keeps it fast, unlike a prototype-less one); `__proto__` is defined as an own key. Its
      // members' values wait on `held` (from `base`) while its shape is known, and it is made at its end; past the
      // shapes, it is made then and grown member by member.
      const keyed = depth < positionDepth && pointer === memberPositionsOf;
      // Members kept in `members` only: their keys are checked for repeats here.
      const seen = keyed && membersOnly ? new Set<string>() : undefined;
      let obj: { [key: string]: JsonValue } | undefined;
      let shape: ObjectShape | undefined = seen ? undefined : rootShape;
      const base = held.length;
      const limit = memberLimit?.(depth, parent, key);
      let count = 0;
      ws();
      if (src.charCodeAt(i) === 125) return i++, {};
      for (;;) {
        ws();
        if (src.charCodeAt(i) !== 34) fail(`expected a key (a string) but found ${describe(i)}`);
        const keyAt = i;
        if (limit && ++count > limit.max) fail(typeof limit.message === 'string' ? limit.message : limit.message(pointer!), keyAt, limit.code);
        const key = str();
        if (xmlIllegalAt >= 0) checkXmlChars(key, pointer!, key, true);
        if (shape !== undefined) {
          let next: ObjectShape | undefined = shape.lastKey === key ? shape.lastNext : shape.next.get(key);
          if (next === undefined && key !== '__proto__' && shape.size < MAX_SHAPE_KEYS && shapes < MAX_SHAPES) {
            shape.next.set(key, (next = new ObjectShape(shape, key, shape.size + 1)));
            shapes++;
          }
          if (next === undefined) {
            obj = shape.size > 0 ? shape.make(held, base) : {};
            held.length = base;
            shape = undefined;
          } else {
            if (next.repeats) fail(`the key ${JSON.stringify(key)} appears twice in one object`, keyAt);
            shape.lastKey = key;
            shape.lastNext = next;
            shape = next;
          }
        }
        if (seen) {
          if (seen.has(key)) fail(`the key ${JSON.stringify(key)} appears twice in one object`, keyAt);
          seen.add(key);
        } else if (shape === undefined && Object.prototype.hasOwnProperty.call(obj, key)) fail(`the key ${JSON.stringify(key)} appears twice in one object`, keyAt);
        ws();
        if (src.charCodeAt(i) !== 58) fail(`expected ":" but found ${describe(i)}`);
        i++;
        if (keyed) {
          ws();
          members.add(key, line, i - lineStart + 1);
        }
        const member = value(pointer!, key, depth + 1, keyed);
        if (keyed) members.addValue(member);
        if (shape !== undefined) held.push(member);
        else if (seen === undefined) {
          if (key === '__proto__') Object.defineProperty(obj, key, { value: member, enumerable: true, writable: true, configurable: true });
          else obj![key] = member;
        }
        ws();
        const d = src.charCodeAt(i);
        if (d === 44) i++;
        else if (d === 125) {
          i++;
          if (shape === undefined) return obj ?? {};
          const made = shape.make(held, base);
          held.length = base;
          return made;
        } else fail(`expected "," or "}" but found ${describe(i)}`);
      }
    }
    if (c === 91) {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (src.charCodeAt(i) === 93) return i++, arr;
      for (;;) {
        arr.push(value(pointer!, arr.length, depth + 1));
        ws();
        const d = src.charCodeAt(i);
        if (d === 44) i++;
        else if (d === 93) return i++, arr;
        else fail(`expected "," or "]" but found ${describe(i)}`);
      }
    }
    if (c === 34) {
      const s = str();
      if (xmlIllegalAt >= 0) checkXmlChars(s, parent, key, false);
      return s;
    }
    if (c === 116 && src.startsWith('true', i)) return (i += 4), true;
    if (c === 102 && src.startsWith('false', i)) return (i += 5), false;
    if (c === 110 && src.startsWith('null', i)) return (i += 4), null;
    const n = number();
    if (n !== undefined) {
      if (numberText !== undefined) numbers.set((pointer ??= pointerOf(parent, key)), numberText);
      return n;
    }
    return fail(`unexpected ${describe(i)}`);
  };

  const result = value('', undefined, 0);
  ws();
  if (i < src.length) fail(`unexpected ${describe(i)} after the document`);
  return { value: result, positions, numbers, members };
}
