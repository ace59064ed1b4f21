/**
 * Property-based fuzzing (fast-check) of every reader: mutated and truncated versions of valid documents
 * (release text from examples/, an XBRL instance, an xBRL-JSON report and xBRL-CSV metadata and tables converted
 * from it, Inline XBRL documents and sets, a filer profile) must give a result or a KessanError, never another
 * exception; never hang; and the same outcome twice. The xBRL-JSON report is read with its taxonomy, so the OIM
 * rules that need one run too.
 *
 * `npm test` runs a few hundred cases per format; `npm run fuzz` runs 10,000 (FUZZ_RUNS=n sets the count,
 * FUZZ_SEED=n replays a run).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KessanError } from '../../src/core/errors.js';
import { loadProfile, type Profile } from '../../src/formats/release/read/profile.js';
import { readInline } from '../../src/formats/ixbrl/read/read.js';
import { readReleaseWithProfile } from '../../src/formats/release/read/index.js';
import { readXbrlJson, readXbrlJsonFile, taxonomyHints, type JsonTaxonomyHints } from '../../src/formats/json/read/index.js';
import { readInstance } from '../../src/formats/xbrl/read/read.js';
import { parseXml } from '../../src/core/xml/parse.js';
import { decodeXml } from '../../src/core/xml/tree.js';
import { writeInlineXbrl } from '../../src/formats/ixbrl/write/writer.js';
import { writeXbrlJson } from '../../src/formats/json/write/index.js';
import { writeXbrl } from '../../src/formats/xbrl/write/index.js';
import { csvFilesOf, readCsvFiles } from '../support/csv.js';

const FULL = process.env.npm_lifecycle_event === 'fuzz';
const RUNS = Number(process.env.FUZZ_RUNS ?? (FULL ? 10_000 : 0)) || undefined;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Slowest a single case may be (a hang shows up as a case far slower than this). */
const CASE_MS = 5000;

const EXAMPLE = readFileSync('examples/iij-2q-fy2004.txt', 'utf8');
let profile: Profile;
let instanceText = '';
let jsonText = '';
let jsonHints: JsonTaxonomyHints | undefined;
let tmp = '';

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kessan-fuzz-'));
  profile = loadProfile('examples/iij.profile.json');
  const report = readReleaseWithProfile(EXAMPLE, 'example.txt', profile, '../taxonomy/iij/iij-2004.xsd');
  instanceText = writeXbrl(report);
  // 60 facts of every kind (numbers, nil, ratios, USD, text), and the taxonomy once for all the cases.
  jsonText = writeXbrlJson({ ...report, facts: report.facts.filter((_, i) => i % 12 === 0) });
  // The hrefs resolve beside the example (the entry point must exist; it is not read).
  jsonHints = taxonomyHints(join(process.cwd(), 'examples', 'iij-2q-fy2004.txt'), ['../taxonomy/iij/iij-2004.xsd']);
  expect(jsonHints?.invalid ?? jsonHints?.incomplete).toBeUndefined();
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Pieces hostile to some reader, inserted at random places. */
const TOKENS = [
  '<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/">]>', '&e;', '&amp;', '&#0;', '&#x10FFFF;', '\u0000', '\uFFFE', '\uD800',
  '<', '>', '</', '"', "'", ']]>', '<![CDATA[', '<!--', '\t', '\n', '\r', ' ', '1e999999', 'NaN', '-INF', '1,234',
  '(((', ')', '-', '%', '999999999', '-999999999', 'decimals="-999999999"', 'decimals="999999999"', '2004-02-30',
  '__proto__', 'constructor', '{', '}', '[', ']', ',', ':', '"__proto__":{}', '<b>', '<sup>', '***', '|', 'JPY in millions',
  'FY2004', '2Q04', 'Sept 30, 2004', 'xlink:href="../../../../etc/passwd"', 'xlink:href="http://127.0.0.1:9/x.xsd"',
];

