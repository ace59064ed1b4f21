/**
 * A strict JSON parser (RFC 8259) for the OIM formats (xBRL-JSON, xBRL-CSV metadata). (The same as
 * formats/json/read/parse.ts, which was written for xBRL-JSON; it lives here so that xBRL-CSV need not import
 * another format's reader. The error code is the caller's.) `JSON.parse` silently keeps the last of two equal keys and
 * turns every number into a float, and says nothing about where things are. This one
 *
 * - reports a duplicate key in an object (`xbrlje:invalidJSON`, as xBRL-JSON §2.1 requires) with its line;
 * - records the line and column of every value by JSON pointer, for error messages;
 * - keeps each number's text as written (`numbers`), so a caller can check it before trusting a float;
 * - defines a key such as `__proto__` as an own property, so it is just a key.
 *
 * Errors are KessanErrors `options.code` (default `xbrlje:invalidJSON`; exit 1) with file, line and column.
 */
import { KessanError } from './errors.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Parsed {
  readonly value: JsonValue;
  /** JSON pointer (`/facts/f1/value`) → where the value starts (1-based line and column). */
  readonly positions: ReadonlyMap<string, { line: number; column: number }>;
  /** JSON pointer → a number's text as written. */
  readonly numbers: ReadonlyMap<string, string>;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

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
  /** The code of a failure (`xbrlje:invalidJSON`, `xbrlce:invalidJSON`). */
  readonly code?: string;
}

export function parseJson(text: string, file: string, options: ParseOptions = {}): Parsed {
  const positionDepth = options.positionDepth ?? Infinity;
  const code = options.code ?? 'xbrlje:invalidJSON';
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const positions = new Map<string, { line: number; column: number }>();
  const numbers = new Map<string, string>();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string, at = i): never => {
    // The line of `at` (it is never before the current line's start by more than one token).
    let l = line;
    let ls = lineStart;
    if (at < lineStart) {
      l = 1;
      ls = 0;
      for (let k = 0; k < at; k++) if (src.charCodeAt(k) === 10) (l++, (ls = k + 1));
    }
    throw new KessanError(code, `not valid JSON: ${message}`, { file, line: l, column: at - ls + 1 }, 1);
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

  const str = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
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
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('a \\u escape needs four hex digits');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else fail(`\\${e ?? ''} is not a JSON escape`);
        run = i;
        continue;
      }
      i++;
    }
  };

  // A value's pointer is its parent's plus its key, made only when it is needed (a position or a number).
  const value = (parent: string, key: string | number | undefined, depth: number): JsonValue => {
    ws();
    if (depth > 200) fail('nested deeper than 200 levels');
    const c = src[i];
    // Containers need their pointer for their members; leaves only for a position or a number.
    let pointer = depth <= positionDepth || c === '{' || c === '[' ? pointerOf(parent, key) : undefined;
    if (depth <= positionDepth) positions.set(pointer!, { line, column: i - lineStart + 1 });
    if (c === '{') {
      i++;
      // A plain object (V8 keeps it fast, unlike a prototype-less one); `__proto__` is defined as an own key.
      const obj = {} as { [key: string]: JsonValue };
      ws();
      if (src[i] === '}') return i++, obj;
      for (;;) {
        ws();
        if (src[i] !== '"') fail(`expected a key (a string) but found ${describe(i)}`);
        const keyAt = i;
        const key = str();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`the key ${JSON.stringify(key)} appears twice in one object`, keyAt);
        ws();
        if (src[i] !== ':') fail(`expected ":" but found ${describe(i)}`);
        i++;
        const member = value(pointer!, key, depth + 1);
        if (key === '__proto__') Object.defineProperty(obj, key, { value: member, enumerable: true, writable: true, configurable: true });
        else obj[key] = member;
        ws();
        if (src[i] === ',') (i++);
        else if (src[i] === '}') return i++, obj;
        else fail(`expected "," or "}" but found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (src[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value(pointer!, arr.length, depth + 1));
        ws();
        if (src[i] === ',') i++;
        else if (src[i] === ']') return i++, arr;
        else fail(`expected "," or "]" but found ${describe(i)}`);
      }
    }
    if (c === '"') return str();
    if (src.startsWith('true', i)) return (i += 4), true;
    if (src.startsWith('false', i)) return (i += 5), false;
    if (src.startsWith('null', i)) return (i += 4), null;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(src);
    if (m) {
      i += m[0].length;
      numbers.set((pointer ??= pointerOf(parent, key)), m[0]);
      return Number(m[0]);
    }
    return fail(`unexpected ${describe(i)}`);
  };

  const result = value('', undefined, 0);
  ws();
  if (i < src.length) fail(`unexpected ${describe(i)} after the document`);
  return { value: result, positions, numbers };
}
