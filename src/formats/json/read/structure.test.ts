/**
 * The quick structure check against ajv with the schema it stands for: it may send a valid document to ajv, but
 * must never pass one ajv refuses; and a well-formed report passes it (or it would save nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../../core/schemas.js';
import { parseJson, type JsonValue } from '../../../core/json.js';
import { surelyFollowsSchema } from './structure.js';

const valid = () => ({
  documentInfo: {
    documentType: 'https://xbrl.org/2021/xbrl-json',
    namespaces: { t: 'http://e/t', e: 'http://e/e' },
    taxonomy: ['t.xsd'],
    features: { 'x:f': true, 'x:n': 1 },
    linkTypes: { footnote: 'http://e/f' },
    'kessan:numericFactsMarked': true,
  },
  facts: {
    f1: { value: '1', decimals: -3, dimensions: { concept: 't:A', entity: 'e:E', period: '2020-01-01T00:00:00', unit: 'iso4217:JPY', 't:D': 't:M', 't:T': null } },
    f2: { value: null, dimensions: { concept: 't:B', language: 'en', noteId: 'n' }, links: { footnote: { _: ['f1'] } }, 'x:y': [1] },
  },
  'x:ext': { anything: 1 },
});

/** A JSON value of any type, some of them the odd ones (a fraction, an empty array, an object). */
const anyValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom<JsonValue>(null, true, false, 0, -3, 1.5, 1e300, '', 'x', 'a:b', [], ['x'], [1], {}, { 'a:b': 'c' }, { a: 1 }),
);
const anyKey = fc.constantFrom('value', 'decimals', 'dimensions', 'links', 'concept', 'entity', 'period', 'unit', 'language', 'noteId', 'documentType', 'taxonomy', 'baseURL', 'features', 'namespaces', 'linkTypes', 'linkGroups', 'documentInfo', 'facts', 'a:b', 'x', ':x', 'x:', '__proto__', 'f1', 'footnote', '_');

/** The containers of a document, with their paths. */
function containers(v: JsonValue, out: (JsonValue[] | { [k: string]: JsonValue })[] = []): (JsonValue[] | { [k: string]: JsonValue })[] {
  if (v !== null && typeof v === 'object') {
    out.push(v);
    for (const x of Object.values(v)) containers(x, out);
  }
  return out;
}

type Edit = { at: number; key: string; value: JsonValue; kind: 'set' | 'delete' };
const edits = fc.array(fc.record({ at: fc.nat(), key: anyKey, value: anyValue, kind: fc.constantFrom<'set' | 'delete'>('set', 'set', 'delete') }), { minLength: 1, maxLength: 3 });

function mutated(list: Edit[]): JsonValue {
  const doc = valid() as unknown as JsonValue;
  for (const e of list) {
    const all = containers(doc);
    const c = all[e.at % all.length]!;
    if (Array.isArray(c)) {
      if (e.kind === 'delete') c.pop();
      else c[e.at % (c.length + 1)] = structuredClone(e.value);
    } else if (e.kind === 'delete') delete c[e.key];
    else Object.defineProperty(c, e.key, { value: structuredClone(e.value), enumerable: true, writable: true, configurable: true });
  }
  return doc;
}

describe('surelyFollowsSchema', () => {
  const validate = compileSchema('xbrl-json.schema.json');

  it('passes a well-formed report, as ajv does', () => {
    expect(validate(valid())).toBe(true);
    expect(surelyFollowsSchema(valid() as unknown as JsonValue)).toBe(true);
  });

  it('never passes a document ajv refuses', () => {
    let refused = 0;
    fc.assert(
      fc.property(edits, (list) => {
        const doc = mutated(list);
        const ajv = validate(doc);
        if (!ajv) refused++;
        if (surelyFollowsSchema(doc)) expect(ajv).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(500); // the edits do break the structure, often
  });

  it('never passes a document ajv refuses: every single edit (container × key × value), each way', () => {
    const keys = ['value', 'decimals', 'dimensions', 'links', 'concept', 'entity', 'period', 'unit', 'language', 'noteId', 'documentType', 'taxonomy', 'baseURL', 'features', 'namespaces', 'linkTypes', 'linkGroups', 'documentInfo', 'facts', 'a:b', 'x', ':x', 'x:', '__proto__', 'f1', 'footnote', '_'];
    const values: JsonValue[] = [null, true, false, 0, -3, 1.5, 1e300, '', 'x', 'a:b', [], ['x'], [1], {}, { 'a:b': 'c' }, { a: 1 }];
    const count = containers(valid() as unknown as JsonValue).length;
    let passed = 0;
    for (let at = 0; at < count; at++)
      for (const key of keys)
        for (const kind of ['set', 'delete'] as const)
          for (const value of kind === 'set' ? values : [null]) {
            const doc = mutated([{ at, key, value, kind }]);
            const sure = surelyFollowsSchema(doc);
            if (sure) passed++;
            if (sure && !validate(doc)) expect.fail(`passed what ajv refuses: ${JSON.stringify(doc)}`);
          }
    expect(passed).toBeGreaterThan(100); // and it does pass valid ones
  });

  it('reads the document as the parser gives it (own __proto__ keys, numbers beyond a double)', () => {
    for (const text of ['{"documentInfo": {"documentType": "x", "taxonomy": []}, "facts": {"__proto__": {"value": "1", "dimensions": {"concept": "a:b"}}}}', '{"documentInfo": {"documentType": "x", "taxonomy": [], "features": {"a:b": 1e400}}}']) {
      const { value } = parseJson(text, 'f');
      expect(surelyFollowsSchema(value)).toBe(validate(value));
    }
  });
});
