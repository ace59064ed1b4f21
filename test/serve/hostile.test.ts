/**
 * The hostile corpus (test/hostile) sent to `kessan serve` on real worker processes (the compiled worker: npm run
 * build): no upload crashes the server, answers 5xx, names a server path or shows a stack, and none blocks the
 * requests beside it. Slow clients, documents past the timeout and workers that run out of memory cost their
 * own request only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/app/serve/server.js';
import { EXAMPLE, PROFILE, ROOT } from '../support/example.js';
import { generateInstance } from '../support/generate-instance.js';
import { BUILT_WORKER, expectClean, HAVE_BUILT_WORKER, multipart, startService, type Part } from '../support/serve.js';
import { makeZip } from '../support/zip.js';

const DIR = join(ROOT, 'test', 'hostile', 'files');
const NS = 'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:h="http://kessan.dev/test/hostile"';

interface Upload {
  readonly name: string;
  readonly url: string;
  readonly payload: Buffer | string;
  readonly headers?: Record<string, string>;
}

const raw = (name: string, payload: Buffer | string): Upload => ({ name, url: `/v1/validate?name=${encodeURIComponent(name)}`, payload });
const form = (name: string, parts: Part[]): Upload => ({ name, url: '/v1/validate', ...multipart(parts) });

/** Every file of the hostile corpus as a client would send it, and big ones made here. */
function uploads(): Upload[] {
  const out: Upload[] = [];
  for (const name of readdirSync(DIR).sort()) {
    const data = readFileSync(join(DIR, name));
    if (name.endsWith('.txt')) out.push(form(name, [{ field: 'document', filename: name, data }, { field: 'profile', filename: 'iij.profile.json', data: readFileSync(PROFILE) }]));
    else if (name.startsWith('profile-')) out.push(form(name, [{ field: 'document', filename: 'iij-2q-fy2004.txt', data: readFileSync(EXAMPLE) }, { field: 'profile', filename: name, data }]));
    else if (name.endsWith('.xbrl')) out.push(form(name, [{ field: 'document', filename: name, data }, { field: 'files', filename: 'hostile.xsd', data: readFileSync(join(DIR, 'hostile.xsd')) }]));
    else out.push(raw(name, data));
    // Zipped with what it reads (the schema most instances here name, the example's profile), and listed.
    const companions = [{ name: 'hostile.xsd', data: readFileSync(join(DIR, 'hostile.xsd')) }, { name: 'iij.profile.json', data: readFileSync(PROFILE) }].filter((c) => c.name !== name);
    out.push({ ...raw(name, data), name: `${name} (zipped)`, url: '/v1/facts', payload: makeZip([{ name, data, deflate: true }, ...companions]) });
  }
  out.push(raw('deep.xbrl', `<xbrli:xbrl ${NS}>${'<h:a>'.repeat(100_000)}${'</h:a>'.repeat(100_000)}</xbrli:xbrl>`));
  out.push(raw('attr.xbrl', `<xbrli:xbrl ${NS}><h:a id="${'a'.repeat(2 * 1024 * 1024)}"/></xbrli:xbrl>`));
  out.push(raw('long-line.txt', `${'7\t'.repeat(1_000_000)}\n`));
  out.push(raw('binary', Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256))));
  out.push({ name: 'review of binary', url: '/v1/review?name=x.html', payload: Buffer.from([0x3c, 0, 0xff, 0xfe, 0x80]) });
  out.push({ name: 'convert of junk', url: '/v1/convert?to=ixbrl&name=x.json', payload: '{"documentInfo": {"documentType": 7}, "facts": []}' });
  return out;
}

