/**
 * The parser's fast paths against what they stand for: strings shared by content (a cached string is only
 * returned for the same characters), integers read without their text, and positions recorded by key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, pointerToken, type JsonValue } from './json.js';

/** Strings from a small pool (so most are read again, from the table), some long, some with escapes or non-ASCII. */
const pooled = fc.constantFrom('', 'a', 'b', 'ab', 'ba', 'value', 'concept', 'b:RevenueTotal', 'b:RevenueTotaL', '2001-01-01T00:00:00/2001-04-01T00:00:00', 'x'.repeat(64), 'x'.repeat(65), 'é"\\\n', '売上高', '\u{1f600}');
const key = fc.oneof(pooled, fc.string({ maxLength: 8 }), fc.nat(20).map(String));
const numberText = fc.oneof(
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.constantFrom('0', '-0', '0.0', '2.50', '1e3', '-1E-2', '1.5e+10', '123456789012345', '-123456789012345', '1234567890123456', '9007199254740993'),
);
/** A JSON text (pretty or not) built from parts, with numbers written as they are. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pooled.map((s) => JSON.stringify(s)),
    numberText,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value'), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
    fc.uniqueArray(fc.tuple(key, tie('value')), { maxLength: 5, selector: ([k]) => k }).map((m) => `{\n  ${m.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(',\n  ')}\n}`),
  ),
})).value;

/** Every number's pointer and text, in a parse of the same text by JSON.parse's rules (for the numbers kept). */
function numbersOf(text: string): Map<string, string> {
  // Positions of all values, then the text at each number's position.
  const { value, positions } = parseJson(text, 'f');
  const lines = text.split('\n');
  const out = new Map<string, string>();
  const walk = (v: JsonValue, p: string) => {
    if (typeof v === 'number') {
      const { line, column } = positions.get(p)!;
      const t = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(lines[line - 1]!.slice(column - 1))![0];
      if (String(Number(t)) !== t) out.set(p, t);
    } else if (Array.isArray(v)) v.forEach((x, k) => walk(x, `${p}/${k}`));
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k]!, `${p}/${pointerToken(k)}`);
  };
  walk(value, '');
  return out;
}

