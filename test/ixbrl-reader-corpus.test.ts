import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInlineFile } from '../src/formats/ixbrl/read/read.js';
import { SHARED } from './support/example.js';

const CORPUS = join(SHARED, 'corpus');
const HAVE = existsSync(CORPUS);

/** The counts in the corpus README: documents, facts, nil, text blocks, footnotes, dimensional contexts. */
const CASES: readonly (readonly [string, number, number, number, number, number, number])[] = [
  ['sec-pg-10k-fy2019-ixbrl/fy181910-kreport.htm', 1, 1908, 1, 71, 35, 408],
  ['sec-aapl-10q-2025q2-ixbrl/aapl-20250329.htm', 1, 760, 2, 21, 0, 152],
  ['edinet-sony-yuho-2018-03/PublicDoc/0000000_header_jpcrp030000-asr-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm', 10, 701, 25, 80, 43, 65],
  ['tdnet-toyota-tanshin-2014-03-us-ixbrl/us-cons-2014-q4.htm', 1, 239, 76, 0, 0, 42],
  ['uk-ch-10087608-2018-frs102/GB-COH-10087608-2018-03-31.html', 1, 91, 0, 0, 0, 20],
  ['uk-ch-07713141-2016-ukgaap/GB-COH-07713141-2016-09-30.html', 1, 33, 0, 0, 0, 3],
];

describe.skipIf(!HAVE)('Inline XBRL reader on the real-world corpus', () => {
  it.each(CASES)('%s: %i documents, %i facts, %i nil, %i text blocks, %i footnotes, %i dimensional contexts', (file, docs, facts, nil, textBlocks, footnotes, dims) => {
    const r = readInlineFile(join(CORPUS, file));
    expect(r.inline.files).toHaveLength(docs);
    expect(r.findings).toEqual([]);
    expect(r.facts).toHaveLength(facts);
    expect(r.facts.filter((f) => f.value === null)).toHaveLength(nil);
    expect(r.facts.filter((f) => f.concept.localName.endsWith('TextBlock'))).toHaveLength(textBlocks);
    expect(r.inline.footnotes).toHaveLength(footnotes);
    expect([...r.inline.contexts.values()].filter((c) => c.dimensions.size > 0)).toHaveLength(dims);
    expect(new Set(r.facts.map((f) => f.id)).size).toBe(facts);
    expect(r.taxonomy.schemaRefs.length).toBeGreaterThan(0);
  }, 30_000);

  it('reads a set from any of its documents (EDINET manifest) and the transforms the filings use', () => {
    const dir = join(CORPUS, 'edinet-sony-yuho-2018-03/PublicDoc');
    const r = readInlineFile(join(dir, '0105020_honbun_jpcrp030000-asr-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm'));
    expect(r.facts).toHaveLength(701);
    const aapl = readInlineFile(join(CORPUS, 'sec-aapl-10q-2025q2-ixbrl/aapl-20250329.htm'));
    expect(aapl.facts.find((f) => f.concept.localName === 'DocumentPeriodEndDate')!.value).toBe('2025-03-29');
    const toyota = readInlineFile(join(CORPUS, 'tdnet-toyota-tanshin-2014-03-us-ixbrl/us-cons-2014-q4.htm'));
    expect(toyota.facts.filter((f) => typeof f.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.value)).length).toBeGreaterThanOrEqual(4);
    // ixt:booleantrue around an <img>, escaped: the format applies to the escaped content.
    expect(toyota.facts.find((f) => f.concept.localName === 'FASFMemberMark')!.value).toBe('true');
  }, 30_000);

  it('follows footnotes into their continuations and reads the SEC durations as the SEC writes them (P&G 2019)', () => {
    const pg = readInlineFile(join(CORPUS, 'sec-pg-10k-fy2019-ixbrl/fy181910-kreport.htm'));
    const note = pg.inline.footnotes.find((f) => f.id.startsWith('TextSelection-E23FE90F7F339A9C4920C875A124EBFF-0'))!;
    expect(note.text).toBe('Includes $9,421 of treasury shares received as part of the share exchange in the Beauty Brands transaction (see Note 13).');
    const terms = pg.facts.filter((f) => f.concept.localName === 'SharebasedCompensationArrangementBySharebasedPaymentAwardFairValueAssumptionsExpectedTerm1');
    expect(terms.map((f) => f.value).sort()).toEqual(['P9Y2M12D', 'P9Y2M12D', 'P9Y7M6D']);
  }, 30_000);
});