describe.skipIf(!HAVE_BUILT_WORKER)('kessan serve: hostile uploads on worker processes', () => {
  let service: Service;
  beforeAll(async () => {
    service = await startService({ workerFile: BUILT_WORKER, jobs: 2, queue: 1000, maxBody: 32 * 1024 * 1024, timeoutMs: 60_000 });
  });
  afterAll(() => service.close());

  it('every hostile upload gets a 2xx or 4xx with a JSON body, no server path, no stack; good requests beside them get their answers', async () => {
    const valid = readFileSync(join(DIR, 'valid.xbrl'));
    const all = uploads();
    const answers = await Promise.all([
      ...all.map(async (u) => ({ u, res: await service.app.inject({ method: 'POST', url: u.url, payload: u.payload, headers: u.headers ?? {} }) })),
      // Interleaved with the hostile ones: a valid instance, many times.
      ...Array.from({ length: 10 }, async () => ({ u: raw('valid.xbrl (good)', valid), res: await service.app.inject({ method: 'POST', url: '/v1/validate?name=valid.xbrl', payload: valid }) })),
    ]);
    for (const { u, res } of answers) {
      expect([200, 400, 413, 422], `${u.name}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
      expectClean(res.body, service);
      if (res.statusCode !== 200 || u.url.startsWith('/v1/validate')) expect(() => res.json(), u.name).not.toThrow();
      if (u.name.endsWith('(good)')) expect(res.statusCode).toBe(200);
    }
    expect(answers.length).toBeGreaterThan(140);
    const health = (await service.app.inject({ method: 'GET', url: '/v1/health' })).json() as { workers: number; busy: number; queued: number; mode: string };
    expect(health).toMatchObject({ mode: 'workers', workers: 2, busy: 0, queued: 0 });
  }, 300_000);

  it('a document that takes long holds one worker: the other answers small requests meanwhile', async () => {
    const big = generateInstance({ facts: 200_000, contexts: 2000 });
    const valid = readFileSync(join(DIR, 'valid.xbrl'));
    const order: string[] = [];
    const slow = service.app.inject({ method: 'POST', url: '/v1/validate?name=big.xbrl', payload: big }).then((r) => (order.push('big'), r));
    // Let the big upload reach its worker first.
    while ((service.pool.stats().busy ?? 0) === 0) await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 5; i++) {
      const r = await service.app.inject({ method: 'POST', url: '/v1/validate?name=valid.xbrl', payload: valid });
      expect(r.statusCode).toBe(200);
      order.push(`small${i}`);
    }
    expect((await slow).statusCode).toBe(200);
    expect(order).toEqual(['small0', 'small1', 'small2', 'small3', 'small4', 'big']);
  }, 120_000);
});

describe.skipIf(!HAVE_BUILT_WORKER)('kessan serve: timeouts, slow clients, memory', () => {
  it('a document past --timeout gets 503 kessan:timeout; its worker is replaced and the server answers on', async () => {
    const service = await startService({ workerFile: BUILT_WORKER, jobs: 1, timeoutMs: 1 });
    try {
      const res = await service.app.inject({ method: 'POST', url: '/v1/validate?name=valid.xbrl', payload: readFileSync(join(DIR, 'valid.xbrl')) });
      expect(res.statusCode).toBe(503);
      expect((res.json() as { error: { code: string } }).error.code).toBe('kessan:timeout');
      expect((await service.app.inject({ method: 'GET', url: '/v1/health' })).json()).toMatchObject({ workers: 1, busy: 0 });
    } finally {
      await service.close();
    }
  }, 60_000);

  it('a full queue answers 503 kessan:busy at once', async () => {
    const service = await startService({ workerFile: BUILT_WORKER, jobs: 1, queue: 1 });
    try {
      const big = generateInstance({ facts: 50_000, contexts: 500 });
      const answers = await Promise.all(Array.from({ length: 4 }, () => service.app.inject({ method: 'POST', url: '/v1/validate?name=big.xbrl', payload: big })));
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes).toEqual([200, 200, 503, 503]);
      expect(answers.find((a) => a.statusCode === 503)!.headers['content-type']).toMatch(/json/);
    } finally {
      await service.close();
    }
  }, 120_000);

  it('a slow client holds its connection, never a worker; the server closes it when its time is up', async () => {
    const service = await startService({ workerFile: BUILT_WORKER, jobs: 1, uploadTimeoutMs: 1500 });
    const address = await service.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    try {
      const socket = connect(Number(port), '127.0.0.1');
      const closed = new Promise<string>((resolve) => {
        let got = '';
        socket.on('data', (d) => (got += d.toString()));
        socket.on('close', () => resolve(got));
        socket.on('error', () => undefined);
      });
      socket.write(`POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n<xbrli:xbrl`);
      // Meanwhile the one worker serves another client.
      const res = await fetch(`${address}/v1/validate?name=valid.xbrl`, { method: 'POST', body: readFileSync(join(DIR, 'valid.xbrl')) });
      expect(res.status).toBe(200);
      const got = await closed;
      expect(got === '' || got.startsWith('HTTP/1.1 408')).toBe(true);
    } finally {
      await service.close();
    }
  }, 60_000);

  it('a worker that runs out of memory fails its own request (422) and is replaced', async () => {
    const service = await startService({ workerFile: BUILT_WORKER, jobs: 1, maxMemoryMb: 32, maxBody: 64 * 1024 * 1024 });
    try {
      const res = await service.app.inject({ method: 'POST', url: '/v1/validate?name=big.xbrl', payload: generateInstance({ facts: 300_000, contexts: 3000 }) });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(422);
      expect((res.json() as { error: { code: string } }).error.code).toBe('kessan:resourceLimit');
      const after = await service.app.inject({ method: 'POST', url: '/v1/validate?name=valid.xbrl', payload: readFileSync(join(DIR, 'valid.xbrl')) });
      expect(after.statusCode).toBe(200);
    } finally {
      await service.close();
    }
  }, 120_000);
});
