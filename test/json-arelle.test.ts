/**
 * kessan's xBRL-JSON checked by Arelle (optional: skipped unless Arelle is available, see test/support/arelle.ts):
 * Arelle loads kessan's JSON without errors and with every fact, and kessan reads Arelle's JSON of the same
 * instance with the same facts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { readXbrlJsonFile } from '../src/formats/json/read/index.js';
import { readInstanceFile } from '../src/formats/xbrl/read/index.js';
import { arelleAvailable, runArelle } from './support/arelle.js';
import { EXAMPLE } from './support/example.js';
import { aspects } from './support/facts.js';

describe.skipIf(!arelleAvailable)('xBRL-JSON and Arelle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-arelle-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const xbrl = join(dir, 'iij.xbrl');
  const json = join(dir, 'iij.json');

  it(
    "Arelle loads kessan's JSON of the example without errors, with every fact",
    async () => {
      expect(await runCli(['convert', EXAMPLE, '-o', xbrl], bufferIo())).toBeLessThanOrEqual(1);
      expect(await runCli(['convert', xbrl, '-o', json], bufferIo())).toBe(0);
      const csv = join(dir, 'facts.csv');
      const log = runArelle(['--plugins=loadFromOIM', '-f', json, '-v', `--facts=${csv}`, '--factListCols=Name Value']);
      expect(log.filter((l) => /^(ERROR|CRITICAL|WARNING)/.test(l))).toEqual([]);
      // The same fact list (name, value) as Arelle gives for the instance itself.
      const csvXml = join(dir, 'facts-xml.csv');
      runArelle(['-f', xbrl, `--facts=${csvXml}`, '--factListCols=Name Value']);
      const lines = (f: string) => readFileSync(f, 'utf8').trim().split('\n').sort();
      expect(lines(csv)).toEqual(lines(csvXml));
      expect(lines(csv).length).toBeGreaterThan(readInstanceFile(xbrl).facts.length);
    },
    180_000,
  );

  it(
    "kessan reads Arelle's JSON of the same instance with the same facts",
    () => {
      const theirs = join(dir, 'arelle.json');
      runArelle(['--plugins=saveLoadableOIM', '-f', xbrl, `--saveLoadableOIM=${theirs}`]);
      const read = readXbrlJsonFile(theirs);
      expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(read.facts.map(aspects)).toEqual(readInstanceFile(xbrl).facts.map(aspects));
    },
    180_000,
  );
});