/** Pieces hostile to the xBRL-JSON reader: escapes I-JSON or XML refuse, prototype names, OIM's own names, limits. */
const JSON_TOKENS = [
  '\\ud800', '\\udc00', '\\ud83d\\ude00', '\\uffff', '\\ufdd0', '\\u0000', '\\u001f', '\\f', '\\b', '\\u', '\\"',
  '"constructor": "x",', '"__proto__": "http://e",', '"toString": {},', '"xbrl:x": "y",', '"iij:NoSuchAxis": "iij:X",', '"language": "EN",',
  '"unit": "xbrli:pure",', '"unit": "iso4217:JPY",', '"decimals": 1e999,', '"decimals": -0,', '"period": "2004-02-30T00:00:00",', '"value": null,',
  '"concept": "xbrl:note",', '"entity": "xbrl:NA",', '"links": {"_": {"footnote": ["x"]}},', '"taxonomy": [],', '"taxonomy": ["/etc/passwd"],',
];

/** Pieces hostile to the Inline XBRL reader, inserted anywhere (most break well-formedness, which is tested too). */
const IX_TOKENS = ['<ix:exclude>', '</ix:exclude>', '<ix:continuation id="c1">', '</ix:continuation>', '<ix:hidden>', '</ix:hidden>', '&nbsp;', '&bogus;', ' hundred', 'constructor', '2.7'];
/** Attributes the specification forbids or bounds, inserted into ix elements' start tags. */
const IX_ATTRIBUTES = [
  'scale="999999999"', 'scale="-99999999"', 'scale="6e2"', 'scale="1000"', 'scale="-1001"', 'sign="+"', 'sign="-"', 'escape="true"', 'escape="1"', 'xsi:nil="true"',
  'continuedAt="c1"', 'continuedAt="c2"', 'continuedAt="fn1"', 'id="c1"', 'id="rev"', 'id="fn1"', 'format="ixt:fixed-true"', 'format="ixt-sec:numwordsen"', 'format="ixt-sec:durwordsen"',
  'format="ixt-sec:duryear"', 'format="ixt:num-unit-decimal"', 'format="ixt2:zerodash"', 'format="nope:x"', 'decimals="INF"', 'decimals="-999999999"', 'footnoteRefs="fn1 x"',
  'tupleRef="o1"', 'order="x"', 'a1="x" a2="y"', 'name="constructor"', 'contextRef="__proto__"', 'unitRef="constructor"',
];
/** Well-formed pieces inserted between tags. */
const IX_ELEMENTS = [
  '<ix:exclude>excluded</ix:exclude>', '<ix:continuation id="c1">more</ix:continuation>', '<ix:hidden><ix:continuation id="c2">hidden</ix:continuation></ix:hidden>',
  '<ix:relationship fromRefs="x rev" toRefs="y fn1"/>', '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>', '<br/>', '<td/>', '<span></span>',
  '<img src="a b.png"/>', '<base href="http://example.com/x/"/>', '<p xml:lang="ja" style="a" class="b">p</p>', 'one hundred hundred', '2.7 years', '&lt;b&gt;',
  '<ix:nonFraction name="t:X" contextRef="D" unitRef="JPY" decimals="0" scale="999999999">1</ix:nonFraction>',
  '<ix:nonNumeric name="t:Y" contextRef="D" escape="true" format="ixt:fixed-true"><img src="x"/></ix:nonNumeric>',
  '<ix:footnote id="fn2" continuedAt="c1">note</ix:footnote>',
];

/**
 * A mutation of an Inline XBRL document that keeps it well-formed more often than `mutated` alone: attributes
 * put into ix start tags and elements put between tags, then (sometimes) the generic mutations.
 */
function ixMutated(s: string): fc.Arbitrary<string> {
  const tags = [...s.matchAll(/<ix:[A-Za-z]+/g)].map((m) => m.index + m[0].length);
  const gaps = [...s.matchAll(/>/g)].map((m) => m.index + 1);
  const one = fc.oneof(
    fc.tuple(fc.constantFrom(...tags), fc.constantFrom(...IX_ATTRIBUTES)).map(([p, a]) => ({ p, x: ` ${a}` })),
    fc.tuple(fc.constantFrom(...gaps), fc.constantFrom(...IX_ELEMENTS)).map(([p, x]) => ({ p, x })),
  );
  // Insert from the end backwards so that earlier positions stay valid.
  const structured = fc.array(one, { minLength: 1, maxLength: 8 }).map((ops) => [...ops].sort((a, b) => b.p - a.p).reduce((t, { p, x }) => t.slice(0, p) + x + t.slice(p), s));
  return fc.oneof({ weight: 3, arbitrary: structured }, { weight: 1, arbitrary: structured.chain((t) => mutated(t, IX_TOKENS)) });
}

