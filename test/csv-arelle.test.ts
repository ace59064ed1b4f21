/**
 * kessan's xBRL-CSV checked by Arelle (optional: skipped unless Arelle is available, see test/support/arelle.ts):
 * Arelle loads kessan's xBRL-CSV of the example (a folder and a report package) without errors and with every
 * fact, and kessan reads the xBRL-CSV Arelle saves for the same instance with the same facts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import type { Report } from '../src/core/model/report.js';
import { readXbrlCsvFile } from '../src/formats/csv/read/index.js';
import { readInstanceFile } from '../src/formats/xbrl/read/index.js';
import { arelleAvailable, runArelle } from './support/arelle.js';
import { factSet } from './support/csv.js';
import { EXAMPLE } from './support/example.js';

describe.skipIf(!arelleAvailable)('xBRL-CSV and Arelle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-arelle-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const xbrl = join(dir, 'iij.xbrl');
  // Arelle ends its rows with CR LF and the cells of multi-line text with LF; the facts come in document order.
  const lines = (f: string) => readFileSync(f, 'utf8').split(/\r?\n/).filter(Boolean).sort();

  it(
    "Arelle loads kessan's xBRL-CSV of the example (folder and package) without errors, with every fact",
    async () => {
      expect(await runCli(['convert', EXAMPLE, '-o', xbrl], bufferIo())).toBeLessThanOrEqual(1);
      const listXml = join(dir, 'facts-xml.csv');
      runArelle(['-f', xbrl, `--facts=${listXml}`, '--factListCols=Name Value Dec Period Dimensions']);
      for (const [output, entry] of [[join(dir, 'iij-csv/'), join(dir, 'iij-csv', 'iij-csv.json')], [join(dir, 'iij.xbr'), join(dir, 'iij.xbr')]] as const) {
        expect(await runCli(['convert', xbrl, '-o', output], bufferIo())).toBe(0);
        const list = join(dir, 'facts.csv');
        const log = runArelle(['-f', entry, '-v', `--facts=${list}`, '--factListCols=Name Value Dec Period Dimensions']);
        expect(log.filter((l) => /^(ERROR|CRITICAL|WARNING)/.test(l)), entry).toEqual([]);
        // The same fact list (name, value, decimals, period, dimensions) as Arelle gives for the instance itself.
        expect(lines(list)).toEqual(lines(listXml));
      }
      expect(lines(listXml).length).toBeGreaterThan(readInstanceFile(xbrl).facts.length);
    },
    180_000,
  );

  it(
    "kessan reads Arelle's xBRL-CSV of the same instance with the same facts",
    () => {
      // Arelle writes <name>-metadata.json and <name>-facts.csv beside the name it is given.
      runArelle(['--plugins=saveLoadableOIM', '-f', xbrl, `--saveLoadableOIM=${join(dir, 'arelle.csv')}`]);
      const metadata = join(dir, 'arelle-metadata.json');
      const read = readXbrlCsvFile(metadata);
      expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const xml = readInstanceFile(xbrl);
      // Arelle's xBRL-CSV has no language column (its template defines none): the text fact's language is the one
      // thing it does not write. Everything else is the same.
      expect((JSON.parse(readFileSync(metadata, 'utf8')) as { tableTemplates: { facts: { columns: object } } }).tableTemplates.facts.columns).not.toHaveProperty('language');
      const noLang = (r: Report) => ({ ...r, facts: r.facts.map(({ lang: _lang, ...f }) => f) });
      expect(factSet(noLang(read))).toEqual(factSet(noLang(xml)));
      expect(read.facts).toHaveLength(xml.facts.length);
    },
    180_000,
  );
});
