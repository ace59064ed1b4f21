import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { EXAMPLE, PROFILE, haveRealReleases as hasReal, REAL_RELEASES as REAL } from './support/example.js';

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('kessan convert on releases of every form', () => {
  it('ends with the coverage line; the example tags every figure and exits 0', async () => {
    const r = await run('convert', EXAMPLE, '-o', join(mkdtempSync(join(tmpdir(), 'kessan-')), 'x.xbrl'));
    expect(r.code).toBe(0);
    expect(r.err.trimEnd().split('\n').pop()).toBe('kessan convert: 839 table figures: 839 tagged, 0 reported');
  });

  it.runIf(hasReal)('reads an HTML release without Inline XBRL as a release, exits 1 with each untagged figure reported', async () => {
    const r = await run('convert', join(REAL, 'buckle-3q-fy2024.html'), '--profile', PROFILE, '-o', join(mkdtempSync(join(tmpdir(), 'kessan-')), 'b.xbrl'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/buckle-3q-fy2024\.html:10: error release:unknownRow/);
    expect(r.err.trimEnd().split('\n').pop()).toBe('kessan convert: 144 table figures: 28 tagged, 116 reported');
  });

  it.runIf(hasReal)('validate --format json carries the coverage', async () => {
    const r = await run('validate', join(REAL, 'sears-2q-2004.txt'), '--profile', PROFILE, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { files: { format: string; coverage: unknown }[] };
    expect(report.files[0]).toMatchObject({ format: 'release', coverage: { figures: 553, tagged: 46, reported: 507 } });
  });

  it('a release with no table is an error, not an empty success', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-'));
    const input = join(dir, 'words.txt');
    writeFileSync(input, 'ACME REPORTS RESULTS\n\nRevenue grew in the quarter. Nothing else is printed.\n');
    const r = await run('convert', input, '--profile', PROFILE, '-o', join(dir, 'w.xbrl'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error release:noTable no table of figures found/);
    expect(r.err.trimEnd().split('\n').pop()).toBe('kessan convert: 0 table figures: 0 tagged, 0 reported');
  });
});
