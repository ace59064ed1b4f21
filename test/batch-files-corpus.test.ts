import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, isDocument } from '../src/app/batch/files.js';
import { SHARED } from './support/example.js';

const CORPUS = join(SHARED, 'corpus');

describe('batch inputs over ../shared/corpus', () => {
  it.skipIf(!existsSync(CORPUS))('finds the 15 documents (and document sets) of ../shared/corpus, skipping schemas, linkbases and manifests', () => {
    const r = expandInputs([CORPUS]);
    expect(r.files.map((f) => relative(CORPUS, f))).toEqual([
      'edinet-sony-yuho-2018-03/AuditDoc/jpaud-aai-cc-001_E01777-000_2018-03-31_01_2018-06-19.xbrl',
      'edinet-sony-yuho-2018-03/AuditDoc/jpaud-aai-cc-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm',
      'edinet-sony-yuho-2018-03/AuditDoc/jpaud-aar-cn-001_E01777-000_2018-03-31_01_2018-06-19.xbrl',
      'edinet-sony-yuho-2018-03/AuditDoc/jpaud-aar-cn-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm',
      'edinet-sony-yuho-2018-03/PublicDoc/0000000_header_jpcrp030000-asr-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm',
      'sec-aapl-10q-2025q2-ixbrl/aapl-20250329.htm',
      'sec-msft-10k-fy2015-xml/msft-20150630.xml',
      'sec-nflx-10q-2010q3-xml/nflx-20100930.xml',
      'sec-pg-10k-fy2010-xml/pg-20100630.xml',
      'sec-pg-10k-fy2019-ixbrl/fy181910-kreport.htm',
      'sec-unp-10k-fy2012-xml-noschema/unp-20121231.xml',
      'tdnet-toyota-tanshin-2013-03-us-xml/us-cons-2013-q4.xbrl',
      'tdnet-toyota-tanshin-2014-03-us-ixbrl/us-cons-2014-q4.htm',
      'uk-ch-07713141-2016-ukgaap/GB-COH-07713141-2016-09-30.html',
      'uk-ch-10087608-2018-frs102/GB-COH-10087608-2018-03-31.html',
    ]);
    expect(isDocument(join(CORPUS, 'sec-nflx-10q-2010q3-xml/nflx-20100930_pre.xml'))).toBe(false);
  });
});
