/**
 * xBRL-CSV round trips (issue 21): the example release and the corpus's XML filings go XBRL → xBRL-CSV → XBRL
 * with identical fact sets (ids aside: xBRL-CSV names facts table.row.column), through the library and through
 * `kessan convert` (folder, metadata file, report package); `kessan facts` and `validate` read xBRL-CSV; TDnet's
 * parent-only facts are refused with the OIM code, never written without their scenario.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import type { Report } from '../src/core/model/report.js';
import { readXbrlCsvFile, type ReadXbrlCsvOptions } from '../src/formats/csv/read/index.js';
import { readInstance, readInstanceFile } from '../src/formats/xbrl/read/index.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { oimTaxonomyHints } from '../src/core/xbrl/oim-hints.js';
import { csvFilesOf, factSet, readCsvFiles } from './support/csv.js';
import { CORPUS_XML_FILES } from './support/corpus.js';
import { EXAMPLE, PROFILE, readExample, SHARED } from './support/example.js';

const CORPUS = join(SHARED, 'corpus');
const CORPUS_FILES = CORPUS_XML_FILES;
const TDNET = join(CORPUS, 'tdnet-toyota-tanshin-2013-03-us-xml', 'us-cons-2013-q4.xbrl');

const tmp = mkdtempSync(join(tmpdir(), 'kessan-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, err: io.err(), out: io.out() };
}

/** Report → xBRL-CSV → Report: the same facts; written again, the same files. */
function csvRoundTrip(report: Report, hints?: ReadXbrlCsvOptions['hints']) {
  const files = csvFilesOf(report);
  const back = readCsvFiles(files, hints ? { hints } : {});
  expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(factSet(back)).toEqual(factSet(report));
  expect(back.taxonomy.schemaRefs).toEqual(report.taxonomy.schemaRefs);
  expect(csvFilesOf(back)).toEqual(files);
  return { files, back };
}

describe('xBRL-CSV round trip', () => {
  it('the example release: XBRL → xBRL-CSV → XBRL gives the same facts, in nine statement-like tables', () => {
    const report = readInstance(writeXbrl(readExample()), 'example.xbrl');
    const { files, back } = csvRoundTrip(report);
    expect(back.facts).toHaveLength(695);
    expect(Object.keys(files).filter((f) => f.endsWith('.csv'))).toHaveLength(9);
    // The summary of operations: five periods as rows, the five concepts the release reports for each as columns.
    expect(files['Revenues.csv']!.split('\n')[0]).toBe('period,Revenues,CostOfRevenue,SellingGeneralAdministrativeAndResearchAndDevelopmentExpense,OperatingIncomeLoss,NetIncomeLoss');
    expect(files['Revenues.csv']!.trim().split('\n')).toHaveLength(6);
    // And on to XBRL: the instance written from the CSV reads back with the same facts.
    expect(factSet(readInstance(writeXbrl(back), 'back.xbrl'))).toEqual(factSet(report));
  });

  it("the writer's duplicates (the example's two inconsistent printings) stay two facts", () => {
    const report = readInstance(writeXbrl(readExample()), 'example.xbrl');
    const tax = (r: Report) => r.facts.filter((f) => f.concept.localName === 'IncomeTaxExpenseBenefit' && f.period.kind === 'duration' && f.period.start === '2004-07-01' && f.unit?.numerator[0]?.localName === 'JPY');
    expect(tax(readCsvFiles(csvFilesOf(report))).map((f) => String(f.value)).sort()).toEqual(tax(report).map((f) => String(f.value)).sort());
    expect(tax(report)).toHaveLength(2);
  });
});

