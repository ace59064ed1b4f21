import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../core/model/fact.js';
import { readInline, readInlineFile } from './read.js';

const FIX = join(import.meta.dirname, 'fixtures');
const value = (facts: readonly Fact[], local: string, i = 0) => {
  const v = facts.filter((f) => f.concept.localName === local)[i]?.value;
  return v === null || v === undefined ? v : typeof v === 'string' ? v : v.toFixed();
};

describe('Inline XBRL reader', () => {
  const r = readInlineFile(join(FIX, 'features.html'));
  it('reads numbers with transform, scale, sign, nesting, zero dash, nil, percent and fractions', () => {
    expect(r.findings).toEqual([]);
    expect(value(r.facts, 'Revenues')).toBe('10512000000');
    expect(r.facts[2]!.decimals).toBe(-6);
    expect(value(r.facts, 'NetIncome')).toBe('-2035000');
    expect(value(r.facts, 'Revenues', 1)).toBe('5508000000');
    expect(value(r.facts, 'SegmentRevenues')).toBe('5508000000');
    expect(r.facts.find((f) => f.concept.localName === 'Revenues' && f.dimensions.size)!.dimensions.size).toBe(1);
    expect(value(r.facts, 'Other')).toBe('0');
    expect(value(r.facts, 'Cash')).toBeNull();
    expect(value(r.facts, 'Margin')).toBe('0.144');
    expect(value(r.facts, 'Ratio')).toBe('0.25');
    expect(value(r.facts, 'Employees')).toBe('25');
  });
  it('reads text: transforms, ix:exclude, continuation chains, escaped XHTML, hidden facts, xml:lang', () => {
    expect(value(r.facts, 'Date')).toBe('2025-03-29');
    expect(value(r.facts, 'Note')).toBe('First part second part third part.');
    expect(value(r.facts, 'Policy')).toBe('<p>Bold <b>text</b> &amp; more</p>');
    expect(value(r.facts, 'Hidden')).toBe('secret');
    expect(r.inline.facts.find((f) => f.factId === 'hid')!.hidden).toBe(true);
    expect(r.facts.find((f) => f.concept.localName === 'Note')!.lang).toBe('en');
  });
  it('keeps footnotes, relationships, tuples and references beside the facts', () => {
    expect(r.inline.version).toBe('1.1');
    expect(r.taxonomy.schemaRefs).toEqual(['t.xsd']);
    expect(r.inline.footnotes.map((f) => [f.id, f.text])).toEqual([['fn1', 'Unaudited.']]);
    expect(r.inline.relationships).toMatchObject([{ from: ['rev'], to: ['fn1'] }]);
    const tuple = r.inline.facts.find((f) => f.kind === 'tuple')!;
    expect(r.inline.facts.find((f) => f.element.localName === 'OfficerName')!.tuple).toBe(tuple.factId);
    expect(r.facts.map((f) => f.concept.localName)).not.toContain('Officer');
  });
  it('reports invalid documents with Arelle-style ix11 codes', () => {
    const bad = readInlineFile(join(FIX, 'invalid.html'));
    expect(bad.findings.map((f) => `${f.code} ${f.line}`)).toEqual([
      'ix11.10.1.2:invalidTransformation 14',
      'ix11.10.1.1:transformValueError 15',
      'ix11.10.1.2:contextReference 16',
      'ix11.11.1.2:continuationMissing 17',
      'ix11.10.1.2:unitReference 18',
    ]);
    expect(bad.facts.map((f) => f.concept.localName)).toEqual(['A', 'B', 'D']);
  });
  it('reads Inline XBRL 1.0 footnoteRefs and a document set whose header is in another document', () => {
    const text = readFileSync(join(FIX, 'features.html'), 'utf8');
    const header = text.replace(/<table>[\s\S]*<\/body>/, '</body>');
    const body = text.replace(/<div style="display:none">[\s\S]*?<\/ix:header><\/div>/, '').replace(/<ix:tuple[\s\S]*?Koichi Suzuki<\/ix:nonNumeric>/, '');
    const set = readInline([{ text: header, file: 'h.html' }, { text: body, file: 'b.html' }]);
    expect(set.findings).toEqual([]);
    expect(set.facts.filter((f) => f.sources[0]!.file === 'b.html').length).toBeGreaterThan(8);
    const v10 = readInline([{ text: text.replace('2013/inlineXBRL', '2008/inlineXBRL').replace(' id="rev"', ' id="rev" footnoteRefs="fn1"').replace('<ix:footnote id="fn1"', '<ix:footnote footnoteID="fn1"').replace(/<ix:relationship[^>]*\/>/, ''), file: 'v10.html' }]);
    expect(v10.inline.version).toBe('1.0');
    expect(v10.inline.relationships).toMatchObject([{ from: ['rev'], to: ['fn1'] }]);
  });
});
