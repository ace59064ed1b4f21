/** The command line of `kessan init` and `kessan taxonomy build`, as the README's walk-through uses them. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { ROOT, SHARED } from './support/example.js';

const dir = mkdtempSync(join(tmpdir(), 'kessan-cli-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const BUCKLE = join(SHARED, 'release', 'real', 'buckle-3q-fy2024.html');

describe('kessan init and kessan taxonomy build on the command line', () => {
  it('are listed in the help', async () => {
    const r = await run('--help');
    expect(r.out).toMatch(/\n {2}init {7}draft a profile and taxonomy/);
    expect(r.out).toMatch(/\n {2}taxonomy {3}build a release taxonomy/);
  });

  it('init says what it needs, and exits 2 writing nothing', async () => {
    const out = join(dir, 'nothing');
    const r = await run('init', BUCKLE, '-o', out);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/init needs --entity-scheme, --entity and -o/)]);
    expect((await run('init', BUCKLE, '--entity-scheme', 'CIK', '--entity', '1', '-o', out)).err).toMatch(/--entity-scheme must be a URI/);
    expect((await run('init', BUCKLE, '--entity-scheme', 'http://www.sec.gov/CIK', '--entity', '1', '--fiscal-year-end', '13-01', '-o', out)).err).toMatch(/--fiscal-year-end must be MM-DD/);
    const prose = join(dir, 'prose.txt');
    writeFileSync(prose, 'Acme had a good quarter.\n\nSales rose 10 percent.\n');
    const none = await run('init', prose, '--entity-scheme', 'http://www.sec.gov/CIK', '--entity', '1', '--currency', 'USD', '-o', out);
    expect([none.code, none.err]).toEqual([1, expect.stringMatching(/prose\.txt: error release:noTable no table of figures found .*nothing written/)]);
    expect(existsSync(out)).toBe(false);
  });

  it.runIf(existsSync(BUCKLE))('init, then convert with the profile it wrote: every figure tagged, exit 0 both times', async () => {
    const out = join(dir, 'buckle');
    const init = await run('init', BUCKLE, '--entity-scheme', 'http://www.sec.gov/CIK', '--entity', '885245', '-o', out);
    expect(init.err).toMatch(/kessan init: 144 table figures: 144 tagged, 0 reported\n$/);
    expect(init.code).toBe(0);
    for (const f of ['buckle-3q-fy2024.spec.yaml', 'buckle-3q-fy2024.xsd', 'buckle-3q-fy2024_lab.xml', 'buckle-3q-fy2024_pre.xml', 'buckle-3q-fy2024_cal.xml', 'buckle-3q-fy2024_def.xml', 'buckle-3q-fy2024.profile.json']) expect(existsSync(join(out, f)), f).toBe(true);
    const profile = JSON.parse(readFileSync(join(out, 'buckle-3q-fy2024.profile.json'), 'utf8')) as Record<string, unknown>;
    // Buckle's year ends on the Saturday nearest January 31 (February 3, 2024 on its balance sheet).
    expect(profile.fiscalYear).toEqual({ endMonth: 1, endDay: 31, naming: 'start', weeks: 'nearest-saturday' });
    expect(profile.currency).toBe('USD');
    const conv = await run('convert', BUCKLE, '--profile', join(out, 'buckle-3q-fy2024.profile.json'), '-o', join(out, 'buckle.xbrl'));
    expect(conv.err).toMatch(/wrote .*buckle\.xbrl: 145 facts \(0 nil\); 0 error\(s\), 0 warning\(s\)\nkessan convert: 144 table figures: 144 tagged, 0 reported\n$/);
    expect(conv.code).toBe(0);
    const trip = await run('roundtrip', BUCKLE, '--profile', join(out, 'buckle-3q-fy2024.profile.json'));
    expect([trip.code, trip.out.split('\n')[0]]).toEqual([0, 'facts: 145 → 145, identical']);
  });

  it('taxonomy build writes the five files of a spec; a wrong spec is exit 2 at its line', async () => {
    const out = join(dir, 'iij');
    const r = await run('taxonomy', 'build', join(ROOT, 'taxonomy', 'iij', 'iij-2004.spec.yaml'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/120 concepts, 14 tables, 26 calculations/);
    expect(readFileSync(join(out, 'iij-2004_pre.xml'), 'utf8')).toBe(readFileSync(join(ROOT, 'taxonomy', 'iij', 'iij-2004_pre.xml'), 'utf8'));
    const bad = join(dir, 'bad.spec.yaml');
    writeFileSync(bad, 'namespace: http://x\nprefix: x\nname: x\nconcepts: []\ntables:\n  - id: T\n    titel: T\n    rows: []\n');
    const e = await run('taxonomy', 'build', bad, '-o', join(dir, 'bad'));
    expect([e.code, e.err]).toEqual([2, expect.stringMatching(/bad\.spec\.yaml:6:5: error kessan:specInvalid the taxonomy spec is not valid: \/tables\/0 must have required property 'title'/)]);
    expect((await run('taxonomy', 'make', bad)).code).toBe(2);
  });
});