/** A mutation of `s`: truncation, deletion, insertion (hostile tokens or random text), duplication. */
function mutated(s: string, extra: readonly string[] = []): fc.Arbitrary<string> {
  const pos = fc.nat({ max: s.length });
  const insert = fc.oneof(fc.constantFrom(...TOKENS, ...extra), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }));
  const one = fc.oneof(
    pos.map((p) => (t: string) => t.slice(0, Math.min(p, t.length))),
    fc.tuple(pos, fc.nat({ max: 400 })).map(([p, n]) => (t: string) => t.slice(0, p) + t.slice(p + n)),
    fc.tuple(pos, insert).map(([p, x]) => (t: string) => t.slice(0, p) + x + t.slice(p)),
    fc.tuple(pos, fc.nat({ max: 2000 }), fc.integer({ min: 2, max: 50 })).map(([p, n, k]) => (t: string) => t.slice(0, p) + t.slice(p, p + n).repeat(k) + t.slice(p)),
    fc.tuple(pos, insert).map(([p, x]) => (t: string) => t.slice(0, p) + x + t.slice(p + x.length)),
  );
  return fc.array(one, { minLength: 1, maxLength: 6 }).map((fs) => fs.reduce((t, f) => f(t), s));
}

/** What reading gave, as a comparable string: a summary of the result, or the KessanError's code. */
function outcome(read: () => unknown): string {
  const t0 = performance.now();
  let result: string;
  try {
    result = JSON.stringify(read());
  } catch (e) {
    if (!(e instanceof KessanError)) throw e; // the property fails: an uncaught non-KessanError exception
    result = `error ${e.code} ${e.exitCode} ${e.location.line ?? ''}`;
  }
  const ms = performance.now() - t0;
  if (ms > CASE_MS) throw new Error(`took ${Math.round(ms)} ms`);
  return result;
}

