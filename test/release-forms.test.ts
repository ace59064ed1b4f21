/**
 * The example release in every form reads the same: its tab-separated tables aligned by spaces, its tables as
 * word-processor HTML, and kessan's own Inline XBRL page of it read as a release (its tags ignored) all give the
 * 694 figure facts of the original, and every figure is tagged. The forms are made by rule from the original
 * (test/support/release-forms.ts, the Inline XBRL writer), never edited to fit.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model/report.js';
import { splitBlocks } from '../src/formats/release/read/blocks.js';
import { releaseCoverage } from '../src/formats/release/read/coverage.js';
import { parseRelease } from '../src/formats/release/read/form.js';
import { cleanCell } from '../src/formats/release/read/text.js';
import { writeInlineXbrl } from '../src/formats/ixbrl/write/index.js';
import { exampleText, factLine, readExample } from './support/example.js';
import { htmlTable, tabTables, toSpaced } from './support/release-forms.js';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The example as an HTML page: headings, paragraphs, and its tables as a word processor writes them. */
function toHtml(text: string): string {
  const tables = new Map(tabTables(text).map((t) => [t.from, t.table]));
  const body = splitBlocks(text).map((b) => {
    if (b.kind === 'table') return htmlTable(tables.get(b.line)!);
    if (b.kind === 'heading') return b.level <= 6 ? `<h${b.level}>${escape(b.text)}</h${b.level}>` : `<p><b>${escape(b.text)}</b></p>`;
    return `<p>${escape(cleanCell(b.raw.replace(/\*{1,3}([^*]+)\*{1,3}/g, '$1')))}</p>`;
  });
  return `<!DOCTYPE html>\n<html><head><title>IIJ</title><style>p { margin: 0 }</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
}

const figures = (r: Report) => r.facts.filter((f) => typeof f.value !== 'string').map(factLine).sort();

describe('the example in every form', () => {
  const original = readExample();
  const forms: [string, string, string][] = [
    ['space-aligned text', toSpaced(exampleText()), 'iij-spaced.txt'],
    ['word-processor HTML', toHtml(exampleText()), 'iij.htm'],
    ['kessan\'s Inline XBRL page, read as a release', writeInlineXbrl(original), 'iij-inline.html'],
  ];

  it.each(forms)('%s gives the same 694 figure facts, every figure tagged', (_name, text, file) => {
    const report = readExample(text, file);
    expect(figures(report)).toEqual(figures(original));
    expect(figures(report)).toHaveLength(694);
    expect(releaseCoverage(report)).toEqual({ figures: 839, tagged: 839, reported: 0 });
    expect(report.findings.map((f) => f.code)).toEqual(['release:inconsistentPrintings', 'release:inconsistentPrintings']);
    // The release's words are kept as one text fact, as for the original.
    expect(report.facts.filter((f) => typeof f.value === 'string')).toHaveLength(1);
  });

  it('each form is read by the front end its content calls for', () => {
    expect(parseRelease(exampleText(), 'x.txt').doc.form).toBe('markdown');
    expect(parseRelease(forms[0]![1], 'x.txt').doc.form).toBe('plain');
    expect(parseRelease(forms[1]![1], 'x.txt').doc.form).toBe('html');
    expect(parseRelease(forms[2]![1], 'x.html').doc.form).toBe('html');
  });

  it('the original keeps its coverage: 839 figures, all tagged', () => {
    expect(releaseCoverage(original)).toEqual({ figures: 839, tagged: 839, reported: 0 });
  });
});
