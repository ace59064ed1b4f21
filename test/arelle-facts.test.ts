/**
 * kessan's facts equal Arelle's reading of the same documents (optional: skipped unless Arelle is installed, see
 * test/support/arelle.ts): concept, entity, period, dimension members, non-dimensional segment and scenario
 * content, unit, value, decimals, language. For the corpus's XML filings (when ../shared/corpus is there), and
 * for what kessan writes from them and from the hand-made instance with segment and scenario content.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { readInstanceFile } from '../src/formats/xbrl/read/index.js';
import { arelleAvailable, runArelle } from './support/arelle.js';
import { arelleFacts, arelleFactsOf, kessanView, type FactView } from './support/arelle-facts.js';
import { ROOT } from './support/example.js';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
/** Each filing, its facts, and how many have dimensions and how many non-dimensional scenario content. */
const FILINGS: [string, number, number, number][] = [
  ['sec-nflx-10q-2010q3-xml/nflx-20100930.xml', 303, 0, 0],
  ['sec-pg-10k-fy2010-xml/pg-20100630.xml', 1524, 781, 0],
  ['sec-msft-10k-fy2015-xml/msft-20150630.xml', 2151, 1376, 0],
  ['sec-unp-10k-fy2012-xml-noschema/unp-20121231.xml', 1526, 831, 0],
  // Parent-only figures: <xbrli:scenario><tse-oe-ed:NonConsolidated/></xbrli:scenario>.
  ['tdnet-toyota-tanshin-2013-03-us-xml/us-cons-2013-q4.xbrl', 242, 0, 63],
];

/** Everything but the line, as one sortable text: pairs each of kessan's facts with Arelle's. */
const key = ({ line: _line, ...rest }: FactView) => JSON.stringify(rest);
const byContent = (a: FactView, b: FactView) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.line - b.line);

describe.skipIf(!arelleAvailable || !existsSync(CORPUS))("the corpus's XML filings: kessan's facts are Arelle's", () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-arelle-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FILINGS)('%s (%i facts, %i with dimensions, %i with scenario content)', (file, count, dimensional, scenario) => {
    const path = join(CORPUS, file);
    const report = readInstanceFile(path);
    const ours = report.facts.map((f) => kessanView(f, report.namespaces)).sort(byContent);
    const theirs = arelleFacts(path, report.instance, join(dir, file.split('/')[0]!)).sort(byContent);
    expect(ours).toHaveLength(count);
    expect(theirs).toHaveLength(count);
    expect(theirs.filter((f) => f.dimensions.length).length).toBe(dimensional);
    expect(theirs.filter((f) => f.scenario.length).length).toBe(scenario);
    for (let i = 0; i < count; i++) {
      const [o, t] = [ours[i]!, theirs[i]!];
      expect({ ...o, line: 0 }, `the fact on line ${t.line}`).toEqual({ ...t, line: 0 });
      // kessan gives the line of the start tag's `<`, Arelle (libxml2) the line where the start tag ends.
      expect(o.line).toBeLessThanOrEqual(t.line);
      expect(o.line).toBeGreaterThan(t.line - 5);
    }
  }, 180_000);
});

/** The same facts, line numbers aside (the documents compared are not the same text). */
function sameFacts(ours: FactView[], theirs: FactView[]): void {
  const strip = (fs: FactView[]) => fs.map((f) => ({ ...f, line: 0 })).sort(byContent);
  expect(strip(theirs)).toEqual(strip(ours));
}

describe.skipIf(!arelleAvailable)("what kessan writes: Arelle reads the facts kessan read, non-dimensional content included, and finds no error", () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-arelle-written-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const convert = async (input: string, output: string) => expect(await runCli(['convert', input, '-o', output], bufferIo())).toBe(0);
  const errors = (args: string[]) => runArelle([...args, '-v']).filter((l) => /^(ERROR|CRITICAL|WARNING)/.test(l));

  it('the hand-made instance, as XBRL and as Inline XBRL', async () => {
    const fixtures = join(ROOT, 'src', 'formats', 'xbrl', 'write', 'fixtures');
    for (const f of ['content.xbrl', 'tiny.xsd']) copyFileSync(join(fixtures, f), join(dir, f));
    const source = readInstanceFile(join(dir, 'content.xbrl'));
    const ours = source.facts.map((f) => kessanView(f, source.namespaces));
    expect(ours.filter((f) => f.segment.length || f.scenario.length)).toHaveLength(5);
    await convert(join(dir, 'content.xbrl'), join(dir, 'a.xbrl'));
    await convert(join(dir, 'a.xbrl'), join(dir, 'a.html'));
    sameFacts(ours, arelleFactsOf(join(dir, 'content.xbrl'), join(dir, 'source.json')));
    sameFacts(ours, arelleFactsOf(join(dir, 'a.xbrl'), join(dir, 'a.json')));
    sameFacts(ours, arelleFactsOf(join(dir, 'a.html'), join(dir, 'a-html.json')));
    expect(errors(['-f', join(dir, 'a.xbrl')])).toEqual([]);
    expect(errors(['--plugins=inlineXbrlDocumentSet', '-f', join(dir, 'a.html')])).toEqual([]);
  }, 180_000);

  const tdnet = join(CORPUS, FILINGS[4]![0]);
  it.skipIf(!existsSync(tdnet))("TDnet's 2013 filing, as XBRL and as Inline XBRL (against a stub taxonomy)", async () => {
    const out = join(dir, 'tdnet');
    mkdirSync(out, { recursive: true });
    const source = readInstanceFile(tdnet);
    const ours = source.facts.map((f) => kessanView(f, source.namespaces));
    await convert(tdnet, join(out, 'a.xbrl'));
    await convert(join(out, 'a.xbrl'), join(out, 'a.html'));
    sameFacts(ours, arelleFacts(join(out, 'a.xbrl'), readInstanceFile(join(out, 'a.xbrl')).instance, join(out, 'xbrl')));
    // The page's concepts are the instance's: the same stub serves.
    sameFacts(ours, arelleFacts(join(out, 'a.html'), source.instance, join(out, 'html')));
  }, 180_000);
});
