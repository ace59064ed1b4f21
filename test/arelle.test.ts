import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { bufferIo } from '../src/cli/io.js';
import { arelleAvailable, runArelle } from './support/arelle.js';
import { EXAMPLE } from './support/example.js';

describe('the converted example, checked by Arelle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-arelle-example-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!arelleAvailable)(
    'is valid XBRL 2.1; under Calculations 1.1 the only inconsistency is the release\'s income-tax slip',
    async () => {
      const out = join(dir, 'iij.xbrl');
      expect(await runCli(['convert', EXAMPLE, '-o', out], bufferIo())).toBe(0);
      const csv = join(dir, 'facts.csv');
      const log = runArelle(['-f', out, '-v', '--calc=c11r', '--validationExitCode', `--facts=${csv}`, '--factListCols=Name']);
      const findings = log.filter((l) => !l.startsWith('INFO'));
      expect(findings.filter((l) => /^(ERROR|CRITICAL|WARNING)/.test(l))).toEqual([]);
      expect([...new Set(findings.map((l) => l.split(' ').slice(0, 2).join(' ')))]).toEqual(['INCONSISTENCY oime:disallowedDuplicateFacts']);
      expect(findings.every((l) => l.includes('iij:IncomeTaxExpenseBenefit'))).toBe(true);
    },
    180_000,
  );
});
