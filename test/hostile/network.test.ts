/**
 * No code path opens a network connection: every socket entry point throws during a representative run
 * (convert and validate the example; validate a corpus filing whose taxonomy imports http URLs).
 */
import dns from 'node:dns';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';

const NFLX = '../shared/corpus/sec-nflx-10q-2010q3-xml/nflx-20100930.xml';
const attempts: string[] = [];
const restore: (() => void)[] = [];

function forbid<T extends object>(obj: T, key: keyof T & string, what: string): void {
  const original = obj[key];
  (obj as Record<string, unknown>)[key] = (...args: unknown[]) => {
    attempts.push(`${what} ${String(args[0]).slice(0, 80)}`);
    throw new Error(`network use is forbidden in this test: ${what}`);
  };
  restore.push(() => ((obj as Record<string, unknown>)[key] = original));
}

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kessan-net-'));
  forbid(net.Socket.prototype, 'connect', 'net.Socket.connect');
  forbid(net, 'connect', 'net.connect');
  forbid(net, 'createConnection', 'net.createConnection');
  forbid(tls, 'connect', 'tls.connect');
  forbid(http, 'request', 'http.request');
  forbid(http, 'get', 'http.get');
  forbid(https, 'request', 'https.request');
  forbid(https, 'get', 'https.get');
  forbid(dns, 'lookup', 'dns.lookup');
  forbid(globalThis, 'fetch', 'fetch');
});
afterAll(() => {
  for (const r of restore.reverse()) r();
  rmSync(tmp, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<number> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  expect(io.err() + io.out()).not.toMatch(/internal error|network use is forbidden/);
  return code;
}

describe('no network', () => {
  it('the guards work', () => {
    expect(() => http.request('http://127.0.0.1:9/')).toThrow(/forbidden/);
    expect(() => new net.Socket().connect(9, '127.0.0.1')).toThrow(/forbidden/);
    attempts.length = 0;
  });

  it('convert and validate the example, and hostile files with http references', async () => {
    const out = join(tmp, 'iij.xbrl');
    expect(await run(['convert', 'examples/iij-2q-fy2004.txt', '-o', out])).toBe(0);
    expect(await run(['validate', out])).toBeLessThanOrEqual(1);
    expect(await run(['validate', 'examples/iij-2q-fy2004.txt', '--profile', 'examples/iij.profile.json'])).toBeLessThanOrEqual(1);
    for (const f of ['schemaref-http.xbrl', 'linkbaseref-outside.xbrl', 'schemaref-to-import-outside.xbrl', 'doctype-external-dtd.xbrl', 'processing-instruction.xbrl']) {
      await run(['validate', join('test/hostile/files', f)]);
    }
    await run(['convert', 'examples/iij-2q-fy2004.txt', '-o', join(tmp, 'x.xbrl'), '-p', 'test/hostile/files/profile-taxonomy-url.json']);
    expect(attempts).toEqual([]);
  }, 60_000);

  it.skipIf(!existsSync(NFLX))('validate and convert a corpus filing whose taxonomy imports http URLs', async () => {
    expect(await run(['validate', NFLX])).toBeLessThanOrEqual(1);
    expect(await run(['facts', NFLX, '--format', 'jsonl'])).toBe(0);
    expect(await run(['convert', NFLX, '-o', join(tmp, 'nflx.xbrl')])).toBeLessThanOrEqual(1);
    expect(attempts).toEqual([]);
  }, 120_000);
});
