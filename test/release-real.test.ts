/**
 * The four real releases of other companies (../shared/release/real), read with the IIJ profile, whose taxonomy
 * does not fit them: every table figure must be tagged or reported at its line, and what is tagged must carry the
 * unit and period the release prints. The figures are counted here a second way, without the reader: in the
 * plain text, number-like words two or more spaces right of other text between the first table and the last; in
 * the HTML, table cells (parse5) whose text is a number or a dash, less header cells (years, dates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { isNumericValue } from '../src/core/model/fact.js';
import { loadProfile } from '../src/formats/release/read/profile.js';
import { releaseCoverage } from '../src/formats/release/read/coverage.js';
import { readReleaseWithProfile } from '../src/formats/release/read/index.js';
import { PROFILE, haveRealReleases as available, REAL_RELEASES as REAL } from './support/example.js';

function read(name: string) {
  const file = join(REAL, name);
  return readReleaseWithProfile(readFileSync(file, 'utf8'), file, loadProfile(PROFILE));
}

/** Plain text: number-like words standing two spaces or more right of other text, years and footnote marks aside. */
function countPlain(text: string, firstLine: number, lastLine: number): number {
  let n = 0;
  text.split('\n').forEach((line, i) => {
    if (i + 1 < firstLine || i + 1 > lastLine) return;
    for (const m of line.matchAll(/ {2,}(\$ *)?(\(?\$?\d[\d,]*(?:\.\d+)?\)?|-)(?= {2,}| \$|$)/g)) {
      if (/^(?:19|20)\d\d$/.test(m[2]!)) continue;
      n++;
    }
  });
  return n;
}

type Node = DefaultTreeAdapterMap['node'];

/** HTML: cells whose text is a number (a `(` or `$` may lead) or a dash; cells with letters (dates) and bare years are headers. */
function countHtml(html: string): number {
  let n = 0;
  const text = (x: Node): string => (x.nodeName === '#text' ? (x as DefaultTreeAdapterMap['textNode']).value : ((x as { childNodes?: Node[] }).childNodes ?? []).map(text).join(''));
  const walk = (x: Node) => {
    if (x.nodeName === 'td' || x.nodeName === 'th') {
      const t = text(x).replace(/[\s\u00a0]+/g, ' ').trim().replace(/\s*\((?:[a-z]|\d)\)$/, '');
      if (/^\$?\s*\(?\$?\s*[\d,]*\.?\d+\)?%?$|^[-—–]$/.test(t) && !/^(?:19|20)\d\d$/.test(t)) n++;
      return;
    }
    for (const c of (x as { childNodes?: Node[] }).childNodes ?? []) walk(c);
  };
  walk(parse(html));
  return n;
}

describe.runIf(available)('real releases of other companies, read with the IIJ profile', () => {
  it.each([
    // name, figures counted by hand-checked rule, tagged by the IIJ taxonomy's labels
    ['sears-2q-2004.txt', 553, 46],
    ['apple-3q-fy2004.htm', 220, 34],
    ['apple-1q-fy2011.htm', 142, 32],
    ['buckle-3q-fy2024.html', 144, 28],
  ])('%s: %i table figures, each tagged or reported at its line', (name, figures, tagged) => {
    const text = readFileSync(join(REAL, name), 'utf8');
    const counted = name.endsWith('.txt') ? countPlain(text, 190, 615) : countHtml(text);
    expect(counted).toBe(figures);
    const report = read(name);
    const coverage = releaseCoverage(report)!;
    expect(coverage).toEqual({ figures, tagged, reported: figures - tagged });
    // Every reported figure has a finding at a line of the file; every error names a line.
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) expect(f.line).toBeGreaterThan(0);
  });

  it('writes no fact with a unit or period the release does not print', () => {
    const expected: Record<string, { units: string[]; periods: string[] }> = {
      'sears-2q-2004.txt': {
        units: ['USD'],
        periods: ['2004-04-04..2004-07-03', '2003-03-30..2003-06-28', '2004-01-04..2004-07-03', '2002-12-29..2003-06-28', '2004-07-03', '2003-06-28', '2004-01-03'],
      },
      'apple-3q-fy2004.htm': { units: ['USD'], periods: ['2004-03-28..2004-06-26', '2003-03-30..2003-06-28', '2003-09-28..2004-06-26', '2002-09-29..2003-06-28', '2004-06-26', '2003-09-27'] },
      'apple-1q-fy2011.htm': { units: ['USD'], periods: ['2010-09-26..2010-12-25', '2009-09-27..2009-12-26', '2010-12-25', '2010-09-25'] },
      'buckle-3q-fy2024.html': {
        units: ['USD'],
        periods: ['2024-08-04..2024-11-02', '2023-07-30..2023-10-28', '2024-02-04..2024-11-02', '2023-01-29..2023-10-28', '2024-11-02', '2024-02-03', '2023-10-28'],
      },
    };
    for (const [name, want] of Object.entries(expected)) {
      const report = read(name);
      for (const f of report.facts.filter((x) => isNumericValue(x.value) || x.value === null)) {
        const unit = f.unit!.numerator.map((m) => m.localName).join('*');
        const period = f.period.kind === 'instant' ? f.period.date : f.period.kind === 'duration' ? `${f.period.start}..${f.period.end}` : 'forever';
        expect([name, want.units.some((u) => unit.includes(u)) || unit === 'pure' || unit === 'shares']).toEqual([name, true]);
        expect(want.periods, `${name}: ${f.concept.localName} ${period}`).toContain(period);
      }
      // The profile says yen; the release prints dollars: said once, never converted.
      expect(report.findings.filter((x) => x.code === 'release:currencyMismatch')).toHaveLength(1);
    }
  });
});