function check<T>(name: string, docs: fc.Arbitrary<T>, read: (doc: T) => unknown, defaultRuns: number): void {
  const numRuns = RUNS ?? defaultRuns;
  it(`${name}: ${numRuns} mutated documents`, async () => {
    const t0 = performance.now();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(docs, async (text) => {
        // Let the test runner's worker breathe now and then: a long synchronous run starves its RPC.
        if (++n % 50 === 0) await new Promise((r) => setImmediate(r));
        const a = outcome(() => read(text));
        const b = outcome(() => read(text));
        expect(b).toBe(a);
      }),
      { numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    console.log(`fuzz ${name}: ${numRuns} cases in ${Math.round(performance.now() - t0)} ms`);
  }, 0);
}

/** A slice of the release around one table (whole-release reads take ~0.3 s; slices keep the run short). */
const releaseSlices = (): string[] => {
  const starts = [...EXAMPLE.matchAll(/^\*\*[A-Z][^\n]*\*\*$/gm)].map((m) => m.index);
  return starts.slice(0, 12).map((s, i) => EXAMPLE.slice(s, starts[i + 1] ?? s + 6000));
};

describe('fuzz', () => {
  check(
    'release text',
    fc.constantFrom(...releaseSlices()).chain((s) => mutated(s)),
    (text) => {
      const r = readReleaseWithProfile(text, 'fuzz.txt', profile);
      return { facts: r.facts.length, findings: r.findings.map((f) => `${f.code}@${f.line ?? ''}`) };
    },
    150,
  );

  const small = () => instanceText.slice(0, 40_000).replace(/\n\s*<iij:[^\n]*$/, '') + '\n</xbrli:xbrl>\n';
  check(
    'XBRL instance',
    fc.constant(null).chain(() => mutated(small())),
    (text) => {
      const r = readInstance(text, 'fuzz.xbrl');
      return { facts: r.facts.map((f) => `${f.id} ${typeof f.value === 'object' && f.value ? f.value.toFixed() : String(f.value)} ${f.decimals ?? ''}`), refs: r.instance.refs.map((x) => x.href) };
    },
    250,
  );

  check(
    'XBRL instance (bytes: encodings, BOMs)',
    fc.constant(null).chain(() => mutated(small().slice(0, 4000) + '</xbrli:xbrl>')),
    (text) => {
      const buf = Buffer.from(text, 'utf8');
      const root = parseXml(decodeXml(buf, 'fuzz.xbrl'), 'fuzz.xbrl');
      return root.children.length;
    },
    200,
  );

  // xBRL-CSV: the example's report as written, with its metadata or one of its tables mutated (read in memory).
  let written: Record<string, string> | undefined;
  const csvFiles = () => (written ??= csvFilesOf(readInstance(instanceText, 'fuzz.xbrl')));
  const readCsv = (files: Record<string, string>) => {
    const r = readCsvFiles(files, { hints: { numeric: () => undefined, typedDomain: () => undefined } });
    return { facts: r.facts.map((f) => `${f.id} ${typeof f.value === 'object' && f.value ? f.value.toFixed() : String(f.value)} ${f.decimals ?? ''}`), findings: r.findings.map((f) => `${f.code}@${f.line ?? ''}`) };
  };
  check(
    'xBRL-CSV metadata',
    fc.constant(null).chain(() => mutated(csvFiles()['r.json']!)),
    (text) => readCsv({ ...csvFiles(), 'r.json': text }),
    200,
  );
  check(
    'xBRL-CSV table',
    // The table's name, a NUL, the mutated table (check() takes one string).
    fc.constantFrom('Revenues.csv', 'ConnectivityAndValueAddedServicesRevenue.csv', 'DedicatedAccessServiceContracts.csv').chain((name) => mutated(csvFiles()[name]!).map((text) => `${name}\u0000${text}`)),
    (both) => {
      const at = both.indexOf('\u0000');
      return readCsv({ ...csvFiles(), [both.slice(0, at)]: both.slice(at + 1) });
    },
    150,
  );

  // Inline XBRL: a document with every feature the reader has (continuations, escaped blocks, tuples, fractions,
  // footnotes, transforms), the hostile corpus's valid document, and the example release written as Inline XBRL.
  const inlineDocs = () => {
    const example = writeInlineXbrl(readReleaseWithProfile(EXAMPLE, 'example.txt', profile, '../taxonomy/iij/iij-2004.xsd'), { schemaRef: '../taxonomy/iij/iij-2004.xsd' });
    const cut = example.indexOf('</table>', 30_000);
    return [
      readFileSync('src/formats/ixbrl/read/fixtures/features.html', 'utf8'),
      readFileSync('test/hostile/ixbrl/valid.html', 'utf8'),
      `${example.slice(0, cut + '</table>'.length)}\n</body>\n</html>\n`,
    ];
  };
  let inline: string[] = [];
  check(
    'Inline XBRL',
    fc.constant(null).chain(() => fc.constantFrom(...(inline = inline.length ? inline : inlineDocs()))).chain((s) => ixMutated(s)),
    (text) => {
      const r = readInline([{ text, file: 'fuzz.html' }]);
      return {
        facts: r.facts.map((f) => `${f.id} ${f.value === null ? 'nil' : typeof f.value === 'string' ? f.value.length : f.value.toFixed().length} ${f.decimals ?? ''}`),
        findings: r.findings.map((f) => `${f.code}@${f.line ?? ''}`),
        footnotes: r.inline.footnotes.map((f) => f.text.length),
      };
    },
    250,
  );

  check(
    'Inline XBRL document set (bytes: encodings, BOMs, two documents)',
    fc.constant(null).chain(() => fc.tuple(ixMutated(readFileSync('test/hostile/ixbrl/valid.html', 'utf8')), ixMutated(readFileSync('src/formats/ixbrl/read/fixtures/features.html', 'utf8')))),
    ([a, b]) => {
      const docs = [a, b].map((t, i) => ({ file: `fuzz-${i}.html`, text: decodeXml(Buffer.from(t, 'utf8'), `fuzz-${i}.html`) }));
      const r = readInline(docs);
      return { facts: r.facts.length, findings: r.findings.map((f) => `${f.code}@${f.file ?? ''}:${f.line ?? ''}`) };
    },
    150,
  );

  const jsonOutcome = (r: ReturnType<typeof readXbrlJson>) => ({
    facts: r.facts.map((f) => `${f.id} ${f.concept.localName} ${typeof f.value === 'object' && f.value ? f.value.toFixed() : String(f.value)} ${f.decimals ?? ''} ${[...f.dimensions.values()].map((v) => ('typed' in v ? v.typed : v.localName)).join(',')}`),
    findings: r.findings.map((f) => `${f.code}@${f.line ?? ''}:${f.column ?? ''}`),
  });
  check(
    'xBRL-JSON',
    fc.constant(null).chain(() => mutated(jsonText, JSON_TOKENS)),
    (text) => jsonOutcome(readXbrlJson(text, 'fuzz.json', { ...(jsonHints ? { hints: jsonHints } : {}) })),
    250,
  );

  // Members of facts replaced by hostile values: valid JSON that reaches the OIM rules (unknown dimensions,
  // misplaced units and languages, periods against period types, characters XML cannot carry...). The base is
  // the hostile corpus's valid report, whose taxonomy has explicit and typed dimensions, defaults, abstract,
  // non-nillable and instant concepts.
  const HOSTILE = 'test/hostile/json/valid.json';
  const MEMBERS = ['value', 'decimals', 'concept', 'entity', 'period', 'unit', 'language', 'h:RegionAxis', 'h:CodeAxis', 'h:PlaceAxis', 'h:TokenAxis', 'h:NoSuchAxis', 'h:Revenues', 'xbrl:x', '__proto__', 'constructor'];
  const VALUES = fc.oneof(
    fc.constantFrom<unknown>(null, 0, -3, 1.5, 1e300, true, 'x', '', 'EN', 'en', '12.5', '-0', '1e3', 'h:Revenues', 'h:Cash', 'h:Note', 'h:Flag', 'h:Heading', 'h:Share', 'h:Pair', 'h:Code', 'h:NoSuch'),
    fc.constantFrom('h:Kanto', 'h:AllRegions', 'h:RegionAxis', 'xbrli:pure', 'iso4217:JPY/xbrli:shares', '2021-01-01T00:00:00', '2020-01-01T00:00:00/2021-01-01T00:00:00', '2004-02-30T00:00:00', 'e:1', 'e:', 'zz:1', 'a\u0000b', '\ud800', '\uffff', 'a\fb'),
    fc.string({ maxLength: 6 }),
  );
  const structured = fc
    .array(fc.tuple(fc.nat(), fc.constantFrom(...MEMBERS), VALUES, fc.boolean()), { minLength: 1, maxLength: 4 })
    .map((edits) => {
      const doc = JSON.parse(readFileSync(HOSTILE, 'utf8')) as { facts: Record<string, Record<string, unknown> & { dimensions: Record<string, unknown> }> };
      const facts = Object.values(doc.facts);
      for (const [n, member, v, remove] of edits) {
        const f = facts[n % facts.length]!;
        const target = member === 'value' || member === 'decimals' ? f : f.dimensions;
        if (remove) delete target[member];
        else Object.defineProperty(target, member, { value: v, enumerable: true, writable: true, configurable: true });
      }
      // JSON.stringify escapes the NUL, the form feed and the lone surrogate; U+FFFF stays a character.
      return JSON.stringify(doc, null, 1);
    });
  let hostileHints: JsonTaxonomyHints | undefined;
  check(
    'xBRL-JSON (structured: fact members replaced)',
    structured,
    (text) => jsonOutcome(readXbrlJson(text, 'fuzz.json', { hints: (hostileHints ??= taxonomyHints(join(process.cwd(), HOSTILE), ['h.xsd'])) ?? { numeric: () => undefined, typedDomain: () => undefined } })),
    300,
  );

  check(
    'xBRL-JSON (bytes: encodings, BOMs, from a file)',
    fc.constant(null).chain(() =>
      fc.tuple(mutated(jsonText.slice(0, 3000), JSON_TOKENS), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 })).map(([text, flips]) => {
        const buf = Buffer.from(text, 'utf8');
        for (const [at, byte] of flips) if (buf.length) buf[at % buf.length] = byte;
        return buf.toString('latin1');
      }),
    ),
    (bytes) => {
      const f = join(tmp, 'fuzz.json');
      writeFileSync(f, Buffer.from(bytes, 'latin1'));
      return jsonOutcome(readXbrlJsonFile(f, { ...(jsonHints ? { hints: jsonHints } : {}) }));
    },
    150,
  );

  check(
    'filer profile',
    fc.constant(null).chain(() => mutated(readFileSync('examples/iij.profile.json', 'utf8').replace('../taxonomy', join(process.cwd(), 'taxonomy')))),
    (text) => {
      const f = join(tmp, 'p.json');
      writeFileSync(f, text);
      const p = loadProfile(f);
      return { ...p, file: '', typeUnits: { ...p.typeUnits } };
    },
    300,
  );
});
