import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../src/formats/release/read/blocks.js';
import { cleanCell } from '../src/formats/release/read/text.js';
import { exampleText, goldenLine, readExample, ROOT } from './support/example.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'iij-2q-fy2004.facts.tsv');

/** Every printed figure of every table body, found without the reader: line and cell text. */
function printedFigures(text: string): { line: number; cell: string }[] {
  const out: { line: number; cell: string }[] = [];
  for (const b of splitBlocks(text)) {
    if (b.kind !== 'table') continue;
    let body = false;
    for (const r of b.rows) {
      if (cleanCell(r.cells[0] ?? '')) body = true;
      if (!body) continue;
      for (const c of r.cells.slice(1)) if (cleanCell(c)) out.push({ line: r.line, cell: cleanCell(c) });
    }
  }
  return out;
}

describe('the example release', () => {
  const report = readExample();

  it('matches the golden listing of every fact (value × scale, concept, period, unit, decimals, lines)', () => {
    const actual = `${['concept', 'period', 'unit', 'value', 'decimals', 'printed at lines'].join('\t')}\n${report.facts.map(goldenLine).join('\n')}\n`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, actual);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('tags every printed figure of all 14 tables exactly once', () => {
    const printed = printedFigures(exampleText());
    expect(splitBlocks(exampleText()).filter((b) => b.kind === 'table')).toHaveLength(14);
    expect(printed).toHaveLength(839);
    const tagged = report.facts.filter((f) => typeof f.value !== 'string').flatMap((f) => f.sources.map((s) => `${s.line}:${s.printed}`)).sort();
    const expected = printed.map((p) => `${p.line}:${p.cell}`).sort();
    expect(tagged).toEqual(expected);
  });

  it('has the 16 dash cells as nil facts, all from the cash-flow statement', () => {
    const nil = report.facts.filter((f) => f.value === null);
    expect(nil).toHaveLength(16);
    for (const f of nil) expect(f.sources[0]!.table).toMatch(/CASH FLOWS/);
  });

  it('reports the two printings that disagree beyond rounding, and nothing else', () => {
    expect(report.findings.map((f) => `${f.severity} ${f.code} ${f.line}`)).toEqual([
      'warning release:inconsistentPrintings 322',
      'warning release:inconsistentPrintings 467',
    ]);
    expect(report.findings[0]!.message).toMatch(/518 .* 517,379/);
  });

  it('keeps one fact per figure printed in several tables, at the most precise printing', () => {
    const revenue2q = report.facts.filter((f) => f.concept.localName === 'Revenues' && f.period.kind === 'duration' && f.period.end === '2004-09-30' && f.period.start === '2004-07-01' && f.unit?.numerator[0]?.localName === 'JPY');
    expect(revenue2q).toHaveLength(1);
    expect(revenue2q[0]!.value!.toString()).toBe('10512328000');
    expect(revenue2q[0]!.decimals).toBe(-3);
    expect(revenue2q[0]!.sources.map((s) => s.line).sort()).toEqual([377, 69, 85].sort());
  });

  it('reads negated rows, period-start rows and per-ADS figures right', () => {
    const find = (local: string, end: string, unit = 'JPY') =>
      report.facts.filter((f) => f.concept.localName === local && (f.period.kind === 'instant' ? f.period.date : f.period.kind === 'duration' ? f.period.end : '') === end && f.unit?.numerator[0]?.localName === unit).map((f) => f.value?.toString());
    expect(find('OtherExpenses', '2004-09-30')).toEqual(['10188000']);
    expect(find('TreasuryStock', '2004-09-30')).toEqual(['44000000']);
    expect(find('CashAndCashEquivalents', '2004-06-30')).toEqual(['10627203000']);
    expect(find('CashAndCashEquivalents', '2004-03-31')).toEqual(['12284239000']);
    expect(find('BasicNetIncomeLossPerAdsEquivalent', '2004-09-30')).toEqual(['-3.56']);
  });
});
