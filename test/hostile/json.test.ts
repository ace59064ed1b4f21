/**
 * The hostile xBRL-JSON corpus (issue 16): every file in test/hostile/json, plus big documents generated here, run
 * through the CLI in-process. The folder's taxonomy (h.xsd, h-def.xml) declares one concept or dimension for each
 * OIM rule that needs a taxonomy. Each case has its expected exit code and the code that must be reported (and,
 * where there is one, the line and column it must name, in the text report as in the JSON one); it must never give
 * an internal error or a stack trace, and must finish in under 10 s with the process under 1 GiB.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { setLimits } from '../../src/core/limits.js';

const DIR = 'test/hostile/json';
const LIMIT_MS = 10_000;
const LIMIT_BYTES = 1024 ** 3;

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kessan-hostile-json-'));
  // The generated documents' taxonomy, beside them (the CLI reads nothing outside a document's folder).
  for (const f of ['h.xsd', 'h-def.xml']) copyFileSync(join(DIR, f), join(tmp, f));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  delete process.env.KESSAN_MAX_DIMENSIONS;
  setLimits();
});

interface Case {
  readonly name: string;
  /** A file in test/hostile/json (default: `name`), or, for a generated case, a function that writes it. */
  readonly file?: string;
  readonly make?: () => string;
  /** The command line; `file` stands for the case's file. Default: validate. */
  readonly argv?: (file: string) => string[];
  readonly exit: 0 | 1 | 2;
  /** A code the output must name. */
  readonly code?: string;
  /** `line:col` the finding with `code` must name after the file. */
  readonly at?: string;
  /** Text the output must contain, and codes or text it must not. */
  readonly out?: string;
  readonly not?: readonly string[];
  /** At most this many lines of output (a bounded report). */
  readonly maxLines?: number;
  /** Environment for the run (limits read from it). */
  readonly env?: Readonly<Record<string, string>>;
}

const convert = (ext: string) => (f: string) => ['convert', f, '-o', join(tmp, `out${ext}`)];
const facts = (f: string) => ['facts', f, '--format', 'jsonl'];

const NS = { h: 'http://kessan.dev/test/hostile-json', iso4217: 'http://www.xbrl.org/2003/iso4217', e: 'http://example.com/entity' };
const DUR = '2020-01-01T00:00:00/2021-01-01T00:00:00';
/** An xBRL-JSON document with the folder's taxonomy, written as text (a million members as an object would not be). */
function report(facts: string, tax = 'h.xsd'): string {
  return `{"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json", "namespaces": ${JSON.stringify(NS)}, "taxonomy": [${JSON.stringify(tax)}]},\n"facts": {${facts}}}\n`;
}
const fact = (id: string, dims: string) => `"${id}": {"value": "1000", "decimals": -3, "dimensions": {"concept": "h:Revenues", "entity": "e:X", "period": "${DUR}", "unit": "iso4217:JPY"${dims}}}`;
const dims = (n: number) => Array.from({ length: n }, (_, i) => `, "h:D${i}": "h:M"`).join('');
const gen = (name: string, text: () => string) => () => {
  const p = join(tmp, name);
  writeFileSync(p, text());
  return p;
};

