/**
 * The hostile corpus (issue 8): every file in test/hostile/files, plus big ones generated here, run through the
 * CLI in-process. Each case has its expected exit code and the code that must be reported (or none), must
 * never give an internal error or a stack trace, and must finish in under 5 s.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { setLimits } from '../../src/core/limits.js';

const DIR = 'test/hostile/files';
const PROFILE = 'examples/iij.profile.json';
const EXAMPLE = 'examples/iij-2q-fy2004.txt';
const LIMIT_MS = 5000;

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kessan-hostile-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  setLimits();
});

interface Case {
  /** A file in test/hostile/files, or a description of a generated case. */
  readonly name: string;
  /** The command line; `FILE` stands for the case's file. Default: validate (release text with the profile). */
  readonly argv?: (file: string) => string[];
  /** Writes the case's file (generated cases); returns its path. */
  readonly make?: () => string;
  readonly exit: 0 | 1 | 2;
  /** A code the output must name (undefined: no particular code). */
  readonly code?: string;
  /** Codes the output must not name. */
  readonly not?: readonly string[];
}

const validate = (f: string) => ['validate', f];
const validateRelease = (f: string) => ['validate', f, '--profile', PROFILE];
const convertWith = (profile: string) => ['convert', EXAMPLE, '-o', join(tmp, 'profile-out.xbrl'), '-p', profile];
const gen = (name: string, data: string | Uint8Array) => () => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
};

const NS = 'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:h="http://kessan.dev/test/hostile"';
const CONTEXT = '<xbrli:context id="D"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2004-04-01</xbrli:startDate><xbrli:endDate>2004-09-30</xbrli:endDate></xbrli:period></xbrli:context><xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>';
const instance = (body: string) => `<?xml version="1.0"?>\n<xbrli:xbrl ${NS}>\n<link:schemaRef xlink:type="simple" xlink:href="${join(process.cwd(), DIR, 'hostile.xsd')}"/>\n${CONTEXT}\n${body}\n</xbrli:xbrl>\n`;
const fact = (v: string, attrs = 'decimals="0"') => `<h:Revenues contextRef="D" unitRef="JPY" ${attrs}>${v}</h:Revenues>`;

