/**
 * What `kessan serve` takes and refuses: documents that belong together (a zip, a multipart set), the limits
 * (413), usage errors (400), unreadable documents (422 with findings), unsafe names and archives, and what a
 * request may read: its own upload, kessan's taxonomy and --root — not the server's files, not another request's.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/app/serve/server.js';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { EXAMPLE, PROFILE, ROOT, SHARED } from '../support/example.js';
import { comparable, expectClean, multipart, startService } from '../support/serve.js';
import { makeZip } from '../support/zip.js';

let service: Service;
/** The limits' tests: 1 MiB, 50 files. */
let small: Service;
beforeAll(async () => {
  service = await startService({ maxBody: 16 * 1024 * 1024 });
  small = await startService({ maxBody: 1024 * 1024, maxFiles: 50 });
});
afterAll(async () => {
  await service.close();
  await small.close();
});

const HOSTILE = join(ROOT, 'test', 'hostile', 'files');
const FIXTURES = join(ROOT, 'src', 'core', 'taxonomy', 'fixtures');
const SONY = join(SHARED, 'corpus', 'edinet-sony-yuho-2018-03', 'PublicDoc');
const NFLX = join(SHARED, 'corpus', 'sec-nflx-10q-2010q3-xml');
const haveCorpus = readdirSafe(SONY).length > 0;

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

async function post(url: string, payload: Buffer | string, headers: Record<string, string> = {}, to = service) {
  const res = await to.app.inject({ method: 'POST', url, payload, headers });
  expectClean(res.body, to);
  return { status: res.statusCode, body: res.body, json: () => res.json() as { error?: { code: string; message: string }; files?: { facts: number; findings: { code: string; message: string }[] }[]; findings?: { code: string }[] } };
}

async function cliReport(args: string[]): Promise<unknown> {
  const io = bufferIo();
  await runCli(['validate', ...args, '--format', 'json'], io);
  return JSON.parse(io.out());
}

const FACT_INSTANCE = (href: string) => readFileSync(join(HOSTILE, 'valid.xbrl'), 'utf8').replace(/xlink:href="[^"]*"/, `xlink:href="${href}"`);