describe('parseJson', () => {
  it('reads what JSON.parse reads, and keeps exactly the numbers whose text is not their value’s', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const p = parseJson(text, 'f');
        expect(p.value).toEqual(JSON.parse(text));
        expect(p.numbers).toEqual(numbersOf(text));
      }),
      { numRuns: 500 },
    );
  });

  it('records the members of `memberPositionsOf` by key, where a parse by pointer puts them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, jsonText), { maxLength: 8, selector: ([k]) => k }), (members) => {
        const text = `{"x": 1, "facts": {\n${members.map(([k, v]) => `  ${JSON.stringify(k)}: ${v}`).join(',\n')}\n}}`;
        const byPointer = parseJson(text, 'f', { positionDepth: 2 });
        const byKey = parseJson(text, 'f', { positionDepth: 2, memberPositionsOf: '/facts' });
        expect([...byKey.members]).toEqual(members.map(([k]) => [k, byPointer.positions.get(`/facts/${pointerToken(k)}`)]));
        expect([...byKey.positions.keys()].filter((p) => p.startsWith('/facts/'))).toEqual([]);
        expect(byKey.positions.get('/x')).toEqual(byPointer.positions.get('/x'));
        // By Object.keys's index too, which puts array-index keys first.
        const keys = Object.keys((byKey.value as { facts: object }).facts);
        const at = (k: string, n: number) => {
          const m = byKey.members.indexOf(k, n);
          return { line: byKey.members.line(m), column: byKey.members.column(m) };
        };
        expect(keys.map((k, n) => at(k, n))).toEqual(keys.map((k) => byPointer.positions.get(`/facts/${pointerToken(k)}`)));
        // Keys and values in Object.keys's order, the very values of the object, unless a key is an array index.
        const facts = (byKey.value as { facts: Record<string, unknown> }).facts;
        const inOrder = byKey.members.inOrder();
        if (inOrder) {
          expect(inOrder.keys).toEqual(keys);
          inOrder.values.forEach((v, n) => expect(v).toBe(facts[keys[n]!]));
        } else expect(keys.some((k) => String(Number(k)) === k && Number(k) >= 0 && Number(k) < 2 ** 32 - 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the members of `memberPositionsOf` out of the value with `membersOnly`, and makes the same object of them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, jsonText), { minLength: 1, maxLength: 8, selector: ([k]) => k }), (members) => {
        const text = `{"x": 1, "facts": {\n${members.map(([k, v]) => `  ${JSON.stringify(k)}: ${v}`).join(',\n')}\n}}`;
        const only = parseJson(text, 'f', { positionDepth: 2, memberPositionsOf: '/facts', membersOnly: true });
        expect(only.value).toEqual({ x: 1, facts: {} });
        const made = only.members.toObject();
        expect(made).toEqual(JSON.parse(text).facts);
        expect(Object.keys(made)).toEqual(Object.keys(JSON.parse(text).facts));
      }),
      { numRuns: 200 },
    );
    // A repeated member is still an error, where it repeats.
    expect(() => parseJson('{"facts": {"a": 1,\n "a": 2}}', 'f', { positionDepth: 2, memberPositionsOf: '/facts', membersOnly: true })).toThrow(
      expect.objectContaining({ code: 'xbrlje:invalidJSON', location: expect.objectContaining({ line: 2, column: 2 }) }),
    );
  });

  it('reads objects of every shape as JSON.parse does: repeated keys refused, `__proto__` an own key, past 16 keys', () => {
    const many = Array.from({ length: 20 }, (_, k) => `"k${k}": ${k}`).join(', ');
    for (const text of [`{${many}}`, `[{${many}}, {${many}}]`, '{"a": 1, "__proto__": {"b": 2}, "c": 3}', '[{"a": 1, "b": 2}, {"a": 3, "b": 4}, {"b": 5, "a": 6}]']) {
      const v = parseJson(text, 'f').value;
      expect(v).toEqual(JSON.parse(text));
      expect(JSON.stringify(v)).toBe(JSON.stringify(JSON.parse(text)));
    }
    expect(Object.getPrototypeOf(parseJson('{"__proto__": {"b": 2}}', 'f').value)).toBe(Object.prototype);
    for (const text of ['{"a": 1, "b": 2, "a": 3}', `{${many}, "k3": 0}`, '[{"a": 1, "b": 2}, {"a": 1, "a": 2}]']) expect(() => parseJson(text, 'f')).toThrow(/appears twice/);
  });

  it('gives the members in order only when Object.keys would (no array-index key)', () => {
    const of = (text: string) => parseJson(text, 'f', { positionDepth: 2, memberPositionsOf: '/facts' }).members.inOrder();
    expect(of('{"facts": {"b": 1, "a": {"x": 2}, "07": 3, "4294967295": 4, "-1": 5}}')).toEqual({ keys: ['b', 'a', '07', '4294967295', '-1'], values: [1, { x: 2 }, 3, 4, 5] });
    expect(of('{"facts": {"b": 1, "10": 2}}')).toBeUndefined();
    expect(of('{"facts": {"b": 1, "0": 2}}')).toBeUndefined();
    expect(of('{"other": 1}')).toEqual({ keys: [], values: [] });
  });

  it('gives a string read again from the table only for the same characters (same length, same hash slot)', () => {
    // 5000 distinct strings of one length in 4096 slots: some share a slot, and each must still come back as itself.
    const strings = Array.from({ length: 5000 }, (_, k) => `s${k.toString(36).padStart(4, '0')}`);
    const text = JSON.stringify([...strings, ...strings.reverse()]);
    expect(parseJson(text, 'f').value).toEqual(JSON.parse(text));
  });
});
