/**
 * The hostile corpus, Inline XBRL part (issue 16): every file in test/hostile/ixbrl, plus big ones generated here,
 * run through the CLI in-process. Each case has its expected exit code and the code that must be reported
 * (Arelle's, found by running Arelle on the same file: see docs/inline-xbrl.md), never gives an internal error or
 * a stack trace, and finishes within 10 s. The cases whose work once grew with a number's magnitude or the
 * input's size are run again through the built CLI with a 1 GiB heap.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { readInlineFile } from '../../src/formats/ixbrl/read/read.js';
import { CLI } from '../support/cli.js';

const DIR = 'test/hostile/ixbrl';
const LIMIT_MS = 10_000;
const VALID = readFileSync(join(DIR, 'valid.html'), 'utf8');
const REVENUES = '<ix:nonFraction name="h:Revenues" contextRef="D" unitRef="JPY" id="rev" decimals="-6" scale="6" format="ixt:num-dot-decimal">10,512</ix:nonFraction>';
const SEC = 'xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31"';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kessan-hostile-ix-'));
  writeFileSync(join(tmp, 'hostile-ix.xsd'), readFileSync(join(DIR, 'hostile-ix.xsd')));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Case {
  /** A file in test/hostile/ixbrl, or a description of a generated case. */
  readonly name: string;
  /** The command line; default `validate FILE`. */
  readonly argv?: (file: string) => string[];
  /** Writes the case's file (generated cases); returns its path. */
  readonly make?: () => string;
  readonly exit: 0 | 1 | 2;
  /** Codes the output must name. */
  readonly codes?: readonly string[];
  /** Text the output must hold (`FILE` stands for the case's file). */
  readonly says?: string;
  /** Run again through the built CLI with a 1 GiB heap. */
  readonly heavy?: boolean;
}

/** The valid document with `from` replaced (which must be there), written to the temporary folder. */
const variant = (name: string, from: string, to: string) => () => {
  if (!VALID.includes(from)) throw new Error(`variant ${name}: "${from}" is not in valid.html`);
  const p = join(tmp, name);
  writeFileSync(p, VALID.replace(from, to));
  return p;
};
const convert = (ext: string) => (f: string) => ['convert', f, '-o', join(tmp, `out-${Math.random().toString(36).slice(2)}.${ext}`)];

