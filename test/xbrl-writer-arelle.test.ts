import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arelleAvailable, runArelle } from './support/arelle.js';
import { sampleReport } from './support/reports.js';
import { ROOT } from './support/example.js';
import { writeXbrl } from '../src/formats/xbrl/write/writer.js';

/** Validates the writer's output with Arelle, the reference XBRL processor (a referee outside the project). */
describe('writeXbrl output, checked by Arelle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-arelle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!arelleAvailable)(
    'is a valid XBRL 2.1 instance (with dimensions) and Arelle reads back every fact',
    () => {
      copyFileSync(join(ROOT, 'src', 'formats', 'xbrl', 'write', 'fixtures', 'tiny.xsd'), join(dir, 'tiny.xsd'));
      const report = sampleReport('tiny.xsd');
      writeFileSync(join(dir, 'out.xbrl'), writeXbrl(report));
      const csv = join(dir, 'facts.csv');
      const log = runArelle(['-f', join(dir, 'out.xbrl'), '-v', '--validationExitCode', `--facts=${csv}`, '--factListCols=Name contextRef unitRef Dec Value']);
      expect(log.filter((l) => /^(ERROR|CRITICAL)\b/.test(l))).toEqual([]);
      expect(log.join('\n')).not.toMatch(/IOerror|xmlSchema/);
      const rows = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
      expect(rows).toHaveLength(report.facts.length);
      expect(rows[0]).toBe('t:Revenues,D2004-07-01_2004-09-30,JPY,-6,12345000000');
      expect(rows).toContain('t:EarningsPerShare,D2004-07-01_2004-09-30,JPY-per-shares,2,1234.56');
      expect(rows).toContain('t:Cash,I2004-03-31,JPY,,(nil)');
    },
    120_000,
  );
});
