import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEntry } from '../scripts/conformance/run.js';
import { readSuite, type Variation } from '../scripts/conformance/suite.js';
import { suiteArgs, suiteIndex } from '../scripts/conformance/suites.js';
import { ROOT } from './support/example.js';

/**
 * Rules without fixtures of their own are tested on XBRL International's conformance files: for each, one
 * variation where the rule must fire and one valid variation of the same testcase where it must not
 * (test/conformance/rule-variations.json). Runs when ../shared/conformance is there.
 */
const MAP = JSON.parse(readFileSync(join(ROOT, 'test', 'conformance', 'rule-variations.json'), 'utf8')) as Record<string, { invalid: string; valid: string }>;
const index = suiteIndex('xbrl21');

describe.skipIf(!index)('rules on conformance variations', () => {
  const byKey = new Map<string, Variation>(index ? readSuite(index, 'xbrl21').variations.map((v) => [v.key, v]) : []);
  // As the conformance runner and `kessan validate <entry> --calc xbrl21 --utr off` check them.
  const codesOf = async (key: string) => {
    const v = byKey.get(key)!;
    const entry = v.inputs.find((i) => i.readMeFirst)!;
    return (await checkEntry(entry.file, suiteArgs('xbrl21'))).report.findings.map((f) => f.code);
  };
  it.each(Object.entries(MAP))('%s fires on its invalid variation and not on a valid one', async (code, { invalid, valid }) => {
    expect(await codesOf(invalid)).toContain(code);
    expect(await codesOf(valid)).not.toContain(code);
  });
});