const CASES: Case[] = [
  { name: 'valid.html', exit: 0 },
  { name: 'escape-format.html', exit: 0 },
  // The specification's rules (Arelle's codes)
  { name: 'scale-exponent.html', exit: 1, codes: ['lxml.SCHEMAV_CVC_DATATYPE_VALID_1_2_1'] },
  { name: 'sign-plus.html', exit: 1, codes: ['lxml.SCHEMAV_CVC_PATTERN_VALID'] },
  { name: 'sign-on-nonnumeric.html', exit: 1, codes: ['lxml.SCHEMAV_CVC_COMPLEX_TYPE_3_2_2'] },
  { name: 'nil-with-content.html', exit: 1, codes: ['xmlSchema:nilElementHasContent'] },
  { name: 'continuation-shared.html', exit: 1, codes: ['ix11.4.1.2:continuationReferences'] },
  { name: 'continuation-in-hidden.html', exit: 1, codes: ['ix11.4.1.1:ancestorNodeDisallowed'] },
  { name: 'relationship-missing-ids.html', exit: 1, codes: ['ix11.13.1.2:relationshipFromRef', 'ix11.13.1.2:relationshipToRef'] },
  { name: 'exclude-outside-fact.html', exit: 1, codes: ['ix11.5.1.1:excludeMisplaced'] },
  { name: 'duplicate-fact-ids.html', exit: 1, codes: ['xml.3.3.1:idMustBeUnique'] },
  { name: 'xinclude-in-fact.html', exit: 1, codes: ['lxml.SCHEMAV_ELEMENT_CONTENT'], says: 'XInclude}include' },
  // Bounds: a number's magnitude never sets the work
  { name: 'scale-huge-negative.html', argv: convert('xbrl'), exit: 2, codes: ['kessan:scaleOutOfRange'], heavy: true },
  { name: 'scale-huge-negative.html (validate)', make: () => join(DIR, 'scale-huge-negative.html'), exit: 1, codes: ['kessan:scaleOutOfRange'], heavy: true },
  { name: 'scale-huge.html', exit: 1, codes: ['kessan:scaleOutOfRange'], heavy: true },
  { name: 'scale-huge.html (convert to JSON)', make: () => join(DIR, 'scale-huge.html'), argv: convert('json'), exit: 2, codes: ['kessan:scaleOutOfRange'], heavy: true },
  { name: 'gen: scale 1000, the largest read', make: variant('scale-1000.html', 'scale="6"', 'scale="1000"'), argv: convert('xbrl'), exit: 0, heavy: true },
  { name: 'gen: scale 1001', make: variant('scale-1001.html', 'scale="6"', 'scale="1001"'), exit: 1, codes: ['kessan:scaleOutOfRange'] },
  { name: 'gen: scale of a million digits', make: variant('scale-digits.html', 'scale="6"', `scale="${'9'.repeat(1_000_000)}"`), exit: 1, codes: ['kessan:scaleOutOfRange'], heavy: true },
  { name: 'gen: decimals -999999999', make: variant('decimals-low.html', 'decimals="-6"', 'decimals="-999999999"'), exit: 0, heavy: true },
  { name: 'gen: decimals 999999999', make: variant('decimals-high.html', 'decimals="-6"', 'decimals="999999999"'), argv: convert('json'), exit: 0, heavy: true },
  // Bounds: transforms take time in proportion to the text, not more
  { name: 'gen: ixt-sec:numwordsen "hundred" 1,000,000 times', make: variant('words.html', REVENUES, `<ix:nonFraction ${SEC} name="h:Revenues" contextRef="D" unitRef="JPY" decimals="0" format="ixt-sec:numwordsen">one${' hundred'.repeat(1_000_000)}</ix:nonFraction>`), exit: 1, codes: ['ix11.10.1.1:transformValueError'], heavy: true },
  { name: 'gen: ixt-sec:durwordsen over 1 MB of letters', make: variant('durwords.html', '>A note.<', ` ${SEC} format="ixt-sec:durwordsen">${'a'.repeat(1_000_000)}<`), exit: 1, codes: ['ix11.11.1.1:transformValueError'], heavy: true },
  { name: 'gen: ixt:num-unit-decimal over 1 MB', make: variant('unit.html', 'format="ixt:num-dot-decimal">10,512<', `format="ixt:num-unit-decimal">1${' x'.repeat(500_000)} 5 5<`), exit: 1, codes: ['ix11.10.1.1:transformValueError'], heavy: true },
  // Bounds: sizes
  { name: 'gen: 100,000 unqualified attributes on one fact', make: variant('attributes.html', 'id="note"', `id="note" ${Array.from({ length: 100_000 }, (_, i) => `a${i}="x"`).join(' ')}`), exit: 1, codes: ['lxml.SCHEMAV_CVC_COMPLEX_TYPE_3_2_2'], says: 'and 99995 more', heavy: true },
  { name: 'gen: a 4 MB escaped text block', make: variant('big-block.html', '>A note.<', ` escape="true">${'<p class="x">A <b>note</b>.<br/><span></span></p>'.repeat(75_000)}<`), argv: convert('xbrl'), exit: 0, heavy: true },
  { name: 'gen: an escaped text block nested 900 deep', make: variant('deep-block.html', '>A note.<', ` escape="true">${'<div>'.repeat(900)}deep${'</div>'.repeat(900)}<`), exit: 0 },
  { name: 'gen: 20,000 facts scaled by 1000', make: variant('many-scaled.html', REVENUES, Array.from({ length: 20_000 }, (_, i) => REVENUES.replace('id="rev"', `id="r${i}"`).replace('scale="6"', 'scale="1000"')).join('\n')), exit: 0, heavy: true },
  // Undecodable bytes: the message names the file, line and column, in text and in JSON
  { name: 'invalid-utf8.html', exit: 1, codes: ['kessan:xmlNotWellFormed'], says: 'FILE:16:66: error kessan:xmlNotWellFormed not valid UTF-8 (byte 0xc0)' },
  { name: 'nul-byte.html', exit: 1, codes: ['kessan:xmlNotWellFormed'], says: 'FILE:16:66: error kessan:xmlNotWellFormed holds a NUL character' },
  { name: 'invalid-utf8.html (JSON report)', make: () => join(DIR, 'invalid-utf8.html'), argv: (f) => ['validate', f, '--format', 'json'], exit: 1, says: '"file": "FILE",\n          "line": 16,\n          "column": 66' },
  { name: 'nul-byte.html (facts)', make: () => join(DIR, 'nul-byte.html'), argv: (f) => ['facts', f], exit: 1, says: 'kessan facts: FILE:16:66: error kessan:xmlNotWellFormed holds a NUL character' },
];