describe.skipIf(!existsSync(CORPUS))('xBRL-CSV round trip of the corpus instances', () => {
  it.each(CORPUS_FILES)('%s', (file) => {
    const path = join(CORPUS, file);
    const report = readInstanceFile(path);
    const t0 = performance.now();
    const { files, back } = csvRoundTrip(report, (_doc: string, hrefs: readonly string[]) => oimTaxonomyHints(path, hrefs));
    console.log(`${file}: ${report.facts.length} facts through xBRL-CSV (${Object.keys(files).length - 1} tables) in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(factSet(readInstance(writeXbrl(back), 'back.xbrl'))).toEqual(factSet(report));
  });

  it.skipIf(!existsSync(TDNET))("TDnet's parent-only facts: convert to xBRL-CSV is refused with the OIM code, nothing written", async () => {
    const out = join(tmp, 'tdnet-csv');
    const r = await cli('convert', TDNET, '-o', `${out}/`);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.err).toContain('us-cons-2013-q4.xbrl:20:450: error xbrlxe:nonDimensionalSegmentScenarioContent fact f47 (tse-t-ed:PreambleToNonConsolidatedForecasts)');
    expect(r.err).toContain('xBRL-CSV cannot represent it');
    expect(r.err).toContain('63 facts have such content');
  });
});

describe('kessan convert, facts and validate with xBRL-CSV', () => {
  const xbrl = join(tmp, 'iij.xbrl');
  const folder = join(tmp, 'sub', 'iij-csv');
  const pkg = join(tmp, 'iij.xbr');
  const beside = join(tmp, 'm.json');

  it('release → XBRL → a folder, a metadata file with tables beside it, a package; each back to the same XBRL', async () => {
    expect((await cli('convert', EXAMPLE, '-o', xbrl, '--profile', PROFILE)).code).toBeLessThanOrEqual(1);
    const r1 = await cli('convert', xbrl, '-o', `${folder}/`);
    expect(r1.err).toMatch(/wrote .*iij-csv\/: 695 facts/);
    expect(r1.code).toBe(0);
    expect(readdirSync(folder)).toContain('iij-csv.json');
    // The taxonomy reference, relative to the metadata file, still reaches the taxonomy.
    const md = JSON.parse(readFileSync(join(folder, 'iij-csv.json'), 'utf8')) as { documentInfo: { taxonomy: string[] } };
    expect(existsSync(join(folder, md.documentInfo.taxonomy[0]!))).toBe(true);
    expect((await cli('convert', xbrl, '-o', beside, '--to', 'csv')).code).toBe(0);
    expect(readdirSync(tmp).filter((f) => f.startsWith('m-')).length).toBe(9);
    expect((await cli('convert', xbrl, '-o', pkg)).code).toBe(0);
    const original = readFileSync(xbrl, 'utf8');
    for (const [i, input] of [folder, join(folder, 'iij-csv.json'), beside, pkg].entries()) {
      const back = join(tmp, `back${i}.xbrl`);
      const r = await cli('convert', input, '-o', back);
      expect(r.err, input).toMatch(/695 facts/);
      expect(r.code, r.err).toBe(0);
      expect(factSet(readInstanceFile(back)), input).toEqual(factSet(readInstanceFile(xbrl)));
      // Fact ids aside (xBRL-CSV's are table.row.column), the same instance; the schemaRef re-pointed to the same taxonomy.
      const strip = (s: string) => s.replace(/ id="[^"]*"/g, '').split('\n').filter((l) => !l.includes('schemaRef')).sort().join('\n');
      expect(strip(readFileSync(back, 'utf8'))).toBe(strip(original));
    }
    expect(readXbrlCsvFile(pkg).facts).toHaveLength(695);
  }, 60_000);

  it('kessan facts and validate read a folder, a metadata file and a package as one document each', async () => {
    const f = await cli('facts', folder, pkg, '--format', 'jsonl', '--jobs', '1');
    expect(f.code).toBe(0);
    expect(f.out.trim().split('\n')).toHaveLength(2 * 695);
    const v = await cli('validate', folder, beside, pkg, '--format', 'json', '--jobs', '1');
    const report = JSON.parse(v.out) as { files: { file: string; format: string; facts: number; findings: { code: string; severity: string }[] }[] };
    expect(report.files.map((x) => [x.format, x.facts])).toEqual([['csv', 695], ['csv', 695], ['csv', 695]]);
    // The same findings as the instance's: its two printing slips, nothing about the CSV.
    const xml = JSON.parse((await cli('validate', xbrl, '--format', 'json')).out) as typeof report;
    const codes = (x: (typeof report.files)[number]) => x.findings.map((y) => `${y.severity} ${y.code}`).sort();
    for (const x of report.files) expect(codes(x)).toEqual(codes(xml.files[0]!));
  }, 60_000);

  it('refuses to write over a file it read', async () => {
    const r = await cli('convert', join(folder, 'iij-csv.json'), '-o', `${folder}/`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('kessan:usage');
  });
});