const CASES: Case[] = [
  // XBRL instances: DOCTYPE, entities, well-formedness
  { name: 'doctype-xxe.xbrl', exit: 1, code: 'kessan:xmlDoctype' },
  { name: 'doctype-external-dtd.xbrl', exit: 1, code: 'kessan:xmlDoctype' },
  { name: 'doctype-parameter-entity.xbrl', exit: 1, code: 'kessan:xmlDoctype' },
  { name: 'billion-laughs.xbrl', exit: 1, code: 'kessan:xmlDoctype' },
  { name: 'doctype-after-comment.xbrl', exit: 1, code: 'kessan:xmlDoctype' },
  { name: 'doctype-in-body.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'undeclared-entity.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'truncated.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'empty.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'whitespace-only.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'binary-junk.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'nul-byte.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'invalid-utf8.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'attribute-dup.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'unbound-prefix.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'not-xbrl-root.xbrl', exit: 1, code: 'xbrl.4:xbrlRootElement' },
  // encodings
  { name: 'valid.xbrl', exit: 0 },
  { name: 'utf8-bom.xbrl', exit: 0 },
  { name: 'utf16le-bom.xbrl', exit: 0 },
  { name: 'utf16be-bom.xbrl', exit: 0 },
  { name: 'utf16-no-bom.xbrl', exit: 0 },
  // numbers, decimals, dates, names
  { name: 'number-1e999999.xbrl', exit: 1, code: 'xbrl' },
  { name: 'number-nan.xbrl', exit: 1, code: 'xbrl' },
  { name: 'number-comma.xbrl', exit: 1, code: 'xbrl' },
  { name: 'number-long-digits.xbrl', exit: 0 },
  { name: 'decimals-huge.xbrl', exit: 0 },
  { name: 'decimals-huge-negative.xbrl', exit: 0 },
  { name: 'decimals-overflow.xbrl', exit: 0 },
  { name: 'impossible-date.xbrl', exit: 1, code: 'xbrl.4.7.2:contextDateError' },
  { name: 'proto-names.xbrl', exit: 1, code: 'xbrl.4.6.1:itemContextRef' },
  // references: never fetched, never read outside the filing's folder
  // A schema that cannot be had offline: its facts were not checked, an error (exit 1) unless --allow-unavailable-taxonomy.
  { name: 'schemaref-http.xbrl', exit: 1, code: 'error kessan:taxonomyUnavailable' },
  { name: 'schemaref-file-url.xbrl', exit: 1, code: 'IOerror' },
  { name: 'schemaref-outside.xbrl', exit: 1, code: 'kessan:referenceRefused', not: ['kessan:xmlNotWellFormed'] },
  { name: 'schemaref-absolute.xbrl', exit: 1, code: 'kessan:referenceRefused', not: ['kessan:xmlNotWellFormed'] },
  { name: 'linkbaseref-outside.xbrl', exit: 1, code: 'kessan:referenceRefused', not: ['kessan:xmlNotWellFormed'] },
  { name: 'schemaref-to-import-outside.xbrl', exit: 1, code: 'kessan:referenceRefused' },
  { name: 'schemaref-binary.xbrl', exit: 1, code: 'kessan:xmlNotWellFormed' },
  { name: 'xinclude.xbrl', exit: 1, not: ['root:x'] },
  { name: 'processing-instruction.xbrl', exit: 0 },
  // release text
  { name: 'release-empty.txt', exit: 1, code: 'release:noTable', argv: validateRelease },
  // A release cut short: the totals whose parts are gone no longer add up (calc11e inconsistencies, exit 1).
  { name: 'release-truncated.txt', exit: 1, code: 'inconsistency calc11e:inconsistentCalculationUsingRounding', argv: validateRelease },
  { name: 'release-binary.txt', exit: 2, code: 'kessan:invalidEncoding', argv: validateRelease },
  { name: 'release-nul.txt', exit: 2, code: 'kessan:invalidEncoding', argv: validateRelease },
  { name: 'release-invalid-utf8.txt', exit: 2, code: 'kessan:invalidEncoding', argv: validateRelease },
  // The example release in other encodings: read as the example is, with its income-tax slip (exit 1, as the example).
  { name: 'release-utf16le-bom.txt', exit: 1, code: 'inconsistency oime:disallowedDuplicateFacts', argv: validateRelease },
  { name: 'release-utf8-bom.txt', exit: 1, code: 'inconsistency oime:disallowedDuplicateFacts', argv: validateRelease },
  { name: 'release-bad-numbers.txt', exit: 1, code: 'release:unreadableFigure', argv: validateRelease },
  { name: 'release-proto-rows.txt', exit: 1, code: 'release:unknownRow', argv: validateRelease },
  { name: 'release-entities.txt', exit: 1, code: 'release:unknownRow', argv: validateRelease },
  { name: 'release-impossible-dates.txt', exit: 1, code: 'release:noPeriod', argv: validateRelease },
  { name: 'release-binary.txt (convert)', exit: 2, code: 'kessan:invalidEncoding', argv: () => ['convert', join(DIR, 'release-binary.txt'), '-o', join(tmp, 'never.xbrl'), '-p', PROFILE] },
  // filer profiles
  { name: 'profile-empty.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-binary.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-truncated.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-duplicate-keys.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-proto.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-proto-typeunits.json', exit: 0, argv: convertWith },
  { name: 'profile-deep.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-utf16.json', exit: 0, argv: convertWith },
  { name: 'profile-utf8-bom.json', exit: 0, argv: convertWith },
  { name: 'profile-nan-rate.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-huge-number.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-impossible-year-end.json', exit: 2, code: 'kessan:profileInvalid', argv: convertWith },
  { name: 'profile-taxonomy-url.json', exit: 2, code: 'kessan:fileNotFound', argv: convertWith },
  { name: 'profile-taxonomy-dir.json', exit: 2, code: 'kessan:fileNotFound', argv: convertWith },
  { name: 'profile-taxonomy-junk.json', exit: 1, code: 'kessan:xmlNotWellFormed', argv: convertWith },
  // generated: size, depth, counts, folders, missing files
  { name: 'gen: 100000-deep nesting', make: gen('deep.xbrl', `<xbrli:xbrl ${NS}>${'<h:a>'.repeat(100_000)}${'</h:a>'.repeat(100_000)}</xbrli:xbrl>`), exit: 1, code: 'kessan:xmlLimit' },
  { name: 'gen: 1500-deep nesting with --max-depth 2000', make: gen('deep2.xbrl', instance(`${'<h:Tuple>'.repeat(1500)}${'</h:Tuple>'.repeat(1500)}`)), argv: (f) => ['validate', f, '--max-depth', '2000'], exit: 1, not: ['kessan:xmlLimit'] },
  { name: 'gen: 2 MB attribute', make: gen('attr.xbrl', instance(fact('1', `decimals="0" id="${'a'.repeat(2 * 1024 * 1024)}"`))), exit: 1, code: 'kessan:xmlLimit' },
  { name: 'gen: 8 MB text fact', make: gen('text.xbrl', instance(fact('x'.repeat(8 * 1024 * 1024)))), exit: 1, code: 'xbrl' },
  { name: 'gen: 20000 facts with --max-facts 1000', make: gen('many.xbrl', instance(Array.from({ length: 20_000 }, (_, i) => fact(String(i), `decimals="0" id="f${i}"`)).join('\n'))), argv: (f) => ['validate', f, '--max-facts', '1000'], exit: 1, code: 'kessan:xmlLimit' },
  { name: 'gen: file over --max-file-size', make: gen('big.xbrl', instance(fact('1'.repeat(5000)))), argv: (f) => ['facts', f, '--max-file-size', '1k'], exit: 2, code: 'kessan:fileTooLarge' },
  { name: 'gen: --max-depth not a number', make: gen('ok.xbrl', instance(fact('1'))), argv: (f) => ['validate', f, '--max-depth', 'lots'], exit: 2, code: 'kessan:usage' },
  { name: 'gen: 5 MB release line', make: gen('long-line.txt', `${'7\t'.repeat(2_500_000)}\n`), argv: validateRelease, exit: 1, code: 'release:unknownTable' },
  { name: 'gen: release table 20000 columns', make: gen('wide.txt', `**CONSOLIDATED BALANCE SHEETS**\n\n${Array.from({ length: 20 }, (_, r) => `Row ${r}\t${Array.from({ length: 20_000 }, (_, c) => String(r * c)).join('\t')}`).join('\n')}\n`), argv: validateRelease, exit: 1 },
  { name: 'gen: folder named like an instance', make: () => mkdir('folder.xbrl'), exit: 2, code: 'kessan:inputUnreadable' },
  { name: 'gen: folder named like a release', make: () => mkdir('folder.txt'), argv: validateRelease, exit: 2, code: 'kessan:inputUnreadable' },
  { name: 'gen: folder as profile', make: () => mkdir('folder.profile.json'), argv: convertWith, exit: 2, code: 'kessan:profileUnreadable' },
  { name: 'gen: missing file (facts)', make: () => join(tmp, 'missing.xbrl'), argv: (f) => ['facts', f], exit: 2, code: 'kessan:inputUnreadable' },
  { name: 'gen: symlink to a file outside the folder', make: () => symlinkedSchema(), exit: 1, code: 'kessan:referenceRefused' },
];

