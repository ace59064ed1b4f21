import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { loadProfile } from '../src/formats/release/read/profile.js';
import { factSetDifference } from '../src/app/compare.js';
import { renderRelease, reportTaxonomy } from '../src/formats/release/write/index.js';
import { roundTrip } from '../src/app/roundtrip.js';
import { profileTaxonomy, readReleaseWithProfile } from '../src/formats/release/read/index.js';
import { readInstanceFile } from '../src/formats/xbrl/read/read.js';
import { EXAMPLE, edit, exampleText, PROFILE, readExample } from './support/example.js';
import { SHARED } from './support/example.js';
import type { Finding } from '../src/core/model/finding.js';

const profile = loadProfile(PROFILE);

function replaceAll(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  return out;
}

/** text → XBRL → text → XBRL at a fixed point: same facts, every table figure printed the same. */
function expectFixedPoint(text: string) {
  const r = roundTrip(text, 'release.txt', profile);
  expect(r.onlyFirst).toEqual([]);
  expect(r.onlySecond).toEqual([]);
  expect(r.tables.differences).toEqual([]);
  // Rendering the second instance gives the same text again.
  expect(renderRelease(r.second, profileTaxonomy(profile), { calendar: profile.fiscalYear })).toBe(r.rendered);
  return r;
}

