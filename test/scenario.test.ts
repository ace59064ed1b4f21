/**
 * Segment and scenario content that is not a dimension member (issue 16): read into the facts, part of their
 * identity, written back by the XBRL 2.1 and Inline XBRL writers, listed by `kessan facts`, and refused by the
 * xBRL-JSON writer with the OIM code rather than dropped. On a hand-made instance and on TDnet's 2013 Toyota
 * filing, whose 63 parent-only facts say so with `<xbrli:scenario><tse-oe-ed:NonConsolidated/></xbrli:scenario>`.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KessanError } from '../src/core/errors.js';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { aspectKey, type Fact } from '../src/core/model/fact.js';
import { readInline } from '../src/formats/ixbrl/read/read.js';
import { readInstance, readInstanceFile } from '../src/formats/xbrl/read/index.js';
import { validateFile } from '../src/app/validate.js';
import { writeInlineXbrl } from '../src/formats/ixbrl/write/index.js';
import { writeXbrlJson } from '../src/formats/json/write/index.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { ROOT } from './support/example.js';
import { aspects } from './support/facts.js';

const FIXTURES = join(ROOT, 'src', 'formats', 'xbrl', 'write', 'fixtures');
const FIXTURE = join(FIXTURES, 'content.xbrl');
const TDNET = join(ROOT, '..', 'shared', 'corpus', 'tdnet-toyota-tanshin-2013-03-us-xml', 'us-cons-2013-q4.xbrl');

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const byId = (facts: readonly Fact[]) => new Map(facts.map((f) => [f.id, f]));
const names = (f: Fact | undefined, where: 'segment' | 'scenario') => (f?.nonDimensional?.[where] ?? []).map((n) => `${n.name.namespace}#${n.name.localName}`);

/** A folder with the fixture and its taxonomy, so that outputs written there keep a schemaRef that resolves. */
function fixtureFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-content-'));
  for (const f of ['content.xbrl', 'tiny.xsd']) copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