function mkdir(name: string): string {
  const p = join(tmp, name);
  mkdirSync(p, { recursive: true });
  return p;
}

/** An instance whose schemaRef is a symbolic link in its own folder, pointing outside it. */
function symlinkedSchema(): string {
  const d = mkdir('linkdir');
  const link = join(d, 'schema.xsd');
  if (!existsSync(link)) symlinkSync(join(process.cwd(), 'src/core/taxonomy/fixtures/basic/fx.xsd'), link);
  const f = join(d, 'in.xbrl');
  writeFileSync(f, instance(fact('1')).replace(/xlink:href="[^"]*"/, 'xlink:href="schema.xsd"'));
  return f;
}

async function run(argv: string[]): Promise<{ exit: number; out: string; ms: number }> {
  const io = bufferIo();
  const t0 = performance.now();
  const exit = await runCli(argv, io);
  return { exit, out: io.err() + io.out(), ms: performance.now() - t0 };
}

describe('hostile corpus', () => {
  it('has at least 40 committed files, each used by a case', () => {
    const files = readdirSync(DIR).filter((f) => !f.endsWith('.xsd') && !f.endsWith('.bin'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const used = new Set(CASES.map((c) => c.name));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it('warms up (loads the commands and the example taxonomy once)', async () => {
    await run(['validate', join(DIR, 'valid.xbrl')]);
    await run(convertWith(PROFILE));
  }, 60_000);

  for (const c of CASES) {
    it(`${c.name} → exit ${c.exit}${c.code ? ` ${c.code}` : ''}`, async () => {
      const file = c.make ? c.make() : join(DIR, c.name);
      const argv = (c.argv ?? (file.endsWith('.txt') ? validateRelease : validate))(file);
      const r = await run(argv);
      expect(r.out, r.out.slice(0, 2000)).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(r.exit, r.out.slice(0, 2000)).toBe(c.exit);
      if (c.code) expect(r.out).toContain(c.code);
      for (const n of c.not ?? []) expect(r.out).not.toContain(n);
      expect(r.ms).toBeLessThan(LIMIT_MS);
      // Same outcome twice.
      const again = await run(argv);
      expect(again.exit).toBe(r.exit);
    }, 4 * LIMIT_MS);
  }

  it('no prototype was polluted', () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('convert writes atomically and never over its input', () => {
  it('refuses to write over its input (also through another spelling of the path)', async () => {
    const input = join(tmp, 'self.xbrl');
    writeFileSync(input, readFileSync(join(DIR, 'valid.xbrl')));
    const before = readFileSync(input);
    for (const output of [input, join(tmp, '.', 'self.xbrl'), `${tmp}/../${tmp.split('/').pop()}/self.xbrl`]) {
      const r = await run(['convert', input, '-o', output]);
      expect(r.exit).toBe(2);
      expect(r.out).toContain('kessan:usage');
    }
    expect(readFileSync(input)).toEqual(before);
  });

  it('refuses through a hard link to the input', async () => {
    const input = join(tmp, 'hard.xbrl');
    writeFileSync(input, readFileSync(join(DIR, 'valid.xbrl')));
    const { linkSync } = await import('node:fs');
    const link = join(tmp, 'hard-link.xbrl');
    rmSync(link, { force: true });
    linkSync(input, link);
    const r = await run(['convert', input, '-o', link]);
    expect(r.exit).toBe(2);
  });

  it('an unreadable input leaves an existing output untouched and no temporary file', async () => {
    const outDir = mkdir('atomic');
    const output = join(outDir, 'out.xbrl');
    writeFileSync(output, 'previous content');
    for (const bad of ['truncated.xbrl', 'doctype-xxe.xbrl', 'binary-junk.xbrl']) {
      const r = await run(['convert', join(DIR, bad), '-o', output]);
      expect(r.exit).toBeGreaterThan(0);
      expect(readFileSync(output, 'utf8')).toBe('previous content');
    }
    const r = await run(['convert', join(DIR, 'release-nul.txt'), '-o', output, '-p', PROFILE]);
    expect(r.exit).toBe(2);
    expect(readFileSync(output, 'utf8')).toBe('previous content');
    expect(readdirSync(outDir)).toEqual(['out.xbrl']);
  });

  it('an output that cannot be written is one message, exit 2, and no temporary file', async () => {
    const outDir = mkdir('unwritable');
    mkdirSync(join(outDir, 'is-a-folder.xbrl'), { recursive: true });
    const r = await run(['convert', join(DIR, 'valid.xbrl'), '-o', join(outDir, 'is-a-folder.xbrl')]);
    expect(r.exit).toBe(2);
    expect(r.out).toContain('kessan:outputUnwritable');
    expect(r.out).not.toMatch(/internal error/);
    expect(readdirSync(outDir)).toEqual(['is-a-folder.xbrl']);
  });

  it('a good conversion replaces the output in one step', async () => {
    const outDir = mkdir('good');
    const output = join(outDir, 'out.xbrl');
    writeFileSync(output, 'previous content');
    const r = await run(['convert', join(DIR, 'valid.xbrl'), '-o', output]);
    expect(r.exit).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('<xbrli:xbrl');
    expect(readdirSync(outDir)).toEqual(['out.xbrl']);
  });
});

describe('--help documents the limits', () => {
  for (const cmd of ['convert', 'validate', 'facts']) {
    it(cmd, async () => {
      const r = await run([cmd, '--help']);
      expect(r.exit).toBe(0);
      for (const flag of ['--max-file-size', '--max-depth', '--max-facts', '--allow-dir']) expect(r.out).toContain(flag);
    });
  }
});