describe('kessan serve: filings sent together', () => {
  it.skipIf(!haveCorpus)('a zip of an EDINET Inline XBRL set (manifest, ten documents, extension taxonomy): the report of validating its folder', async () => {
    const zip = makeZip(readdirSafe(SONY).map((name) => ({ name: `PublicDoc/${name}`, data: readFileSync(join(SONY, name)), deflate: true })));
    const res = await service.app.inject({ method: 'POST', url: '/v1/validate', payload: zip, headers: { 'content-type': 'application/zip' } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const report = res.json() as { files: { file: string; facts: number }[] };
    expect(report.files).toHaveLength(1);
    const cli = (await cliReport([SONY])) as { files: { file: string }[] };
    const entry = relative(SONY, cli.files[0]!.file);
    expect(comparable(report, { [`PublicDoc/${entry}`]: cli.files[0]!.file })).toEqual(comparable(cli));
  }, 120_000);

  it.skipIf(!haveCorpus)('the same documents as multipart files without their manifest: one Inline XBRL set, the same facts', async () => {
    const files = readdirSafe(SONY).filter((n) => !n.startsWith('manifest'));
    const res = await service.app.inject({ method: 'POST', url: '/v1/facts?format=jsonl', ...multipart(files.map((name) => ({ field: 'files', filename: name, data: readFileSync(join(SONY, name)) }))) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const io = bufferIo();
    await runCli(['facts', SONY, '--format', 'jsonl'], io);
    const count = (s: string) => s.trim().split('\n').length;
    expect(res.headers['kessan-facts']).toBe(String(count(io.out())));
  }, 120_000);

  it.skipIf(!haveCorpus)('an instance with its extension taxonomy (multipart): the same report as on the command line', async () => {
    const files = readdirSafe(NFLX);
    const res = await service.app.inject({ method: 'POST', url: '/v1/validate', ...multipart(files.map((name) => ({ field: 'files', filename: name, data: readFileSync(join(NFLX, name)) }))) });
    expect(res.statusCode).toBe(200);
    const cli = (await cliReport([join(NFLX, 'nflx-20100930.xml')])) as { files: { file: string }[] };
    expect(comparable(res.json(), { 'nflx-20100930.xml': cli.files[0]!.file })).toEqual(comparable(cli));
  }, 120_000);

  it('a release in a zip with its profile; ?document= and ?profile= name them when there are several', async () => {
    const zip = makeZip([
      { name: 'iij-2q-fy2004.txt', data: readFileSync(EXAMPLE), deflate: true },
      { name: 'other.txt', data: readFileSync(EXAMPLE), deflate: true },
      { name: 'profiles/iij.json', data: readFileSync(PROFILE).toString().replace('../taxonomy/', '../../taxonomy/') },
    ]);
    const several = await post('/v1/facts?profile=profiles/iij.json', zip);
    expect(several.status).toBe(400);
    expect(several.json().error!.message).toMatch(/holds 2 documents .*\?document=/);
    const one = await service.app.inject({ method: 'POST', url: '/v1/facts?format=json&document=other.txt&profile=profiles/iij.json', payload: zip });
    expect(one.statusCode, one.body.slice(0, 300)).toBe(200);
    expect(one.headers['kessan-facts']).toBe('695');
    expect((await post('/v1/facts?document=missing.txt&profile=profiles/iij.json', zip)).json().error!.code).toBe('kessan:usage');
  }, 60_000);
});

describe('kessan serve: limits and errors', () => {
  it('a body over --max-body gets 413, raw, multipart, or a zip that unpacks larger', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    expect((await post('/v1/validate', big, {}, small)).status).toBe(413);
    const form = multipart([{ field: 'files', filename: 'big.xbrl', data: big }]);
    const res = await small.app.inject({ method: 'POST', url: '/v1/validate', ...form });
    expect(res.statusCode).toBe(413);
    expect((res.json() as { error: { code: string } }).error.code).toBe('kessan:bodyTooLarge');
    // 2 MiB of zeros deflate to a few kilobytes: the declared size is refused before inflating.
    const bomb = makeZip([{ name: 'bomb.xbrl', data: Buffer.alloc(2 * 1024 * 1024), deflate: true }]);
    expect(bomb.length).toBeLessThan(10_000);
    expect((await post('/v1/validate', bomb, {}, small)).status).toBe(413);
    // A zip that lies about its size is caught as it inflates: past the limit (413), or within it (400).
    const liar = makeZip([{ name: 'liar.xbrl', data: Buffer.alloc(2 * 1024 * 1024), deflate: true, declaredSize: 100 }]);
    expect((await post('/v1/validate', liar, {}, small)).status).toBe(413);
    const smallLiar = makeZip([{ name: 'liar.xbrl', data: Buffer.alloc(5000), deflate: true, declaredSize: 100 }]);
    const lied = await post('/v1/validate', smallLiar, {}, small);
    expect(lied.status).toBe(400);
    expect(lied.json().error!.message).toContain('inflates to 5000 bytes, not the 100 its header says');
    const many = makeZip(Array.from({ length: 60 }, (_, i) => ({ name: `f${i}.xsd`, data: 'x' })));
    expect((await post('/v1/validate', many, {}, small)).status).toBe(413);
  });

  it('unsafe names and archives are refused (400), and nothing is written outside the request', async () => {
    for (const name of ['../evil.xbrl', '/etc/evil.xbrl', 'a/../../evil.xbrl', 'a\\..\\..\\evil.xbrl']) {
      const zip = makeZip([{ name, data: FACT_INSTANCE('hostile.xsd') }]);
      const res = await post('/v1/validate', zip);
      expect(res.status, name).toBe(400);
      const form = await service.app.inject({ method: 'POST', url: '/v1/validate', ...multipart([{ field: 'files', filename: name, data: 'x' }]) });
      expect(form.statusCode, name).toBe(400);
    }
    expect((await post('/v1/validate', makeZip([{ name: 'x.xbrl', data: 'x', encrypted: true }]))).status).toBe(400);
    expect((await post('/v1/validate', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]))).status).toBe(400);
    const twice = await service.app.inject({ method: 'POST', url: '/v1/validate', ...multipart([{ field: 'a', filename: 'x.xbrl', data: 'x' }, { field: 'b', filename: 'x.xbrl', data: 'y' }]) });
    expect(twice.statusCode).toBe(400);
    expect(readdirSync(join(service.workspace.base, '..')).filter((n) => n.startsWith('evil'))).toEqual([]);
    expect(readdirSync(service.workspace.base).filter((n) => n.startsWith('.req-'))).toEqual([]);
  });

  it('usage errors are 400 with a code and a message', async () => {
    const cases: [string, string | Buffer, string][] = [
      ['/v1/validate?cacl=none', 'x', 'unknown option "cacl"'],
      ['/v1/validate?calc=fast', 'x', 'calc must be one of none, xbrl21, c11r, c11t'],
      ['/v1/convert', 'x', 'the option "to" is required'],
      ['/v1/facts?format=xml', 'x', 'format must be one of csv, json, jsonl'],
      ['/v1/validate', '', 'send a document'],
      ['/v1/validate', makeZip([{ name: 'only.xsd', data: '<x/>' }]), 'holds no document kessan reads'],
    ];
    for (const [url, body, message] of cases) {
      const res = await post(url, body);
      expect(res.status, url).toBe(400);
      expect(res.json().error!.message).toContain(message);
    }
    const malformed = await service.app.inject({ method: 'POST', url: '/v1/validate', payload: '--x\r\nContent-Disposition: form-data; name="a"; filename="a.xbrl"\r\n\r\nabc', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(malformed.statusCode).toBe(400);
    expect((await service.app.inject({ method: 'GET', url: '/v1/nothing' })).statusCode).toBe(404);
    expect((await service.app.inject({ method: 'GET', url: '/v1/health', headers: { host: 'attacker.example:8080' } })).statusCode).toBe(421);
    // Another site's page posting here (a browser sends its Origin): refused; this server's own page: served.
    const valid = readFileSync(join(HOSTILE, 'valid.xbrl'));
    const foreign = await service.app.inject({ method: 'POST', url: '/v1/validate', payload: valid, headers: { host: 'localhost:8080', origin: 'http://attacker.example' } });
    expect(foreign.statusCode).toBe(403);
    const otherPort = await service.app.inject({ method: 'POST', url: '/v1/validate', payload: valid, headers: { host: 'localhost:8080', origin: 'http://localhost:3000' } });
    expect(otherPort.statusCode).toBe(403);
    const own = await service.app.inject({ method: 'POST', url: '/v1/validate?name=valid.xbrl', payload: valid, headers: { host: 'localhost:8080', origin: 'http://localhost:8080' } });
    expect(own.statusCode).toBe(200);
  });

  it('a document that cannot be read: validate 422 with the report, convert and facts 422 with the findings', async () => {
    const doc = readFileSync(join(HOSTILE, 'doctype-xxe.xbrl'));
    const v = await post('/v1/validate?name=doctype-xxe.xbrl', doc);
    expect(v.status).toBe(422);
    expect(v.json().files![0]!.findings[0]!.code).toBe('kessan:xmlDoctype');
    for (const url of ['/v1/convert?to=json&name=doctype-xxe.xbrl', '/v1/facts?name=doctype-xxe.xbrl']) {
      const r = await post(url, doc);
      expect(r.status, url).toBe(422);
      expect(r.json().error!.code).toBe('kessan:xmlDoctype');
      expect(r.json().findings![0]!.code).toBe('kessan:xmlDoctype');
    }
    // A release converted with an untagged figure: 422, the findings and the document all the same.
    const form = multipart([{ field: 'document', filename: 'r.txt', data: readFileSync(join(HOSTILE, 'release-proto-rows.txt')) }, { field: 'profile', filename: 'p.profile.json', data: readFileSync(PROFILE) }]);
    const c = await service.app.inject({ method: 'POST', url: '/v1/convert?to=xbrl', ...form });
    expect(c.statusCode).toBe(422);
    const body = c.json() as { error: { code: string }; findings: { code: string }[]; document: string };
    expect(body.error.code).toBe('kessan:conversionFailed');
    expect(body.findings.map((f) => f.code)).toContain('release:unknownRow');
    expect(body.document).toContain('<xbrli:xbrl');
  }, 60_000);
});

describe('kessan serve: what a request may read', () => {
  it('an upload reaches kessan\'s taxonomy by ../taxonomy; a reference anywhere else on the server is refused, named as the client sees it', async () => {
    const outside = await post('/v1/validate?name=x.xbrl', FACT_INSTANCE('../../../etc/hostname'));
    expect(outside.status).toBe(200);
    const refused = outside.json().files![0]!.findings.filter((f) => f.code === 'kessan:referenceRefused');
    expect(refused).toHaveLength(1);
    // Named as the upload named it, resolved: never by the server's own folders (expectClean).
    expect(refused[0]!.message).toContain('/etc/hostname');
    expect(refused[0]!.message).toContain("a request reads only its upload, kessan's taxonomies and the server's --root");
  });

  it("another request's folder is out of reach, even by its name", async () => {
    const other = join(service.workspace.base, '.req-other');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'secret.xsd'), readFileSync(join(FIXTURES, 'basic', 'fx.xsd')));
    const res = await post('/v1/validate?name=x.xbrl', FACT_INSTANCE('../.req-other/secret.xsd'));
    expect(res.json().files![0]!.findings.map((f) => f.code)).toContain('kessan:referenceRefused');
  });

  it('an uploaded profile naming a taxonomy outside the upload is refused before anything is read', async () => {
    const profile = JSON.parse(readFileSync(PROFILE, 'utf8')) as { taxonomy: { schema: string } };
    for (const schema of ['/etc/passwd', '../../../../etc/passwd', '../.req-other/secret.xsd']) {
      profile.taxonomy.schema = schema;
      const form = multipart([{ field: 'document', filename: 'r.txt', data: readFileSync(EXAMPLE) }, { field: 'profile', filename: 'p.profile.json', data: JSON.stringify(profile) }]);
      const res = await service.app.inject({ method: 'POST', url: '/v1/validate', ...form });
      expectClean(res.body, service);
      expect(res.statusCode, schema).toBe(422);
      expect((res.json() as { files: { findings: { code: string }[] }[] }).files[0]!.findings[0]!.code).toBe('kessan:referenceRefused');
    }
  });

  it('--root: an upload reaches a taxonomy in it as if it were a folder inside --root', async () => {
    const rooted = await startService({ root: FIXTURES });
    try {
      const res = await rooted.app.inject({ method: 'POST', url: '/v1/validate?name=x.xbrl', payload: FACT_INSTANCE('../basic/fx.xsd') });
      expectClean(res.body, rooted);
      const codes = (res.json() as { files: { findings: { code: string }[] }[] }).files[0]!.findings.map((f) => f.code);
      expect(codes).not.toContain('kessan:referenceRefused');
      expect(codes).not.toContain('IOerror');
      // The same upload to a server without --root cannot reach it.
      const without = await post('/v1/validate?name=x.xbrl', FACT_INSTANCE('../basic/fx.xsd'));
      expect(without.json().files![0]!.findings.map((f) => f.code)).toContain('kessan:referenceRefused');
    } finally {
      await rooted.close();
    }
  });
});
