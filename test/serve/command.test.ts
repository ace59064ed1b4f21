/**
 * The `kessan serve` command: its usage errors, and the built command started as a user starts it — it says
 * where it listens, answers the README's curl line with the report `kessan validate --format json` prints, and
 * stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '../../src/app/convert.js';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { parseDuration } from '../../src/cli/serve.js';
import { EXAMPLE, ROOT } from '../support/example.js';
import { CLI } from '../support/cli.js';
import { comparable, expectClean } from '../support/serve.js';


describe('kessan serve: the command', () => {
  it('refuses bad options with exit 2 and one message', async () => {
    for (const argv of [['serve', 'file.xbrl'], ['serve', '--port', '99999'], ['serve', '--port', 'http'], ['serve', '--max-body', 'big'], ['serve', '--timeout', 'soon'], ['serve', '--root', join(ROOT, 'package.json')], ['serve', '--jobs', '0'], ['serve', '--allow-dir', '/']]) {
      const io = bufferIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toMatch(/^kessan serve: /);
      expect(io.err()).not.toMatch(/\n\s+at /);
    }
    const help = bufferIo();
    expect(await runCli(['serve', '--help'], help)).toBe(0);
    expect(help.out()).toContain('POST /v1/validate');
    const main = bufferIo();
    await runCli(['--help'], main);
    expect(main.out()).toMatch(/serve\s+serve validation and conversion over HTTP/);
  });

  it('reads times as the help says', () => {
    expect([parseDuration('90s'), parseDuration('2m'), parseDuration('500ms'), parseDuration('45')]).toEqual([90_000, 120_000, 500, 45_000]);
    expect([parseDuration('0'), parseDuration('soon'), parseDuration('-1s')]).toEqual([undefined, undefined, undefined]);
  });

  it.skipIf(!existsSync(CLI))('npx kessan serve, then the README\'s curl line: the report of kessan validate --format json; SIGTERM stops it', async () => {
    const instance = join(ROOT, 'out', `serve-command-${process.pid}.xbrl`);
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    writeFileSync(instance, String((await convertDocument(EXAMPLE, instance, 'xbrl')).files[0]!.data));
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--jobs', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const res = await fetch(`${base}/v1/validate`, { method: 'POST', body: readFileSync(instance), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const body = await res.text();
      expect(res.status).toBe(200);
      expectClean(body);
      const io = bufferIo();
      await runCli(['validate', instance, '--format', 'json'], io);
      expect(comparable(JSON.parse(body), { 'document.xbrl': instance })).toEqual(comparable(JSON.parse(io.out())));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(err).toContain('kessan serve: stopping');
    } finally {
      child.kill('SIGKILL');
      rmSync(instance, { force: true });
    }
  }, 60_000);
});
