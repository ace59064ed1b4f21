/**
 * Property-based fuzzing (fast-check) of every reader: mutated and truncated versions of valid documents
 * (release text from examples/, an XBRL instance converted from it, its xBRL-CSV metadata and tables, a filer profile) must give a result or
 * a KessanError, never another exception; never hang; and the same outcome twice.
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
import { readReleaseWithProfile } from '../../src/formats/release/read/index.js';
import { readInstance } from '../../src/formats/xbrl/read/read.js';
import { parseXml } from '../../src/core/xml/parse.js';
import { decodeXml } from '../../src/core/xml/tree.js';
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
let tmp = '';

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kessan-fuzz-'));
  profile = loadProfile('examples/iij.profile.json');
  instanceText = writeXbrl(readReleaseWithProfile(EXAMPLE, 'example.txt', profile, '../taxonomy/iij/iij-2004.xsd'));
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

/** A mutation of `s`: truncation, deletion, insertion (hostile tokens or random text), duplication. */
function mutated(s: string): fc.Arbitrary<string> {
  const pos = fc.nat({ max: s.length });
  const insert = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }));
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

function check(name: string, docs: fc.Arbitrary<string>, read: (text: string) => unknown, defaultRuns: number): void {
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
