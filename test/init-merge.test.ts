/**
 * `kessan init` on a release whose spec exists keeps the user's edits (names, labels, titles, comments) and only
 * adds what is new: a row the next quarter's release prints, a table it adds. Made with a small release of a
 * made-up company in the tab-separated form, and its next version.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertFile } from '../src/app/convert.js';
import { initRelease } from '../src/app/init.js';
import { loadSpec } from '../src/formats/release/spec/index.js';

const Q1 = `# Acme Corp. Reports First Quarter Results

Acme sold more widgets.

### Condensed Statements of Income

(In thousands, except per share amounts)

\tThree Months Ended\t
\tMarch 31, 2024\tMarch 31, 2023
Net sales\t$1,200\t$1,000
Cost of sales\t700\t600
Gross profit\t500\t400
Operating expenses\t300\t250
Operating income\t200\t150
Net income\t$150\t$110
Diluted earnings per share\t$0.75\t$0.55

### Condensed Balance Sheets

(In thousands)

\tMarch 31, 2024\tDecember 31, 2023
Cash\t$900\t$800
Receivables\t300\t250
Total assets\t$1,200\t$1,050
`;

/** The next release: one row more in the income statement (printed negative) and a new table. */
const Q2 = Q1.replace('Operating income\t200\t150\n', 'Operating income\t200\t150\nInterest expense\t(10)\t(8)\n').concat(`
### Segment Results

(In thousands)

\tThree Months Ended\t
\tMarch 31, 2024\tMarch 31, 2023
Widgets\t$800\t$700
Gadgets\t400\t300
Total net sales\t$1,200\t$1,000
`);

const dir = mkdtempSync(join(tmpdir(), 'kessan-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { entityScheme: 'http://www.sec.gov/CIK', entity: '1234567', out: join(dir, 'out') };

describe('kessan init on a release whose spec exists', () => {
  it('keeps the edited spec and adds the new row after the row printed before it, and the new table', async () => {
    const release = join(dir, 'acme.txt');
    writeFileSync(release, Q1);
    const first = await initRelease(release, options);
    expect(first.merged).toBeUndefined();
    expect(first.coverage).toEqual({ figures: 20, tagged: 20, reported: 0 });
    const drafted = readFileSync(first.spec, 'utf8');
    expect(drafted).toContain('- total: GrossProfit\n        items: [ NetSales, -CostOfSales ]');

    // The user renames a concept, relabels it, retitles a table and leaves a comment.
    const edited = drafted
      .replace('  - { name: NetIncome, label: Net income, type: monetary, period: duration }', '  # the company calls it net earnings\n  - { name: NetEarnings, label: Net earnings, type: monetary, period: duration }')
      .replace('      - NetIncome: Net income', '      - NetEarnings: Net income')
      .replace('title: Condensed Statements of Income', 'title: Statements of income (edited)');
    expect(edited).not.toBe(drafted);
    writeFileSync(first.spec, edited);
    const profileBefore = readFileSync(first.profile, 'utf8');

    writeFileSync(release, Q2);
    const second = await initRelease(release, options);
    expect(second.merged?.added).toEqual({ concepts: ['InterestExpense', 'Widgets', 'Gadgets', 'TotalNetSales'], tables: ['SegmentResults'], rows: ['StatementsOfIncome: Interest expense'] });
    const merged = readFileSync(second.spec, 'utf8');
    // Everything the user wrote is still there, word for word, in the same order.
    const kept = edited.split('\n').filter((l) => l.trim());
    const lines = merged.split('\n');
    let at = 0;
    for (const l of kept) {
      const i = lines.indexOf(l, at);
      expect(i, `kept: ${l}`).toBeGreaterThanOrEqual(0);
      at = i + 1;
    }
    // The new row sits after "Operating income", negated (printed in parentheses).
    expect(merged).toContain('      - OperatingIncome: Operating income\n      - concept: InterestExpense\n        label: Interest expense\n        show: negated\n      - NetEarnings: Net income');
    const spec = loadSpec(second.spec);
    expect(spec.tables.map((t) => t.id)).toEqual(['StatementsOfIncome', 'BalanceSheets', 'SegmentResults']);
    expect(spec.tables[2]!.calculations.map(({ total, items }) => ({ total, items }))).toEqual([{ total: 'TotalNetSales', items: [{ concept: 'Widgets', weight: 1 }, { concept: 'Gadgets', weight: 1 }] }]);
    expect(readFileSync(second.profile, 'utf8')).toBe(profileBefore);

    // The next release converts with the merged taxonomy: every figure tagged, the user's concept used.
    expect(second.coverage).toEqual({ figures: 28, tagged: 28, reported: 0 });
    const conv = await convertFile(release, join(dir, 'q2.xbrl'), { profile: second.profile });
    expect(conv.failed).toBe(false);
    const earnings = conv.report.facts.filter((f) => f.concept.localName === 'NetEarnings').map((f) => String(f.value));
    expect(earnings).toEqual(['150000', '110000']);
    expect(conv.report.facts.filter((f) => f.concept.localName === 'InterestExpense').map((f) => String(f.value))).toEqual(['10000', '8000']);
  });

  it('a third run on the same release adds nothing and changes nothing', async () => {
    const release = join(dir, 'acme.txt');
    const spec = join(options.out, 'acme.spec.yaml');
    const before = readFileSync(spec, 'utf8');
    const again = await initRelease(release, options);
    expect(again.merged?.added).toEqual({ concepts: [], tables: [], rows: [] });
    expect(readFileSync(spec, 'utf8')).toBe(before);
  });
});