describe('round trip text → XBRL → text → XBRL', () => {
  it('the example: identical fact sets, all 839 table figures printed the same, prose kept', () => {
    const r = expectFixedPoint(exampleText());
    expect(r.first.facts).toHaveLength(695);
    expect(r.tables.compared).toBe(839);
    // Both printings of the two figures the release prints two ways, each in its own table.
    expect(r.rendered).toMatch(/Income Tax Expense \(Benefit\)\t518\t/);
    expect(r.rendered).toMatch(/Income tax expense\(benefit\)\t4,695\t517,379\t/);
    expect(r.rendered).toMatch(/Minority interests in net income \(loss\) of consolidated subsidiaries\t389\t/);
    expect(r.rendered).toMatch(/Minority Interests in Consolidated Subsidiaries\t\(388\)\t\(42,837\)\t/);
    // Every line that is not a table row comes back as it was.
    const rows = (t: string) => t.split('\n').filter((l) => !l.includes('\t') || l.startsWith('\t'));
    expect(rows(r.rendered)).toEqual(rows(exampleText()));
  });

  it('a third-quarter variant', () => {
    expectFixedPoint(replaceAll(exampleText(), [
      ['1H04', '9M04'], ['1H03', '9M03'], ['2Q04', '3Q04'], ['2Q03', '3Q03'], ['1Q04', '2Q04'],
      ['Sept 30, 2004', 'Dec 31, 2004'], ['Sept 30, 2003', 'Dec 31, 2003'], ['Jun 30, 2004', 'Sept 30, 2004'],
    ]));
  });

  it('a full-year variant', () => {
    expectFixedPoint(replaceAll(exampleText(), [
      ['1H04', 'FY2004'], ['1H03', 'FY2003'], ['2Q04', '4Q04'], ['2Q03', '4Q03'], ['1Q04', '3Q04'],
      ['Sept 30, 2004', 'Mar 31, 2005'], ['Sept 30, 2003', 'Mar 31, 2004'], ['Jun 30, 2004', 'Dec 31, 2004'],
    ]));
  });

  it('a variant with the statements first and two tables swapped', () => {
    const full = exampleText();
    const ops = full.indexOf('**INTERNET INITIATIVE JAPAN INC.**  \n**CONSOLIDATED STATEMENTS OF OPERATIONS');
    const bs = full.indexOf('**INTERNET INITIATIVE JAPAN INC.**  \n**CONSOLIDATED BALANCE SHEETS');
    const cf = full.indexOf('**CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS');
    const mdna = full.slice(0, ops);
    const revenues = mdna.indexOf('### Revenues\n\n \n(JPY in millions)');
    const costs = mdna.indexOf('### Cost of Revenues');
    const costsEnd = mdna.indexOf('### Cost and Gross Margin Ratio Trend');
    const swapped = mdna.slice(0, revenues) + mdna.slice(costs, costsEnd) + mdna.slice(revenues, costs) + mdna.slice(costsEnd);
    expectFixedPoint(full.slice(cf) + '\n\n' + full.slice(bs, cf) + full.slice(ops, bs) + swapped);
  });

  it('a variant with a changed figure and a row left out', () => {
    expectFixedPoint(edit(edit(exampleText(), '262,180', '262,181'), /Dial-up access services\t6,714[^\n]*\n/, ''));
  });

  it('without the release text, every network is laid out from the taxonomy and the facts, and reads back the same', () => {
    const report = readExample();
    const text = renderRelease(report, profileTaxonomy(profile), { plain: true, calendar: profile.fiscalYear });
    expect(text).toMatch(/^### Operating Result Summary\n\n\(JPY in thousands\)\n\n\t2Q04\t/);
    const back = readReleaseWithProfile(text, 'plain.txt', profile);
    const figures = (r: typeof report) => r.facts.filter((f) => typeof f.value !== 'string');
    const d = factSetDifference(figures(report), figures(back));
    expect(d).toEqual({ onlyA: [], onlyB: [] });
  });
});

describe('kessan roundtrip and convert to text', () => {
  it('reports a fixed point on the example with exit 0', async () => {
    const io = bufferIo();
    expect(await runCli(['roundtrip', EXAMPLE], io)).toBe(0);
    expect(io.out()).toMatch(/facts: 695 → 695, identical/);
    expect(io.out()).toMatch(/tables: 839 figures compared, 0 differing/);
  });

  it('reports differences with their lines and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-rt-'));
    try {
      const file = join(dir, 'release.txt');
      // A figure the taxonomy has no row for is printed in the original but cannot be rendered.
      const text = edit(exampleText(), 'Inventories\t2,379', 'Bitcoin holdings\t1\t100\t0.0%\t\t\t\t\nInventories\t2,379');
      await import('node:fs').then((fs) => fs.writeFileSync(file, text));
      const io = bufferIo();
      expect(await runCli(['roundtrip', file, '--profile', PROFILE], io)).toBe(1);
      expect(io.out()).toMatch(/3 differing/);
      expect(io.out()).toMatch(/release\.txt:415: .*row "Bitcoin holdings".*"100" → not rendered/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('converts an instance to release text (convert x.xbrl -o x.txt)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-rt-'));
    try {
      const xbrl = join(dir, 'iij.xbrl');
      const txt = join(dir, 'iij.txt');
      expect(await runCli(['convert', EXAMPLE, '-o', xbrl], bufferIo())).toBe(0);
      expect(await runCli(['convert', xbrl, '-o', txt], bufferIo())).toBe(0);
      const r = roundTrip(exampleText(), 'x.txt', profile);
      expect(readFileSync(txt, 'utf8')).toBe(r.rendered);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const NFLX = join(SHARED, 'corpus', 'sec-nflx-10q-2010q3-xml', 'nflx-20100930.xml');

describe.skipIf(!existsSync(NFLX))('another filer (Netflix 10-Q, us-gaap unavailable offline)', () => {
  it('renders readable tables from its own presentation linkbase', () => {
    const report = readInstanceFile(NFLX);
    const text = renderRelease(report, reportTaxonomy(report));
    expect(text).toMatch(/### 103 - Statement - Consolidated Statements of Operations\n\n\(USD in thousands\)\n\n\tThree Months Ended Sept 30, 2010\tNine Months Ended Sept 30, 2010/);
    expect(text).toMatch(/\nRevenues\t553,219\t1,566,703\t423,120\t1,225,727\n/);
    expect(text).toMatch(/### 105 - Statement - Consolidated Balance Sheets/);
    expect(text).toMatch(/### 107 - Statement - Consolidated Statements of Cash Flows/);
  });
});

const TDNET = join(SHARED, 'corpus', 'tdnet-toyota-tanshin-2013-03-us-xml', 'us-cons-2013-q4.xbrl');

describe.skipIf(!existsSync(NFLX) || !existsSync(TDNET))('facts release text cannot hold are said, never dropped silently', () => {
  it('Netflix: the dimensional and text facts, and the share counts no network of its own places, are named in one error', () => {
    const report = readInstanceFile(NFLX);
    const findings: Finding[] = [];
    renderRelease(report, reportTaxonomy(report), { findings });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'kessan:factsNotRendered', severity: 'error', file: NFLX });
    expect(findings[0]!.message).toMatch(/^27 of the 303 facts are not in the release text .*us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding 2009-01-01\.\.2009-09-30/);
  });

  it("TDnet's filing (taxonomy unavailable, no presentation network): every fact is named, and convert exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-rendered-'));
    try {
      const io = bufferIo();
      const r = { code: await runCli(['convert', TDNET, '-o', join(dir, 'tdnet.txt')], io), err: io.err() };
      expect(r.err).toContain('error kessan:factsNotRendered 242 of the 242 facts are not in the release text');
      expect(r.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the example, rendered from its own instance, holds every fact: nothing to say', () => {
    const report = readExample();
    const findings: Finding[] = [];
    renderRelease(report, reportTaxonomy(report), { findings });
    expect(findings).toEqual([]);
  });
});
