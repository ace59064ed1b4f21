import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../src/app/validate.js';
import { ROOT } from './support/example.js';
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
    const v = await validateFile(join(CORPUS, path));
    expect(v.facts).toBe(facts);
    expect(v.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(errors);
    const unavailable = v.findings.filter((f) => f.code === 'kessan:taxonomyUnavailable');
    expect(unavailable.length).toBeLessThanOrEqual(1);
    if (path.startsWith('sec-') && !errors.length) expect(unavailable).toHaveLength(1);
    // No per-fact noise: a handful of findings, not hundreds.
    expect(v.findings.length).toBeLessThan(10);
  });
});
