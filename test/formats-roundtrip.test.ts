/**
 * One fact set, every format: the example release and the corpus instances go XBRL → xBRL-JSON → back (and
 * through `kessan convert`) with the same facts.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import type { Report } from '../src/core/model/report.js';
import { readXbrlJson, readXbrlJsonFile, taxonomyHints } from '../src/formats/json/read/index.js';
import { readInstance, readInstanceFile } from '../src/formats/xbrl/read/index.js';
import { writeXbrlJson } from '../src/formats/json/write/index.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { sampleReport } from './support/reports.js';
import { CORPUS_XML_FILES } from './support/corpus.js';
import { EXAMPLE, PROFILE, ROOT, readExample } from './support/example.js';
import { aspects } from './support/facts.js';
import { SHARED } from './support/example.js';

const CORPUS = join(SHARED, 'corpus');
const CORPUS_FILES = CORPUS_XML_FILES;
// TDnet's 2013 filing marks parent-only figures with scenario content that xBRL-JSON cannot carry: it is
// refused (test/scenario.test.ts), never written without it.

/** Report → JSON → Report: the same facts; and the JSON written again is the same text. */
function jsonRoundTrip(report: Report, file = 'roundtrip.json', hints?: Parameters<typeof readXbrlJson>[2]) {
  const json = writeXbrlJson(report);
  const back = readXbrlJson(json, file, hints);
  expect(back.facts.map(aspects)).toEqual(report.facts.map(aspects));
  expect(back.taxonomy.schemaRefs).toEqual(report.taxonomy.schemaRefs);
  expect(writeXbrlJson(back)).toBe(json);
  return { json, back };
}

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, err: io.err() };
}

describe('xBRL-JSON round trip', () => {
  it('the example release: XBRL → JSON → XBRL gives the same facts and the same instance', () => {
    const report = readExample();
    const xml = writeXbrl(report);
    const instance = readInstance(xml, 'example.xbrl');
    // The ratio facts (unit xbrli:pure, written without a unit) need the taxonomy to be read as numbers.
    const { back } = jsonRoundTrip(instance, join(ROOT, 'out', 'example.json'));
    expect(back.facts.length).toBeGreaterThan(690);
    expect(back.facts.filter((f) => f.value === null)).toHaveLength(report.facts.filter((f) => f.value === null).length);
    expect(writeXbrl(back)).toBe(xml);
  });

  it("the writer's sample (divided units, explicit and typed dimensions, languages, nil text)", () => {
    const typedDomain = (d: { localName: string }) => (d.localName === 'RegionAxis' ? { namespace: 'http://example.com/tiny', localName: 'Region', prefix: 't' } : undefined);
    jsonRoundTrip(sampleReport(), 'sample.json', { hints: { numeric: () => undefined, typedDomain } });
  });

  it('kessan convert: release → XBRL → JSON → XBRL, with the schemaRef re-pointed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-json-'));
    const xbrl = join(dir, 'a.xbrl');
    const json = join(dir, 'sub', 'a.json');
    const back = join(dir, 'b.xbrl');
    expect((await cli('convert', EXAMPLE, '-o', xbrl, '--profile', PROFILE)).code).toBeLessThanOrEqual(1);
    const r1 = await cli('convert', xbrl, '-o', json);
    expect(r1.err).toMatch(/wrote .*a\.json: 69\d facts/);
    expect(r1.code).toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { documentInfo: { taxonomy: string[] } };
    expect(doc.documentInfo.taxonomy[0]).toMatch(/^\.\.\/.*taxonomy\/iij\/iij-2004\.xsd$/);
    expect(existsSync(join(dir, 'sub', doc.documentInfo.taxonomy[0]!))).toBe(true);
    expect((await cli('convert', json, '-o', back)).code).toBe(0);
    expect(readInstanceFile(back).facts.map(aspects)).toEqual(readInstanceFile(xbrl).facts.map(aspects));
    expect(readFileSync(back, 'utf8')).toBe(readFileSync(xbrl, 'utf8'));
    // The reference is kept as written; it resolves beside the document (the project's taxonomy folder is allowed).
    expect(readXbrlJsonFile(json).taxonomy.schemaRefs).toEqual(doc.documentInfo.taxonomy);
    expect(join(dir, 'sub', doc.documentInfo.taxonomy[0]!)).toBe(join(ROOT, 'taxonomy', 'iij', 'iij-2004.xsd'));
  });
});

describe.skipIf(!existsSync(CORPUS))('xBRL-JSON round trip of the corpus instances', () => {
  it.each(CORPUS_FILES)('%s', (file) => {
    const path = join(CORPUS, file);
    const report = readInstanceFile(path);
    const t0 = performance.now();
    const { back } = jsonRoundTrip(report, path.replace(/\.[a-z]+$/, '.json'), { hints: (hrefs) => taxonomyHints(path, hrefs) });
    console.log(`${file}: ${report.facts.length} facts through xBRL-JSON in ${(performance.now() - t0).toFixed(0)} ms`);
    // And on to XBRL: the instance written from the JSON reads back with the same facts.
    expect(readInstance(writeXbrl(back), 'back.xbrl').facts.map(aspects)).toEqual(report.facts.map(aspects));
  });
});