async function run(argv: string[]): Promise<{ exit: number; out: string; ms: number }> {
  const io = bufferIo();
  const t0 = performance.now();
  const exit = await runCli(argv, io);
  return { exit, out: io.err() + io.out(), ms: performance.now() - t0 };
}

const fileOf = (c: Case) => (c.make ? c.make() : join(DIR, c.name));

describe('hostile Inline XBRL', () => {
  it('has every committed document used by a case', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThanOrEqual(16);
    const used = new Set(CASES.map((c) => c.name));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it('warms up', async () => {
    await run(['validate', join(DIR, 'valid.html')]);
  }, 60_000);

  for (const c of CASES) {
    it(`${c.name} → exit ${c.exit}${c.codes ? ` ${c.codes.join(', ')}` : ''}`, async () => {
      const file = fileOf(c);
      const r = await run((c.argv ?? ((f: string) => ['validate', f]))(file));
      expect(r.out, r.out.slice(0, 2000)).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(r.exit, r.out.slice(0, 2000)).toBe(c.exit);
      for (const code of c.codes ?? []) expect(r.out).toContain(code);
      if (c.says) expect(r.out).toContain(c.says.replace('FILE', file));
      if (c.exit === 0) expect(r.out).not.toMatch(/ error /);
      expect(r.ms).toBeLessThan(LIMIT_MS);
    }, 6 * LIMIT_MS);
  }
});

describe.skipIf(!existsSync(CLI))('hostile Inline XBRL through the built CLI, with a 1 GiB heap', () => {
  for (const c of CASES.filter((x) => x.heavy)) {
    it(c.name, () => {
      const file = fileOf(c);
      const argv = (c.argv ?? ((f: string) => ['validate', f]))(file);
      const r = spawnSync(process.execPath, ['--max-old-space-size=1024', CLI, ...argv], { encoding: 'utf8', timeout: LIMIT_MS, maxBuffer: 64 * 1024 * 1024 });
      expect(r.error, String(r.error)).toBeUndefined();
      expect(r.status, r.stderr.slice(0, 2000)).toBe(c.exit);
      for (const code of c.codes ?? []) expect(r.stdout + r.stderr).toContain(code);
    }, 6 * LIMIT_MS);
  }
});

describe('what the hostile documents read as', () => {
  it('format applies to escaped content: ixt:fixed-true around an <img> is true', () => {
    const r = readInlineFile(join(DIR, 'escape-format.html'));
    expect(r.findings).toEqual([]);
    expect(r.facts.find((f) => f.concept.localName === 'Flag')!.value).toBe('true');
  });

  it('a nil fact with content stays nil, and the content is reported, not silently dropped', () => {
    const r = readInlineFile(join(DIR, 'nil-with-content.html'));
    expect(r.facts.find((f) => f.concept.localName === 'Revenues')!.value).toBeNull();
    expect(r.findings.map((f) => f.code)).toEqual(['xmlSchema:nilElementHasContent']);
  });

  it('a scale or sign that cannot be used leaves the value unscaled text, with its finding (never a wrong number)', () => {
    for (const [file, code] of [['scale-exponent.html', 'lxml.SCHEMAV_CVC_DATATYPE_VALID_1_2_1'], ['sign-plus.html', 'lxml.SCHEMAV_CVC_PATTERN_VALID'], ['scale-huge.html', 'kessan:scaleOutOfRange']] as const) {
      const r = readInlineFile(join(DIR, file));
      expect(r.facts.find((f) => f.concept.localName === 'Revenues')!.value, file).toBe('10,512');
      expect(r.findings.map((f) => f.code), file).toEqual([code]);
    }
  });

  it('a scale of 1000 keeps every digit', () => {
    const r = readInlineFile(variant('scale-1000-read.html', 'scale="6"', 'scale="1000"')());
    const v = r.facts.find((f) => f.concept.localName === 'Revenues')!.value;
    expect(typeof v === 'object' && v?.toFixed()).toBe(`10512${'0'.repeat(1000)}`);
  });
});
