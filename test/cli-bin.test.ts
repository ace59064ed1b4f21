import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';
import { EXAMPLE, ROOT } from './support/example.js';

// The bin (src/cli/bin.ts) runs the bundled command line from the V8 code cache the build made of it.
const dir = mkdtempSync(join(tmpdir(), 'kessan-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = { ...process.env, KESSAN_CODE_CACHE_REPORT: '1' };

describe('the bin', () => {
  it('runs the command line from the code cache the build made, when started as installed (its #! line)', () => {
    const r = spawnSync(CLI, ['--version'], { encoding: 'utf8', env: report });
    expect(r.stderr).toBe('kessan: code cache accepted (kessan-main.any.cache)\n');
    expect(r.stdout).toMatch(/^kessan \d/);
    expect(r.status).toBe(0);
    // A command with a cache of its own takes it.
    const v = spawnSync(CLI, ['validate', '--help'], { encoding: 'utf8', env: report });
    expect(v.stderr).toBe('kessan: code cache accepted (kessan-main.validate.cache)\n');
    expect(v.status).toBe(0);
  });

  it('runs without it when node is started with other V8 options (V8 rejects the cache; nothing else changes)', () => {
    const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', env: report });
    expect(r.stderr).toBe('kessan: code cache rejected (kessan-main.any.cache)\n');
    expect(r.stdout).toMatch(/^kessan \d/);
    expect(r.status).toBe(0);
  });

  it('does not run a changed bundle with the code of the one the cache was made from (V8 only compares lengths)', () => {
    // A copy of the bin and its files, the version it prints changed in place: same length, other code.
    const copy = join(dir, 'cli');
    cpSync(dirname(CLI), copy, { recursive: true });
    const main = join(copy, 'kessan-main.cjs');
    const text = readFileSync(main, 'utf8');
    expect(text).toContain('"kessan 0.1.0\\n"');
    writeFileSync(main, text.replace('"kessan 0.1.0\\n"', '"kessan 9.9.9\\n"'));
    const r = spawnSync(join(copy, basename(CLI)), ['--version'], { encoding: 'utf8', env: report });
    expect(r.stderr).toBe('kessan: code cache stale (kessan-main.any.cache)\n');
    expect(r.stdout).toBe('kessan 9.9.9\n');
  });

  it('converts and validates as the command line built by tsc does (same files, same output, same exit codes)', () => {
    const run = (argv: string[], out: string) => {
      const viaBin = spawnSync(CLI, [...argv, '-o', join(dir, `bin-${out}`)], { encoding: 'utf8' });
      const viaTsc = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'main.js'), ...argv, '-o', join(dir, `tsc-${out}`)], { encoding: 'utf8' });
      const own = (s: string) => s.replaceAll(join(dir, 'bin-'), '@').replaceAll(join(dir, 'tsc-'), '@');
      expect(own(viaBin.stdout + viaBin.stderr)).toBe(own(viaTsc.stdout + viaTsc.stderr));
      expect(viaBin.status).toBe(viaTsc.status);
      expect(readFileSync(join(dir, `bin-${out}`), 'utf8')).toBe(readFileSync(join(dir, `tsc-${out}`), 'utf8'));
    };
    run(['convert', EXAMPLE], 'iij.xbrl');
    run(['convert', join(dir, 'tsc-iij.xbrl'), '--to', 'ixbrl'], 'iij.xhtml');
    run(['facts', join(dir, 'tsc-iij.xhtml'), '--format', 'csv'], 'facts.csv');
    const validate = (cmd: string[]) => spawnSync(cmd[0]!, [...cmd.slice(1), 'validate', '--format', 'json', join(dir, 'tsc-iij.xhtml')], { encoding: 'utf8' });
    const viaBin = validate([CLI]);
    const viaTsc = validate([process.execPath, join(ROOT, 'dist', 'src', 'cli', 'main.js')]);
    const verdict = (s: string) => JSON.parse(s.replace(/"ms": *\d+/g, '"ms": 0')) as unknown;
    expect(verdict(viaBin.stdout)).toEqual(verdict(viaTsc.stdout));
    expect(viaBin.status).toBe(viaTsc.status);
  });
});