const CASES: Case[] = [
  { name: 'valid.json', exit: 0, not: ['oime:', 'xbrlje:', 'kessan:'] },
  { name: 'valid.json (convert to XBRL)', file: 'valid.json', argv: convert('.xbrl'), exit: 0 },
  { name: 'valid.json (convert to xBRL-JSON)', file: 'valid.json', argv: convert('.json'), exit: 0 },
  // OIM rules that need the taxonomy (Arelle's codes)
  { name: 'undeclared-dimension.json', exit: 1, code: 'oime:unknownDimension', at: '22:25' },
  { name: 'undeclared-dimension.json (convert)', file: 'undeclared-dimension.json', argv: convert('.xbrl'), exit: 1, code: 'oime:unknownDimension', at: '22:25' },
  { name: 'not-a-dimension.json', exit: 1, code: 'oime:unknownDimension', at: '22:23' },
  { name: 'undeclared-concept.json', exit: 1, code: 'oime:unknownConcept', at: '18:20' },
  { name: 'not-a-concept.json', exit: 1, code: 'oime:unknownConcept' },
  { name: 'abstract-concept.json', exit: 1, code: 'oime:valueForAbstractConcept' },
  { name: 'fraction-concept.json', exit: 1, code: 'oime:unsupportedConceptDataType' },
  { name: 'tuple-concept.json', exit: 1, code: 'oime:unsupportedConceptDataType' },
  { name: 'instant-period-duration-concept.json', exit: 1, code: 'oime:invalidPeriodDimension', at: '20:19' },
  { name: 'duration-period-instant-concept.json', exit: 1, code: 'oime:invalidPeriodDimension' },
  { name: 'no-period-instant-concept.json', exit: 1, code: 'oime:missingPeriodDimension' },
  { name: 'unit-on-text.json', exit: 1, code: 'oime:misplacedUnitDimension', at: '20:17' },
  { name: 'decimals-on-text.json', exit: 1, code: 'oime:misplacedDecimalsProperty' },
  { name: 'language-on-number.json', exit: 1, code: 'oime:misplacedLanguageDimension' },
  { name: 'language-on-boolean.json', exit: 1, code: 'oime:misplacedLanguageDimension' },
  { name: 'language-upper-case.json', exit: 1, code: 'xbrlje:invalidLanguageCodeCase' },
  { name: 'nil-not-nillable.json', exit: 1, code: 'oime:invalidFactValue' },
  { name: 'default-member.json', exit: 1, code: 'oime:invalidDimensionValue' },
  { name: 'explicit-not-qname.json', exit: 1, code: 'xbrlje:invalidDimensionValue', at: '22:25' },
  { name: 'typed-complex-domain.json', exit: 1, code: 'oime:unsupportedDimensionDataType' },
  { name: 'typed-id-domain.json', exit: 1, code: 'oime:unsupportedDimensionDataType' },
  { name: 'typed-value-like-qname.json', argv: facts, exit: 0, out: '"h:CodeAxis":"<h:Code>h:Kanto</h:Code>"' },
  { name: 'text-value-on-number.json', exit: 1, code: 'xbrlje:invalidFactValue' },
  { name: 'xbrl-prefixed-dimension.json', exit: 1, code: 'xbrlje:invalidJSONStructure' },
  { name: 'no-taxonomy.json', exit: 1, code: 'oime:noTaxonomy', at: '9:17' },
  // what could not be checked is said, not guessed
  { name: 'taxonomy-missing.json', exit: 1, code: 'oime:invalidTaxonomy', out: 'kessan:taxonomyRulesUnchecked', not: ['error oime:unknownConcept', 'error oime:unknownDimension'] },
  // a remote taxonomy: not available offline, so an error (kessan:taxonomyUnavailable) unless allowed
  { name: 'taxonomy-remote.json', exit: 1, code: 'kessan:taxonomyRulesUnchecked', out: 'error kessan:taxonomyUnavailable', not: ['error oime:unknownConcept', 'error oime:unknownDimension'] },
  // prefixes are looked up in maps: constructor, toString and __proto__ are prefixes like any other
  { name: 'prefix-constructor.json', exit: 0, not: ['native code', 'invalidURIForReservedAlias'] },
  { name: 'prefix-proto.json', exit: 0, not: ['[object Object]', 'invalidURIForReservedAlias'] },
  { name: 'two-prefixes-one-namespace.json', exit: 1, code: 'oimce:multipleAliasesForURI', at: '6:13' },
  { name: 'reserved-prefix-elsewhere.json', exit: 1, code: 'oimce:invalidURIForReservedAlias', out: 'reserved for http://www.xbrl.org/2003/instance' },
  // characters: I-JSON's (surrogates, noncharacters) and XML's (controls), refused where they are
  { name: 'lone-high-surrogate.json', exit: 1, code: 'xbrlje:invalidJSON', at: '15:23' },
  { name: 'lone-high-surrogate.json (convert)', file: 'lone-high-surrogate.json', argv: convert('.xbrl'), exit: 1, code: 'xbrlje:invalidJSON', at: '15:23' },
  { name: 'lone-low-surrogate-key.json', exit: 1, code: 'xbrlje:invalidJSON', at: '14:7' },
  { name: 'noncharacter.json', exit: 1, code: 'xbrlje:invalidJSON', at: '15:23' },
  { name: 'nul-in-value.json', exit: 1, code: 'xbrlje:invalidFactValue', at: '15:22' },
  { name: 'nul-in-value.json (convert)', file: 'nul-in-value.json', argv: convert('.xbrl'), exit: 1, code: 'xbrlje:invalidFactValue', at: '15:22' },
  { name: 'nul-in-value.json (facts)', file: 'nul-in-value.json', argv: facts, exit: 1, code: 'xbrlje:invalidFactValue', at: '15:22' },
  { name: 'nul-in-number.json', exit: 1, code: 'xbrlje:invalidFactValue', at: '15:21' },
  { name: 'nul-in-entity.json', exit: 1, code: 'oimce:invalidSQName', at: '19:23' },
  { name: 'nul-in-entity.json (convert)', file: 'nul-in-entity.json', argv: convert('.xbrl'), exit: 1, code: 'oimce:invalidSQName', at: '19:23' },
  { name: 'nul-in-fact-id.json', exit: 1, code: 'xbrlje:invalidJSONStructure', at: '14:7' },
  { name: 'control-in-typed-dimension.json', exit: 1, code: 'xbrlje:invalidDimensionValue', at: '22:25' },
  { name: 'formfeed-in-text.json', exit: 1, code: 'xbrlje:invalidFactValue', at: '15:23' },
  // bytes and structure
  { name: 'not-utf8.json', exit: 1, code: 'xbrlje:invalidJSON', at: '15:23' },
  { name: 'utf16.json', exit: 1, code: 'xbrlje:invalidJSON', at: '1:1' },
  { name: 'duplicate-fact-id.json', exit: 1, code: 'xbrlje:invalidJSON', at: '24:5' },
  { name: 'nested-deep.json', exit: 1, code: 'xbrlje:invalidJSON' },
  { name: 'links.json', exit: 0, code: 'kessan:linksIgnored', at: '14:11' },
  // generated: bounds
  { name: 'gen: a million dimensions on one fact', make: gen('million-dims.json', () => report(fact('f1', dims(1_000_000)))), exit: 1, code: 'kessan:jsonLimit', maxLines: 3 },
  { name: 'gen: a million dimensions on one fact (convert)', make: gen('million-dims.json', () => report(fact('f1', dims(1_000_000)))), argv: convert('.xbrl'), exit: 1, code: 'kessan:jsonLimit' },
  { name: 'gen: 1001 undeclared dimensions on one fact', make: gen('dims-1001.json', () => report(fact('f1', dims(1001)))), exit: 1, code: 'kessan:jsonLimit', out: 'more than 1000 taxonomy-defined dimensions' },
  { name: 'gen: 1500 dimensions with KESSAN_MAX_DIMENSIONS=2000', make: gen('dims-1500.json', () => report(fact('f1', dims(1500)))), env: { KESSAN_MAX_DIMENSIONS: '2000' }, exit: 1, code: 'oime:unknownDimension', not: ['kessan:jsonLimit'], maxLines: 110 },
  {
    name: 'gen: 400 facts with 1000 undeclared dimensions each',
    make: gen('wide.json', () => report(Array.from({ length: 400 }, (_, i) => fact(`f${i}`, dims(1000))).join(',\n'))),
    exit: 1,
    code: 'oime:unknownDimension',
    out: '399900 more finding(s)',
    maxLines: 110,
  },
  { name: 'gen: 2000 facts with --max-facts 1000', make: gen('many.json', () => report(Array.from({ length: 2000 }, (_, i) => fact(`f${i}`, '')).join(',\n'))), argv: (f) => ['validate', f, '--max-facts', '1000'], exit: 1, code: 'kessan:jsonLimit' },
  { name: 'gen: file over --max-file-size', make: gen('big.json', () => report(fact('f1', ''))), argv: (f) => ['facts', f, '--max-file-size', '200'], exit: 2, code: 'kessan:fileTooLarge' },
];

