import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.js';
import { loadProfile } from '../src/formats/release/read/profile.js';
import { readReleaseWithProfile } from '../src/formats/release/read/index.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { validateInstance } from '../src/app/validate.js';

describe("kessan's converted example, validated with the defaults (c11r, duplicates inconsistent, UTR)", () => {
  it('gives only the income-tax duplicate as an inconsistency, as Arelle does, and no utre errors', () => {
    const root = projectRoot();
    const text = readFileSync(join(root, 'examples', 'iij-2q-fy2004.txt'), 'utf8');
    const report = readReleaseWithProfile(text, 'examples/iij-2q-fy2004.txt', loadProfile(join(root, 'examples', 'iij.profile.json')), '../taxonomy/iij/iij-2004.xsd');
    mkdirSync(join(root, 'out'), { recursive: true });
    const file = join(root, 'out', 'calc11-iij-test.xbrl');
    writeFileSync(file, writeXbrl(report));
    const { findings } = validateInstance(file);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const bad = findings.filter((f) => f.severity === 'inconsistency');
    expect(bad.map((f) => f.code)).toEqual(['oime:disallowedDuplicateFacts']);
    expect(bad[0]!.message).toContain('iij:IncomeTaxExpenseBenefit: 518000000, 517379000');
    // The duplicates report (a warning, as Arelle's --validateDuplicateFacts=inconsistent): the two slips.
    expect(findings.filter((f) => f.code === 'arelle:duplicateFacts').map((f) => /duplicate\(s\) (\S+):/.exec(f.message)?.[1])).toEqual([
      'iij:IncomeTaxExpenseBenefit',
      'iij:MinorityInterestInIncomeOfConsolidatedSubsidiaries',
    ]);
  });
});
