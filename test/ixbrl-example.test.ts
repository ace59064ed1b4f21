import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInline } from '../src/formats/ixbrl/read/read.js';
import { mergePrintings } from '../src/formats/release/read/merge.js';
import { readInstance } from '../src/formats/xbrl/read/read.js';
import { writeInlineXbrl } from '../src/formats/ixbrl/write/writer.js';
import { writeXbrl } from '../src/formats/xbrl/write/writer.js';
import { parseXml } from '../src/core/xml/parse.js';
import { arelleAvailable, runArelle } from './support/arelle.js';
import { factLine, readExample, ROOT } from './support/example.js';

/**
 * The example release as Inline XBRL: every printing tagged where it was printed (839 figures), so a figure
 * printed in two tables is two ix:nonFraction elements (consistent duplicates, each at its printing's
 * scale and decimals). Equality with the XBRL instance is defined as the release reader defines one fact
 * per figure: the HTML's facts after `mergePrintings` equal the instance's facts (concept, period, unit,
 * value, decimals; text values exactly).
 */
describe('the example release as Inline XBRL', () => {
  const report = readExample();
  const html = writeInlineXbrl(report, { schemaRef: '../taxonomy/iij/iij-2004.xsd' });

  it('is well-formed, deterministic, and tags all 839 printed figures (16 nil)', () => {
    expect(() => parseXml(html, 'iij.html')).not.toThrow();
    expect(writeInlineXbrl(readExample(), { schemaRef: '../taxonomy/iij/iij-2004.xsd' })).toBe(html);
    expect(html.split('<ix:nonFraction ').length - 1).toBe(839);
    expect(html.split('xsi:nil="true"').length - 1).toBe(16);
    expect(html).not.toContain('Other tagged facts');
    expect(html).toContain('<tr class="total"><td class="label">Total Revenues</td>');
  });

  it('reads back to the same facts as the XBRL 2.1 instance, after merging consistent printings', () => {
    const back = readInline([{ text: html, file: 'iij.html' }]);
    expect(back.findings).toEqual([]);
    const merged = mergePrintings(back.facts, () => {});
    const instance = readInstance(writeXbrl(report), 'iij.xbrl');
    expect(merged.map(factLine).sort()).toEqual(instance.facts.map(factLine).sort());
    expect(merged).toHaveLength(report.facts.length);
  });

  const dir = mkdtempSync(join(tmpdir(), 'kessan-ixbrl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.skipIf(!arelleAvailable)(
    'passes Arelle (Inline XBRL document set plugin, c11r calculations) with no errors',
    () => {
      const tax = join(dir, 'taxonomy', 'iij');
      mkdirSync(tax, { recursive: true });
      for (const f of readdirSync(join(ROOT, 'taxonomy', 'iij'))) if (/\.(xsd|xml)$/.test(f)) copyFileSync(join(ROOT, 'taxonomy', 'iij', f), join(tax, f));
      mkdirSync(join(dir, 'out'));
      writeFileSync(join(dir, 'out', 'iij.html'), html);
      const log = runArelle(['--plugins=inlineXbrlDocumentSet|EDGAR/transform', '-f', join(dir, 'out', 'iij.html'), '-v', '--calc=c11r']);
      expect(log.filter((l) => /^(ERROR|CRITICAL)\b/.test(l))).toEqual([]);
      // The one inconsistency the instance has too: income tax printed as 518 million and 517,379 thousand.
      expect(log.filter((l) => /^INCONSISTENCY\b/.test(l)).map((l) => l.split(' ')[1])).toEqual(['oime:disallowedDuplicateFacts']);
    },
    180_000,
  );
});