describe('non-dimensional segment and scenario content (hand-made instance)', () => {
  const report = readInstanceFile(FIXTURE);
  const f = byId(report.facts);

  it('is read into the facts, in document order, without the dimension members beside it', () => {
    expect(names(f.get('f1'), 'scenario')).toEqual([]);
    expect(f.get('f1')!.nonDimensional).toBeUndefined();
    expect(names(f.get('f2'), 'scenario')).toEqual(['http://example.com/scenario#NonConsolidated']);
    expect(names(f.get('f3'), 'scenario')).toEqual(['http://example.com/scenario#Forecast', 'http://example.com/scenario#NonConsolidated']);
    expect(names(f.get('f4'), 'segment')).toEqual(['http://example.com/region#Area']);
    expect([...f.get('f4')!.dimensions.keys()].map((d) => d.localName)).toEqual(['SegmentAxis']);
    expect(f.get('f5')!.nonDimensional).toBeUndefined();
    expect(names(f.get('f6'), 'scenario')).toEqual(['http://example.com/scenario#NonConsolidated', 'http://example.com/kind#Kind']);
    expect([...f.get('f6')!.dimensions.keys()].map((d) => d.localName)).toEqual(['SegmentAxis']);
    // Where it was read: the file, and each element's line and column.
    const c = f.get('f2')!.nonDimensional!;
    expect(c.file).toBe(FIXTURE);
    expect(c.scenario[0]).toMatchObject({ line: 15, column: 21 });
    expect(Object.isFrozen(c) && Object.isFrozen(c.scenario)).toBe(true);
    // One content object per context, shared by its facts.
    expect(f.get('f7')!.nonDimensional).toBe(c);
  });

  it('tells apart facts that differ only in it (the group figure and the parent-only one)', () => {
    const [f1, f2, f3, f4, f5] = ['f1', 'f2', 'f3', 'f4', 'f5'].map((id) => f.get(id)!);
    const same = ({ concept, entity, period, unit, dimensions, decimals, lang }: Fact) => ({ concept, entity, period, unit, dimensions, decimals, lang });
    expect(same(f2!)).toEqual(same(f1!));
    expect(aspectKey(f1!)).not.toBe(aspectKey(f2!));
    expect(aspectKey(f2!)).not.toBe(aspectKey(f3!));
    expect(aspectKey(f4!)).not.toBe(aspectKey(f5!));
    expect(new Set(report.facts.map(aspectKey)).size).toBe(report.facts.length);
  });

  it('is written back by the XBRL writer, one context per content, and read back the same; the same bytes every time', () => {
    const xml = writeXbrl(report);
    expect(xml.match(/<xbrli:context /g)).toHaveLength(6);
    expect(xml).toContain('<xbrli:scenario>\n      <s:NonConsolidated/>\n    </xbrli:scenario>');
    // A dimension and segment content share the segment; a dimension read from the scenario goes to the segment.
    expect(xml).toMatch(/<xbrli:segment>\n\s*<xbrldi:explicitMember dimension="t:SegmentAxis">t:NetworkMember<\/xbrldi:explicitMember>\n\s*<r:Area>Kanto<\/r:Area>\n\s*<\/xbrli:segment>/);
    expect(xml).toContain('<Kind xmlns="http://example.com/kind">s:Budget</Kind>');
    expect(xml).toContain('xmlns:r="http://example.com/region"');
    const back = readInstance(xml, 'back.xbrl');
    expect(back.facts.map(aspects)).toEqual(report.facts.map(aspects));
    expect(writeXbrl(back)).toBe(xml);
  });

  it('is written back by the Inline XBRL writer (in an XHTML page, whose default namespace it must not take)', () => {
    const html = writeInlineXbrl(report);
    expect(html).toContain('<Kind xmlns="http://example.com/kind">s:Budget</Kind>');
    const back = readInline([{ text: html, file: 'back.html' }]);
    expect(back.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(back.facts.map(aspects)).toEqual(report.facts.map(aspects));
    expect(writeXbrl(back)).toBe(writeXbrl(report));
  });

  it('is refused by the xBRL-JSON writer with the OIM code, naming the fact and where the content was read', () => {
    let error: unknown;
    try {
      writeXbrlJson(report);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KessanError);
    const e = error as KessanError;
    expect(e.code).toBe('xbrlxe:nonDimensionalSegmentScenarioContent');
    expect(e.exitCode).toBe(2);
    expect(e.location).toEqual({ file: FIXTURE, line: 58, column: 3 });
    expect(e.message).toContain(`fact f2 (t:Revenues): its context's scenario holds <s:NonConsolidated> (read at ${FIXTURE}:15:21)`);
    expect(e.message).toContain('5 facts have such content (f2, f3, f4, f6, f7)');
    // Without the content the same facts are written.
    expect(() => writeXbrlJson({ ...report, facts: report.facts.filter((x) => !x.nonDimensional) })).not.toThrow();
  });

  it('kessan facts shows it in the segment and scenario columns (CSV and JSON lines)', async () => {
    const csv = await cli('facts', FIXTURE);
    expect(csv.code).toBe(0);
    expect(csv.out.split('\r\n')[0]).toBe('filing,document,entity_scheme,entity_id,concept,concept_namespace,concept_name,concept_prefix,period_type,period_start,period_end,period_instant,dimensions,dimensions_json,segment,scenario,unit,unit_numerator,unit_denominator,value,value_decimal,decimals,nil,lang,id,line');
    const rows = (await cli('facts', FIXTURE, '--format', 'jsonl')).out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const row = new Map(rows.map((r) => [r.id, r]));
    expect(row.get('f1')).toMatchObject({ segment: null, scenario: null });
    expect(row.get('f2')).toMatchObject({ segment: null, scenario: '<s:NonConsolidated/>' });
    expect(row.get('f3')!.scenario).toBe('<s:Forecast s:basis="plan" revision="2">\n        <s:Note xml:lang="en">upper &amp; lower &lt;bounds&gt;</s:Note>\n      </s:Forecast><s:NonConsolidated/>');
    // A prefix the document root does not declare is declared on the content itself.
    expect(row.get('f4')).toMatchObject({ segment: '<r:Area xmlns:r="http://example.com/region">Kanto</r:Area>', scenario: null, dimensions: { 't:SegmentAxis': 't:NetworkMember' } });
    expect(row.get('f6')).toMatchObject({ scenario: '<s:NonConsolidated/><Kind xmlns="http://example.com/kind">s:Budget</Kind>' });
  });

  it('convert: XBRL → XBRL → Inline XBRL → XBRL keeps it, and the validator finds nothing wrong with any of them', async () => {
    const dir = fixtureFolder();
    const [a, html, b] = ['a.xbrl', 'a.html', 'b.xbrl'].map((x) => join(dir, x));
    expect((await cli('convert', join(dir, 'content.xbrl'), '-o', a!)).code).toBe(0);
    expect((await cli('convert', a!, '-o', html!)).code).toBe(0);
    expect((await cli('convert', html!, '-o', b!)).code).toBe(0);
    expect(readFileSync(b!, 'utf8')).toBe(readFileSync(a!, 'utf8'));
    expect(readInstanceFile(b!).facts.map(aspects)).toEqual(report.facts.map(aspects));
    for (const file of [join(dir, 'content.xbrl'), a!, html!]) expect((await validateFile(file)).findings).toEqual([]);
  });

  it('convert to xBRL-JSON writes nothing and exits 2 with the OIM code', async () => {
    const dir = fixtureFolder();
    const out = join(dir, 'a.json');
    const r = await cli('convert', join(dir, 'content.xbrl'), '-o', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.err).toMatch(/content\.xbrl:58:3: error xbrlxe:nonDimensionalSegmentScenarioContent fact f2 \(t:Revenues\): its context's scenario holds <s:NonConsolidated> /);
  });
});

describe.skipIf(!existsSync(TDNET))("TDnet's 2013 Toyota filing: 63 parent-only facts", () => {
  const isParentOnly = (r: Record<string, unknown>) => r.scenario === '<tse-oe-ed:NonConsolidated/>';

  it('kessan facts lists them with their scenario', async () => {
    const r = await cli('facts', TDNET, '--format', 'jsonl');
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(242);
    expect(rows.filter(isParentOnly)).toHaveLength(63);
    expect(rows.filter((x) => x.scenario !== null && !isParentOnly(x))).toEqual([]);
    // The group's net sales and the parent's are two facts, told apart only by the scenario.
    const sales = rows.filter((x) => x.concept === 'tse-t-ed:NetSales' && x.period_start === '2012-04-01' && x.period_end === '2013-03-31');
    expect(sales.map((x) => x.scenario)).toEqual(['<tse-oe-ed:NonConsolidated/>']);
  });

  it('convert to XBRL and back (and through Inline XBRL) gives the same fact set, scenario content included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-tdnet-'));
    const [xbrl, html, back] = ['a.xbrl', 'a.html', 'b.xbrl'].map((x) => join(dir, x));
    expect((await cli('convert', TDNET, '-o', xbrl!)).code).toBe(0);
    expect((await cli('convert', xbrl!, '-o', html!)).code).toBe(0);
    expect((await cli('convert', html!, '-o', back!)).code).toBe(0);
    const source = readInstanceFile(TDNET);
    const key = (f: Fact) => JSON.stringify({ ...aspects(f), id: undefined });
    const set = (facts: readonly Fact[]) => facts.map(key).sort();
    expect(set(readInstanceFile(xbrl!).facts)).toEqual(set(source.facts));
    expect(set(readInstanceFile(back!).facts)).toEqual(set(source.facts));
    expect(readInstanceFile(xbrl!).facts.filter((f) => f.nonDimensional)).toHaveLength(63);
    // One context per period and content: five with the scenario, five without.
    expect(readFileSync(xbrl!, 'utf8').match(/<xbrli:scenario>/g)).toHaveLength(5);
  });

  it('convert to xBRL-JSON is refused with the OIM code, naming the first fact and where it is; nothing is written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kessan-tdnet-')), 'a.json');
    const r = await cli('convert', TDNET, '-o', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.err).toContain('us-cons-2013-q4.xbrl:20:450: error xbrlxe:nonDimensionalSegmentScenarioContent fact f47 (tse-t-ed:PreambleToNonConsolidatedForecasts)');
    expect(r.err).toContain('63 facts have such content');
  });
});
