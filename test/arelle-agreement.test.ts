import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../src/app/batch/files.js';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { arelleAvailable, arelleVerdict } from './support/arelle.js';
import { EXAMPLE, ROOT, SHARED } from './support/example.js';

/**
 * kessan's verdicts and codes against Arelle's, both offline with their defaults (kessan validate; Arelle -v
 * --calc=c11r --validationExitCode): the corpus's documents, the example's outputs and hand-broken copies. A
 * verdict is valid or invalid (kessan exit 0/1, Arelle 0/3); codes are those of errors and inconsistencies. Every
 * difference is recorded in test/arelle-agreement/expected.json and explained in docs/arelle-agreement.md: a new
 * difference, or one that went away, fails the test until both are updated (UPDATE_AGREEMENT=1 rewrites the
 * JSON; the explanation is written by hand). Skipped when Arelle is not installed.
 */
const CORPUS = join(SHARED, 'corpus');
const OUT = join(ROOT, 'out', `arelle-agreement-${process.pid}`);
const EXPECTED = join(ROOT, 'test', 'arelle-agreement', 'expected.json');

interface Side {
  readonly verdict: 'valid' | 'invalid';
  readonly codes: string[];
}

/** What the comparison records for a case: both verdicts, and the codes only one side reports. */
interface Agreement {
  readonly kessan: Side['verdict'];
  readonly arelle: Side['verdict'];
  readonly onlyKessan: string[];
  readonly onlyArelle: string[];
}

async function kessan(file: string): Promise<Side> {
  const io = bufferIo();
  const exit = await runCli(['validate', file, '--format', 'json', '--jobs', '1'], io);
  const report = JSON.parse(io.out()) as { files: { findings: { code: string; severity: string }[] }[] };
  const codes = report.files.flatMap((f) => f.findings).filter((f) => f.severity === 'error' || f.severity === 'inconsistency').map((f) => f.code);
  expect([0, 1], io.err()).toContain(exit);
  return { verdict: exit === 0 ? 'valid' : 'invalid', codes: [...new Set(codes)].sort() };
}

function arelle(file: string): Side {
  const ext = extname(file).toLowerCase();
  const plugins = ext === '.json' ? ['--plugins=loadFromOIM'] : ext === '.htm' || ext === '.html' || ext === '.xhtml' ? ['--plugins=inlineXbrlDocumentSet|EDGAR/transform'] : [];
  const { exit, lines } = arelleVerdict([...plugins, '-f', file, '-v', '--calc=c11r']);
  const codes = lines.flatMap((l) => /^(?:ERROR|INCONSISTENCY) (\S+) /.exec(l)?.[1] ?? []);
  return { verdict: exit === 0 ? 'valid' : 'invalid', codes: [...new Set(codes)].sort() };
}

function compare(k: Side, a: Side): Agreement {
  return { kessan: k.verdict, arelle: a.verdict, onlyKessan: k.codes.filter((c) => !a.codes.includes(c)), onlyArelle: a.codes.filter((c) => !k.codes.includes(c)) };
}

/** Hand-broken copies of the example's instance: one edit each, with the code both must report. */
const BROKEN: [string, string | RegExp, string][] = [
  ['missing-context', '<iij:Inventories contextRef="I2004-09-30"', '<iij:Inventories contextRef="NoSuchContext"'],
  ['duration-on-instant', /<iij:Revenues contextRef="D2004-04-01_2004-09-30"/, '<iij:Revenues contextRef="I2004-09-30"'],
  ['monetary-in-shares', /<iij:Inventories contextRef="I2004-09-30" unitRef="JPY"/, '<iij:Inventories contextRef="I2004-09-30" unitRef="shares"'],
  ['start-after-end', '<xbrli:startDate>2003-04-01</xbrli:startDate>', '<xbrli:startDate>2003-10-01</xbrli:startDate>'],
  ['missing-decimals', /(<iij:Inventories contextRef="I2004-09-30" unitRef="JPY") decimals="-3"/, '$1'],
  ['calc-off-by-a-million', '>19561770000<', '>19562770000<'],
  ['no-taxonomy', /<link:schemaRef [^>]*\/>/, '<link:schemaRef xlink:type="simple" xlink:href="http://example.com/not-offline.xsd"/>'],
];

const cases = new Map<string, string>();

describe.skipIf(!arelleAvailable || !existsSync(CORPUS))('kessan and Arelle agree (verdicts and codes; differences in docs/arelle-agreement.md)', () => {
  const results: Record<string, Agreement> = {};

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    for (const ext of ['xbrl', 'html', 'json']) {
      const file = join(OUT, `iij-2q-fy2004.${ext}`);
      const io = bufferIo();
      expect(await runCli(['convert', EXAMPLE, '-o', file], io), io.err()).toBe(0);
      cases.set(`example/iij-2q-fy2004.${ext}`, file);
    }
    const xml = readFileSync(join(OUT, 'iij-2q-fy2004.xbrl'), 'utf8');
    for (const [name, from, to] of BROKEN) {
      const text = xml.replace(from, to);
      expect(text, name).not.toBe(xml);
      const file = join(OUT, `${name}.xbrl`);
      writeFileSync(file, text);
      cases.set(`broken/${name}.xbrl`, file);
    }
    for (const file of expandInputs([CORPUS]).files) cases.set(`corpus/${relative(CORPUS, file)}`, file);
  }, 120_000);
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('every case: the verdicts and code differences recorded in test/arelle-agreement/expected.json', async () => {
    for (const [name, file] of cases) results[name] = compare(await kessan(file), arelle(file));
    if (process.env.UPDATE_AGREEMENT) writeFileSync(EXPECTED, `${JSON.stringify(results, null, 1)}\n`);
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Record<string, Agreement>;
    expect(results).toEqual(expected);
    // The documentation explains every case that differs.
    const docs = readFileSync(join(ROOT, 'docs', 'arelle-agreement.md'), 'utf8');
    for (const [name, r] of Object.entries(results)) if (r.kessan !== r.arelle || r.onlyKessan.length || r.onlyArelle.length) expect(docs, name).toContain(`\`${name}\``);
  }, 1_800_000);

  it('every hand-broken copy: both invalid, and kessan reports every code Arelle reports', () => {
    for (const [name] of BROKEN) {
      const r = results[`broken/${name}.xbrl`]!;
      expect(r.kessan, name).toBe('invalid');
      expect(r.arelle, name).toBe('invalid');
      if (name !== 'no-taxonomy') expect(r.onlyArelle, name).toEqual([]);
    }
  });

  it('the example as XBRL: both invalid for the one income-tax inconsistency, with the same code', () => {
    expect(results['example/iij-2q-fy2004.xbrl']).toEqual({ kessan: 'invalid', arelle: 'invalid', onlyKessan: [], onlyArelle: [] });
  });
});
