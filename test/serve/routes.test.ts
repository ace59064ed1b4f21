/**
 * Every route of `kessan serve`, on the example and the corpus: the answers are the command line's own (the
 * same report, the same converted bytes, the same listing), with no server path in them.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/app/serve/server.js';
import { convertDocument } from '../../src/app/convert.js';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { EXAMPLE, PROFILE, ROOT } from '../support/example.js';
import { comparable, expectClean, multipart, startService } from '../support/serve.js';

let service: Service;
// An instance kessan wrote into out/, as the README's quick start does: its schemaRef is ../taxonomy/iij/iij-2004.xsd.
const INSTANCE = join(ROOT, 'out', `serve-routes-${process.pid}.xbrl`);

beforeAll(async () => {
  service = await startService();
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  const text = String((await convertDocument(EXAMPLE, join(ROOT, 'out', 'iij.xbrl'), 'xbrl')).files[0]!.data);
  writeFileSync(INSTANCE, text);
}, 60_000);

afterAll(async () => {
  await service.close();
  rmSync(INSTANCE, { force: true });
});

async function cli(argv: string[]): Promise<{ exit: number; out: string }> {
  const io = bufferIo();
  const exit = await runCli(argv, io);
  return { exit, out: io.out() };
}

const exampleForm = () =>
  multipart([
    { field: 'document', filename: 'iij-2q-fy2004.txt', data: readFileSync(EXAMPLE), type: 'text/plain' },
    { field: 'profile', filename: 'iij.profile.json', data: readFileSync(PROFILE), type: 'application/json' },
  ]);

describe('kessan serve: routes', () => {
  it('validate: the body of curl --data-binary gets the report of kessan validate --format json', async () => {
    const res = await service.app.inject({ method: 'POST', url: '/v1/validate', payload: readFileSync(INSTANCE), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    // The document was read (200); it does not pass the CLI's default policy (the income-tax slip is an inconsistency).
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['kessan-exit']).toBe('1');
    expectClean(res.body, service);
    const { out, exit } = await cli(['validate', INSTANCE, '--format', 'json']);
    expect(exit).toBe(1);
    expect(comparable(res.json(), { 'document.xbrl': INSTANCE })).toEqual(comparable(JSON.parse(out)));
    // Printed the same way too, byte for byte once the name and the time are the same.
    expect(res.body.replace(/"ms": \d+/g, '"ms": 0').replaceAll('"document.xbrl"', JSON.stringify(INSTANCE))).toBe(out.replace(/"ms": \d+/g, '"ms": 0'));
  }, 60_000);

  it('validate: a release and its profile as a multipart upload — 695 facts, the two inconsistent printings', async () => {
    const res = await service.app.inject({ method: 'POST', url: '/v1/validate?calc=c11r', ...exampleForm() });
    expect(res.statusCode, res.body).toBe(200);
    expectClean(res.body, service);
    const report = res.json() as { files: { file: string; facts: number; coverage: unknown; findings: { code: string }[] }[] };
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.facts).toBe(695);
    expect(report.files[0]!.coverage).toEqual({ figures: 839, tagged: 839, reported: 0 });
    expect(report.files[0]!.findings.filter((f) => f.code === 'release:inconsistentPrintings')).toHaveLength(2);
    const { out } = await cli(['validate', EXAMPLE, '--profile', PROFILE, '--format', 'json']);
    expect(comparable(report, { 'iij-2q-fy2004.txt': EXAMPLE })).toEqual(comparable(JSON.parse(out)));
  }, 60_000);

  it('validate: options as query parameters (--calc none drops the calculation inconsistency)', async () => {
    const res = await service.app.inject({ method: 'POST', url: '/v1/validate?calc=none&duplicates=none', payload: readFileSync(INSTANCE) });
    const report = res.json() as { options: unknown; summary: { inconsistencies: number; warnings: number } };
    expect(report.options).toEqual({ calc: 'none', duplicates: 'none', utr: 'on', failOn: 'inconsistency', allowUnavailableTaxonomy: false });
    expect(report.summary.inconsistencies).toBe(0);
    expect(res.headers['kessan-exit']).toBe('0');
    const { out } = await cli(['validate', INSTANCE, '--format', 'json', '--calc', 'none', '--duplicates', 'none']);
    expect(comparable(report, { 'document.xbrl': INSTANCE })).toEqual(comparable(JSON.parse(out)));
  }, 60_000);

  it('validate: the exit policy as query parameters, the same report and kessan-exit as the CLI options', async () => {
    const res = await service.app.inject({ method: 'POST', url: '/v1/validate?failOn=error&utr=off&allowUnavailableTaxonomy=true', payload: readFileSync(INSTANCE) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['kessan-exit']).toBe('0');
    const report = res.json() as { options: unknown; files: { valid: boolean }[] };
    expect(report.options).toEqual({ calc: 'c11r', duplicates: 'inconsistent', utr: 'off', failOn: 'error', allowUnavailableTaxonomy: true });
    expect(report.files[0]!.valid).toBe(true);
    const { out, exit } = await cli(['validate', INSTANCE, '--format', 'json', '--fail-on', 'error', '--utr', 'off', '--allow-unavailable-taxonomy']);
    expect(exit).toBe(0);
    expect(comparable(report, { 'document.xbrl': INSTANCE })).toEqual(comparable(JSON.parse(out)));
    const bad = await service.app.inject({ method: 'POST', url: '/v1/validate?utr=/etc/passwd', payload: readFileSync(INSTANCE) });
    expect(bad.statusCode).toBe(400);
  }, 60_000);

  for (const to of ['xbrl', 'ixbrl', 'json', 'release'] as const) {
    it(`convert ?to=${to}: the bytes kessan convert writes into out/`, async () => {
      const res = await service.app.inject({ method: 'POST', url: `/v1/convert?to=${to}`, ...exampleForm() });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
      expect(res.headers['kessan-facts']).toBe('695');
      expect(res.headers['content-type']).toMatch({ xbrl: /^application\/xml/, ixbrl: /^application\/xhtml\+xml/, json: /^application\/json/, release: /^text\/plain/ }[to]);
      expectClean(res.body, service);
      const ext = { xbrl: 'xbrl', ixbrl: 'html', json: 'json', release: 'txt' }[to];
      const output = join(ROOT, 'out', `serve-convert-${process.pid}.${ext}`);
      try {
        await cli(['convert', EXAMPLE, '-o', output, '--to', to]);
        expect(res.body).toBe(readFileSync(output, 'utf8'));
      } finally {
        rmSync(output, { force: true });
      }
    }, 60_000);
  }

  it('convert ?to=csv: the xBRL-CSV report package kessan convert writes, as a zip', async () => {
    const res = await service.app.inject({ method: 'POST', url: '/v1/convert?to=csv', ...exampleForm() });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const output = join(ROOT, 'out', `serve-convert-${process.pid}.xbr`);
    try {
      await cli(['convert', EXAMPLE, '-o', output]);
      const unpack = (zip: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, data]) => [name.replace(/^[^/]+\//, ''), strFromU8(data)]));
      const served = unpack(res.rawPayload);
      expect(Object.keys(served).length).toBeGreaterThan(1);
      // The package is named after its file: the server's after the upload, the CLI's after -o.
      const cliName = `serve-convert-${process.pid}`;
      expect(served).toEqual(JSON.parse(JSON.stringify(unpack(readFileSync(output))).replaceAll(cliName, 'iij-2q-fy2004')));
    } finally {
      rmSync(output, { force: true });
    }
  }, 60_000);

  for (const format of ['csv', 'json', 'jsonl'] as const) {
    it(`facts ?format=${format}: the listing of kessan facts`, async () => {
      const res = await service.app.inject({ method: 'POST', url: `/v1/facts?format=${format}`, payload: readFileSync(INSTANCE), headers: { 'content-type': 'application/xml' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['kessan-facts']).toBe('695');
      expectClean(res.body, service);
      const { out } = await cli(['facts', INSTANCE, '--format', format]);
      const rel = INSTANCE;
      expect(res.body.replaceAll('document.xbrl', rel)).toBe(out);
    }, 60_000);
  }

  it('review: the report, every fact with its label and where it was printed, and the release text', async () => {
    const res = await service.app.inject({ method: 'POST', url: '/v1/review', ...exampleForm() });
    expect(res.statusCode).toBe(200);
    expectClean(res.body, service);
    const review = res.json() as { report: { files: { facts: number }[] }; facts: { id: string; concept: string; label: string | null; sources: { line: number; column?: number; printed?: string }[] }[]; documents: { file: string; format: string; text: string }[] };
    expect(review.report.files[0]!.facts).toBe(695);
    expect(review.facts).toHaveLength(695);
    const revenues = review.facts.find((f) => f.id === 'f1')!;
    expect(revenues).toMatchObject({ concept: 'iij:Revenues', label: 'Total revenues' });
    expect(revenues.sources[0]).toMatchObject({ line: 69, column: 23, printed: '19,187' });
    expect(review.documents).toEqual([{ file: 'iij-2q-fy2004.txt', format: 'release', text: readFileSync(EXAMPLE, 'utf8') }]);
    // Where the reader says a figure is printed, it is: at its cell's column, after the cell's markup (<b>) if any.
    const lines = review.documents[0]!.text.split('\n');
    for (const f of review.facts) {
      for (const s of f.sources) {
        if (!s.printed || !s.column) continue;
        const cell = lines[s.line - 1]!.slice(s.column - 1);
        expect(cell.replace(/^(<[^>]+>)*/, '').startsWith(s.printed), `${f.id} at ${s.line}:${s.column}: ${cell.slice(0, 20)}`).toBe(true);
      }
    }
  }, 60_000);

  it('review of Inline XBRL: each fact element marked with its id, the encoding declared UTF-8', async () => {
    const ix = String((await convertDocument(EXAMPLE, join(ROOT, 'out', 'iij.html'), 'ixbrl')).files[0]!.data);
    const res = await service.app.inject({ method: 'POST', url: '/v1/review?name=iij.html', payload: ix });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const review = res.json() as { facts: { id: string }[]; documents: { format: string; text: string }[] };
    const text = review.documents[0]!.text;
    expect(review.documents[0]!.format).toBe('ixbrl');
    for (const f of review.facts) expect(text).toContain(`data-kessan-fact="${f.id}"`);
    expect(text.replace(/ data-kessan-fact="[^"]*"/g, '')).toBe(ix);
  }, 60_000);

  it('health, and /openapi.json describing every route there is (and none that is not)', async () => {
    const health = await service.app.inject({ method: 'GET', url: '/v1/health' });
    expect(health.json()).toMatchObject({ status: 'ok', kessan: '0.1.0', busy: 0, queued: 0 });
    const api = (await service.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(api.openapi).toBe('3.1.0');
    const described = Object.entries(api.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const served = service.routes.filter((r) => r !== 'GET /app.js' && r !== 'GET /style.css' && r !== 'GET /favicon.ico');
    expect(new Set(described)).toEqual(new Set(served));
  });

  it('the page and its files, with a policy that lets the page load nothing from elsewhere', async () => {
    const page = await service.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script type="module" src="/app.js">');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'.*connect-src 'self'/);
    const example = await service.app.inject({ method: 'GET', url: '/v1/examples/iij.profile.json' });
    expect(example.body).toBe(readFileSync(PROFILE, 'utf8'));
    for (const url of ['/v1/examples/..%2Fpackage.json', '/v1/examples/constructor', '/v1/examples/__proto__']) expect((await service.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});
