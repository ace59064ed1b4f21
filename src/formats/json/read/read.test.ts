import { describe, expect, it } from 'vitest';
import { KessanError } from '../../../core/errors.js';
import { writeXbrlJson } from '../write/writer.js';
import { sampleReport } from '../../../../test/support/reports.js';
import { parseJson } from '../../../core/json.js';
import { readXbrlJson } from './read.js';

const NS = { t: 'http://example.com/tiny', e: 'http://example.com/entity', iso4217: 'http://www.xbrl.org/2003/iso4217', xbrli: 'http://www.xbrl.org/2003/instance' };

function doc(facts: Record<string, unknown>, info: Record<string, unknown> = {}): string {
  return JSON.stringify({ documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-json', namespaces: NS, taxonomy: ['tiny.xsd'], ...info }, facts }, null, 2);
}
const dims = (more: Record<string, unknown> = {}) => ({ concept: 't:Cash', entity: 'e:A', period: '2004-10-01T00:00:00', ...more });

/** The KessanError reading `text` throws: code and line. */
function failure(text: string): { code: string; line?: number; message: string } {
  try {
    readXbrlJson(text, 'x.json');
  } catch (e) {
    if (e instanceof KessanError) return { code: e.code, message: e.message, ...(e.location.line ? { line: e.location.line } : {}) };
    throw e;
  }
  throw new Error('no error');
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('readXbrlJson', () => {
  it('reads numbers exactly, nil, text with language, pure units, forever', () => {
    const r = readXbrlJson(
      doc({
        a: { value: '123456789012345678901234567890.123456789', decimals: 9, dimensions: dims({ unit: 'iso4217:JPY' }) },
        b: { value: null, dimensions: dims({ unit: 'iso4217:JPY' }) },
        c: { value: 'Hello', dimensions: { concept: 't:Note', entity: 'e:A', language: 'en' } },
        d: { value: '0.25', decimals: 2, dimensions: dims() },
        e: { value: '7', dimensions: dims({ unit: '(iso4217:JPY*t:X)/(xbrli:shares*t:Y)' }) },
      }),
      'x.json',
    );
    const [a, b, c, d, e] = r.facts;
    expect(typeof a!.value === 'object' && a!.value !== null && a!.value.toFixed()).toBe('123456789012345678901234567890.123456789');
    expect(a!.period).toEqual({ kind: 'instant', date: '2004-09-30' });
    expect(a!.sources[0]).toMatchObject({ file: 'x.json', line: 15 });
    // The keys in the model's order, the optional ones only when present.
    expect(Object.keys(a!)).toEqual(['id', 'concept', 'entity', 'period', 'unit', 'dimensions', 'value', 'decimals']);
    expect(Object.keys(c!)).toEqual(['id', 'concept', 'entity', 'period', 'dimensions', 'value', 'lang']);
    expect(b!.value).toBeNull();
    expect(b!.decimals).toBeUndefined();
    expect(c).toMatchObject({ value: 'Hello', lang: 'en', period: { kind: 'forever' } });
    expect(c!.unit).toBeUndefined();
    expect(d!.unit?.numerator[0]?.localName).toBe('pure');
    expect(e!.decimals).toBe('INF');
    expect(e!.unit?.denominator.map((m) => m.localName)).toEqual(['shares', 'Y']);
    expect(r.documentInfo.format).toBe('json');
  });

  it('asks for the taxonomy once per document, and whether a concept is numeric only when the JSON cannot say', () => {
    let asked = 0;
    let numeric = 0;
    const hints = () => ((asked++), { numeric: () => ((numeric++), true), typedDomain: () => undefined });
    const text = doc({ a: { value: null, dimensions: dims() }, b: { value: '1', decimals: 0, dimensions: dims({ unit: 'iso4217:JPY' }) }, c: { value: null, dimensions: dims() } });
    const r = readXbrlJson(text, 'x.json', { hints });
    expect(r.facts.map((f) => f.unit?.numerator[0]?.localName)).toEqual(['pure', 'JPY', 'pure']);
    expect([asked, numeric]).toEqual([1, 2]);
    expect(readXbrlJson(text, 'x.json').facts[0]!.unit).toBeUndefined(); // no taxonomy: text
    readXbrlJson(doc({}), 'x.json', { hints });
    expect(asked).toBe(1); // no facts: nothing to ask
  });

  it("needs no taxonomy to tell numbers from text in kessan's own documents (numeric facts marked)", () => {
    const hints = () => ({
      numeric: (): boolean => {
        throw new Error('asked');
      },
      typedDomain: () => undefined,
    });
    for (const options of [{ hints }, {}]) {
      const r = readXbrlJson(writeXbrlJson(sampleReport()).replace('"t:RegionAxis": "Kanto & Tohoku"', '"t:RegionAxis": "t:Kanto"'), 's.json', options);
      expect(r.facts.find((f) => f.id === 'f6')!.unit?.numerator[0]?.localName).toBe('pure');
      expect(r.facts.find((f) => f.id === 'f10')!.value).toBeNull();
    }
  });

  it('reads the sample the writer wrote (typed dimension with its domain element from the taxonomy)', () => {
    const typedDomain = () => ({ namespace: 'http://example.com/tiny', localName: 'Region' });
    const r = readXbrlJson(writeXbrlJson(sampleReport()), 's.json', { hints: { numeric: () => undefined, typedDomain } });
    expect(r.facts.find((f) => f.id === 'f11')!.dimensions.values().next().value).toEqual({ typed: '<t:Region>Kanto &amp; Tohoku</t:Region>' });
  });

  it.each([
    ['not JSON', '{"documentInfo": ', 'xbrlje:invalidJSON', '{'],
    ['a duplicate key', '{\n "documentInfo": {},\n "documentInfo": {}\n}', 'xbrlje:invalidJSON', '"documentInfo": {}\n}'],
    ['a duplicate fact id', doc({ a: { value: 'x', dimensions: dims() } }).replace('"facts": {', '"facts": {\n"a": {"value": "y", "dimensions": {"concept": "t:A"}},'), 'xbrlje:invalidJSON', '"a": {\n'],
    ['another document type', doc({}, { documentType: 'https://xbrl.org/2021/xbrl-csv' }), 'oimce:unsupportedDocumentType', 'documentType'],
    ['an unknown document type', doc({}, { documentType: 'https://example.com/json' }), 'oimce:unsupportedDocumentType', 'documentType'],
    ['no taxonomy', doc({}, { taxonomy: undefined }), 'xbrlje:invalidJSONStructure', '"documentInfo"'],
    ['a numeric value as a JSON number', doc({ a: { value: 5, dimensions: dims() } }), 'xbrlje:invalidJSONStructure', '"value": 5'],
    ['an unknown fact member', doc({ a: { value: '5', dimensions: dims(), extra: 1 } }), 'xbrlje:invalidJSONStructure', '"a": {'],
    ['decimals that are not an integer', doc({ a: { value: '5', decimals: 1.5, dimensions: dims({ unit: 'iso4217:JPY' }) } }), 'xbrlje:invalidJSONStructure', '"decimals"'],
    ['decimals written as 2.0', doc({ a: { value: '5', decimals: 2, dimensions: dims({ unit: 'iso4217:JPY' }) } }).replace('"decimals": 2', '"decimals": 2.0'), 'xbrlje:invalidJSONStructure', '"decimals"'],
    ['a bad entity', doc({ a: { value: '5', dimensions: dims({ entity: 'A' }) } }), 'oimce:invalidSQName', '"entity": "A"'],
    ['an unbound prefix', doc({ a: { value: '5', dimensions: dims({ concept: 'zz:Cash' }) } }), 'oimce:unboundPrefix', 'zz:Cash'],
    ['a date-only period', doc({ a: { value: '5', dimensions: dims({ period: '2004-09-30' }) } }), 'oimce:invalidPeriodRepresentation', '"2004-09-30"'],
    ['a bad unit', doc({ a: { value: '5', dimensions: dims({ unit: 'iso4217:JPY*xbrli:shares/xbrli:pure*t:X' }) } }), 'oimce:invalidUnitStringRepresentation', '"unit"'],
    ['an explicit pure unit', doc({ a: { value: '5', dimensions: dims({ unit: 'xbrli:pure' }) } }), 'oime:illegalPureUnit', '"unit"'],
    ['a reserved prefix on another namespace', doc({}, { namespaces: { ...NS, xbrli: 'http://example.com/x' } }), 'oimce:invalidURIForReservedAlias', '"xbrli"'],
  ])('rejects %s (%s)', (_, text, code, needle) => {
    expect(failure(text)).toMatchObject({ code, line: lineOf(text, needle) });
  });

  it('reads prefixes named like Object.prototype members as prefixes (constructor, toString, __proto__)', () => {
    const ns = { ...NS, constructor: 'http://example.com/c', toString: 'http://example.com/s' };
    const text = doc({ a: { value: 'x', dimensions: { concept: '__proto__:Note', entity: 'constructor:A' } }, b: { value: 'y', dimensions: { concept: 't:Note', entity: 'toString:B' } } }, { namespaces: ns }).replace(
      '"namespaces": {',
      '"namespaces": {\n      "__proto__": "http://example.com/p",',
    );
    const r = readXbrlJson(text, 'x.json');
    expect(r.facts.map((f) => [f.concept.namespace, f.entity.scheme])).toEqual([
      ['http://example.com/p', 'http://example.com/c'],
      ['http://example.com/tiny', 'http://example.com/s'],
    ]);
    expect(Object.getOwnPropertyDescriptor(r.namespaces, '__proto__')?.value).toBe('http://example.com/p');
    expect(r.namespaces.constructor).toBe('http://example.com/c');
  });

  it.each([
    ['a lone high surrogate', '"Sales \\ud800 grew"', 'xbrlje:invalidJSON', 8],
    ['a lone low surrogate', '"\\udfff"', 'xbrlje:invalidJSON', 2],
    ['a high surrogate before another escape', '"\\ud800\\u0041"', 'xbrlje:invalidJSON', 2],
    ['an escaped noncharacter', '"\\uffff"', 'xbrlje:invalidJSON', 2],
    ['a noncharacter as a pair (U+10FFFF)', '"\\udbff\\udfff"', 'xbrlje:invalidJSON', 2],
    ['a raw noncharacter', '"x\ufdd0"', 'xbrlje:invalidJSON', 3],
    ['a raw lone surrogate', '"x\ud800"', 'xbrlje:invalidJSON', 3],
    ['an escaped NUL', '"1\\u0000"', 'xbrlje:invalidFactValue', 3],
    ['a form feed', '"a\\fb"', 'xbrlje:invalidFactValue', 3],
  ])('refuses %s in a value, at its column (1: the opening quote)', (_, value, code, column) => {
    const text = `{"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json", "namespaces": {"t": "http://example.com/tiny", "e": "http://example.com/entity"}, "taxonomy": ["tiny.xsd"]}, "facts": {\n"a": {"value": ${value}, "dimensions": {"concept": "t:Note", "entity": "e:A"}}}}`;
    let error: KessanError | undefined;
    try {
      readXbrlJson(text, 'x.json');
    } catch (e) {
      error = e as KessanError;
    }
    expect(error).toBeInstanceOf(KessanError);
    expect({ code: error!.code, line: error!.location.line, column: error!.location.column! - '"a": {"value": '.length }).toEqual({ code, line: 2, column });
  });

  it('keeps surrogate pairs and characters XML allows (tab, line feed, carriage return)', () => {
    const r = readXbrlJson(doc({ a: { value: '😀 \t\n\r', dimensions: { concept: 't:Note', entity: 'e:A' } } }).replace('😀', '\\ud83d\\ude00 😀'), 'x.json');
    expect(r.facts[0]!.value).toBe('😀 😀 \t\n\r');
  });

  it('names where a character XML cannot carry is: a key, an entity, a dimension value', () => {
    const base = { concept: 't:Note', entity: 'e:A' };
    expect(failure(doc({ 'a\u0001': { value: 'x', dimensions: base } }))).toMatchObject({ code: 'xbrlje:invalidJSONStructure' });
    expect(failure(doc({ a: { value: 'x', dimensions: { ...base, entity: 'e:A\u0000' } } }))).toMatchObject({ code: 'oimce:invalidSQName' });
    expect(failure(doc({ a: { value: 'x', dimensions: { ...base, 't:Axis': 'A\u0000' } } }))).toMatchObject({ code: 'xbrlje:invalidDimensionValue', message: expect.stringContaining('/facts/a/dimensions/t:Axis') });
  });

  it('stops at the first fact or dimension over the limits, before reading the rest', () => {
    const dims = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t:D${i}`, 't:M']));
    const wide = doc({ a: { value: 'x', dimensions: { concept: 't:Note', entity: 'e:A', ...dims(11) } } });
    expect(() => readXbrlJson(wide, 'x.json', { limits: { maxDimensions: 11 } })).not.toThrow();
    let e: KessanError | undefined;
    try {
      readXbrlJson(wide, 'x.json', { limits: { maxDimensions: 10 } });
    } catch (x) {
      e = x as KessanError;
    }
    expect(e).toMatchObject({ code: 'kessan:jsonLimit', message: 'fact a: more than 10 taxonomy-defined dimensions (raise the limit with KESSAN_MAX_DIMENSIONS)' });
    expect(e!.location.line).toBe(lineOf(wide, '"dimensions"')); // counted exactly (core dimensions left out)
    // Far beyond: the parser stops at the first member past the limit and the core dimensions' room.
    const wider = doc({ a: { value: 'x', dimensions: { concept: 't:Note', entity: 'e:A', ...dims(1000) } } });
    expect(() => readXbrlJson(wider, 'x.json')).not.toThrow(); // the default limit is 1000
    try {
      readXbrlJson(wider, 'x.json', { limits: { maxDimensions: 10 } });
    } catch (x) {
      e = x as KessanError;
    }
    expect(e!.location.line).toBe(lineOf(wider, '"t:D14"'));
    // The parser's message names the fact by its id (its pointer token unescaped).
    const escaped = doc({ 'x/y~z': { value: 'x', dimensions: { concept: 't:Note', entity: 'e:A', ...dims(1000) } } });
    expect(() => readXbrlJson(escaped, 'x.json', { limits: { maxDimensions: 10 } })).toThrow('fact x/y~z: more than 10 taxonomy-defined dimensions (raise the limit with KESSAN_MAX_DIMENSIONS)');
    const many = doc(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}`, { value: 'x', dimensions: { concept: 't:Note', entity: 'e:A' } }])));
    expect(() => readXbrlJson(many, 'x.json', { limits: { maxFacts: 4 } })).toThrow(/more than 4 facts/);
  });

  it('places each fact, and an error about a fact, where the fact starts, whatever its id', () => {
    const ids = ['a/b', 'c~d', '~1', '__proto__', '7', ''];
    const text = doc(Object.fromEntries(ids.map((id) => [id, { value: '1', dimensions: dims({ unit: 'iso4217:JPY' }) }])));
    const { positions } = parseJson(text, 'x.json', { positionDepth: 2 });
    const where = (id: string) => positions.get(`/facts/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`)!;
    const r = readXbrlJson(text, 'x.json');
    expect(r.facts.map((f) => [f.id, f.sources[0]])).toEqual(Object.keys(JSON.parse(text).facts).map((id) => [id, { file: 'x.json', ...where(id) }]));
    // A fact that is not an object: the schema's error points at the fact itself.
    const bad = text.replace(/"c~d": \{[^}]*\}\s*\}/, '"c~d": 5');
    const { positions: badPositions } = parseJson(bad, 'x.json', { positionDepth: 2 });
    expect(failure(bad)).toMatchObject({ code: 'xbrlje:invalidJSONStructure', line: badPositions.get('/facts/c~0d')!.line });
  });

  it('records (does not throw) misplaced decimals and languages', () => {
    const r = readXbrlJson(doc({ a: { value: null, decimals: 2, dimensions: dims({ unit: 'iso4217:JPY' }) }, b: { value: '1', decimals: 0, dimensions: dims({ unit: 'iso4217:JPY', language: 'en' }) } }), 'x.json');
    expect(r.findings.map((f) => f.code)).toEqual(['oime:misplacedDecimalsProperty', 'oime:misplacedLanguageDimension']);
    expect(r.facts[1]!.lang).toBeUndefined();
  });
});

describe('parseJson', () => {
  it('keeps number text and positions; __proto__ is an ordinary key', () => {
    const p = parseJson('{"a": [1, 2.50, -3e2, -0, 12345678901234567890], "__proto__": {"x": true}}', 'f');
    expect(p.numbers.get('/a/1')).toBe('2.50');
    // Only texts that String(value) would not give back are kept.
    expect(p.numbers.get('/a/0')).toBeUndefined();
    expect([2, 3, 4].map((k) => p.numbers.get(`/a/${k}`))).toEqual(['-3e2', '-0', '12345678901234567890']);
    expect(p.positions.get('/a/2')).toEqual({ line: 1, column: 17 });
    expect(Object.keys(p.value as object)).toEqual(['a', '__proto__']);
  });

  it.each(['{"a": 01}', '{"a": "\\x"}', '[1,]', '{"a" 1}', '"\t"', '{} {}', 'NaN'])('rejects %s', (text) => {
    expect(() => parseJson(text, 'f')).toThrow(/not valid JSON/);
  });
});