async function run(argv: string[], env: Readonly<Record<string, string>> = {}): Promise<{ exit: number; out: string; ms: number }> {
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
  setLimits(); // the limits from the environment
  try {
    const io = bufferIo();
    const t0 = performance.now();
    const exit = await runCli(argv, io);
    return { exit, out: io.err() + io.out(), ms: performance.now() - t0 };
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
    setLimits();
  }
}

describe('hostile xBRL-JSON', () => {
  it('has a case for every committed document', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const used = new Set(CASES.map((c) => c.file ?? c.name));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it('warms up (loads the commands and the taxonomy once)', async () => {
    await run(['validate', join(DIR, 'valid.json')]);
  }, 60_000);

  for (const c of CASES) {
    it(`${c.name} → exit ${c.exit}${c.code ? ` ${c.code}` : ''}`, async () => {
      const file = c.make ? c.make() : join(DIR, c.file ?? c.name);
      const argv = (c.argv ?? ((f: string) => ['validate', f]))(file);
      const r = await run(argv, c.env);
      const head = r.out.slice(0, 2000);
      expect(r.out, head).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(r.exit, head).toBe(c.exit);
      if (c.code) expect(r.out, head).toContain(c.code);
      if (c.at) expect(r.out, head).toContain(`${file}:${c.at}:`);
      if (c.out) expect(r.out, head).toContain(c.out);
      for (const n of c.not ?? []) expect(r.out, head).not.toContain(n);
      if (c.maxLines) expect(r.out.trimEnd().split('\n').length, head).toBeLessThanOrEqual(c.maxLines);
      expect(r.ms).toBeLessThan(LIMIT_MS);
      expect(process.resourceUsage().maxRSS * 1024).toBeLessThan(LIMIT_BYTES);
      if (c.make) return;
      // Same outcome twice; and the JSON report names the same place.
      expect((await run(argv, c.env)).exit).toBe(r.exit);
      if (argv[0] === 'validate' && c.code) {
        const json = JSON.parse((await run([...argv, '--format', 'json'], c.env)).out) as { files: { findings: { code: string; file?: string; line?: number; column?: number }[] }[] };
        const found = json.files[0]!.findings.find((f) => f.code === c.code);
        expect(found?.file).toBe(file);
        if (c.at) expect(`${found?.line}:${found?.column}`).toBe(c.at);
      }
    }, 4 * LIMIT_MS);
  }

  it('a prefix named __proto__ is written back as one (xBRL-JSON to xBRL-JSON)', async () => {
    const out = join(tmp, 'proto-back.json');
    expect((await run(['convert', join(DIR, 'prefix-proto.json'), '-o', out])).exit).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { documentInfo: { namespaces: Record<string, string> }; facts: Record<string, { dimensions: Record<string, string> }> };
    expect(Object.getOwnPropertyDescriptor(doc.documentInfo.namespaces, '__proto__')?.value).toBe(NS.h);
    expect(doc.facts.f1!.dimensions).toMatchObject({ concept: '__proto__:Revenues', '__proto__:RegionAxis': '__proto__:Kanto' });
  });

  it('no prototype was polluted', () => {
    expect(({} as Record<string, unknown>).Revenues).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('http://kessan.dev/test/hostile-json');
  });
});
