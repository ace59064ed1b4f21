import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInlineFile } from '../src/formats/ixbrl/read/read.js';
import { readInstance } from '../src/formats/xbrl/read/read.js';
import { validateFile } from '../src/app/validate.js';
import { writeXbrl } from '../src/formats/xbrl/write/writer.js';
import { arelleAvailable } from './support/arelle.js';
import { arelleInlineFacts, factDifferences } from './support/ixbrl-arelle.js';
import { SHARED } from './support/example.js';

const CORPUS = join(SHARED, 'corpus');

/** The XML filings of ../shared/corpus, with the fact counts of its README. */
const FILINGS: [string, number, string[]][] = [
  ['sec-nflx-10q-2010q3-xml/nflx-20100930.xml', 303, []],
  ['sec-pg-10k-fy2010-xml/pg-20100630.xml', 1524, []],
  ['sec-msft-10k-fy2015-xml/msft-20150630.xml', 2151, []],
  // These two packages lack their extension schema: the one error says so, nothing per fact.
  ['sec-unp-10k-fy2012-xml-noschema/unp-20121231.xml', 1526, ['IOerror']],
  ['tdnet-toyota-tanshin-2013-03-us-xml/us-cons-2013-q4.xbrl', 242, ['IOerror']],
];

describe.skipIf(!existsSync(CORPUS))('real filings (../shared/corpus)', () => {
  it.each(FILINGS)('%s: all facts, one finding for the unavailable base taxonomies, no false errors', async (path, facts, errors) => {
    const v = await validateFile(join(CORPUS, path), { allowUnavailableTaxonomy: true });
    expect(v.facts).toBe(facts);
    expect(v.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(errors);
    const unavailable = v.findings.filter((f) => f.code === 'kessan:taxonomyUnavailable');
    expect(unavailable.length).toBeLessThanOrEqual(1);
    if (path.startsWith('sec-') && !errors.length) expect(unavailable).toHaveLength(1);
    // What was not checked, as data: the URLs, and the facts whose concepts they define.
    expect(v.unchecked?.unavailable ?? []).toEqual(unavailable.length ? expect.arrayContaining([expect.stringMatching(/^https?:\/\//)]) : []);
    if (unavailable.length) expect(unavailable[0]!.message).toContain(`${v.unchecked!.facts} of ${facts} facts`);
    // Not allowed (the default), the same finding is an error: none of those facts was checked against its concept.
    if (unavailable.length) expect((await validateFile(join(CORPUS, path))).findings.find((f) => f.code === 'kessan:taxonomyUnavailable')!.severity).toBe('error');
    // No per-fact noise: a handful of findings, not hundreds.
    expect(v.findings.length).toBeLessThan(10);
  });
});

/** The Inline XBRL filings of ../shared/corpus (one document or an EDINET set, by its first document). */
const INLINE = [
  'sec-aapl-10q-2025q2-ixbrl/aapl-20250329.htm',
  'sec-pg-10k-fy2019-ixbrl/fy181910-kreport.htm',
  'edinet-sony-yuho-2018-03/PublicDoc/0000000_header_jpcrp030000-asr-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm',
  'tdnet-toyota-tanshin-2014-03-us-ixbrl/us-cons-2014-q4.htm',
  'uk-ch-10087608-2018-frs102/GB-COH-10087608-2018-03-31.html',
  'uk-ch-07713141-2016-ukgaap/GB-COH-07713141-2016-09-30.html',
];

describe.skipIf(!existsSync(CORPUS) || !arelleAvailable)('Inline XBRL filings (../shared/corpus): the same facts as Arelle extracts', () => {
  it.each(INLINE)('%s: every fact, text blocks included, as read and as converted to XBRL', (path) => {
    const report = readInlineFile(join(CORPUS, path));
    const arelle = arelleInlineFacts(report);
    expect(arelle.facts.length, arelle.log.filter((l) => !l.startsWith('INFO')).slice(0, 20).join('\n')).toBe(report.facts.length);
    expect(factDifferences(report.facts, arelle.facts)).toEqual({ onlyFirst: [], onlySecond: [] });
    const converted = readInstance(writeXbrl(report), 'converted.xbrl').facts;
    expect(factDifferences(converted, arelle.facts)).toEqual({ onlyFirst: [], onlySecond: [] });
  }, 300_000);
});
