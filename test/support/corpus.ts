/**
 * Facts per document (or document set) of ../shared/corpus, as `kessan facts <corpus>` lists them: its README's
 * counts (the EDINET set is one entry), and 1 per EDINET audit report. Paths are relative to the corpus folder.
 */
export const CORPUS_FACTS: Readonly<Record<string, number>> = {
  'edinet-sony-yuho-2018-03/AuditDoc/jpaud-aai-cc-001_E01777-000_2018-03-31_01_2018-06-19.xbrl': 1,
  'edinet-sony-yuho-2018-03/AuditDoc/jpaud-aai-cc-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm': 1,
  'edinet-sony-yuho-2018-03/AuditDoc/jpaud-aar-cn-001_E01777-000_2018-03-31_01_2018-06-19.xbrl': 1,
  'edinet-sony-yuho-2018-03/AuditDoc/jpaud-aar-cn-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm': 1,
  'edinet-sony-yuho-2018-03/PublicDoc/0000000_header_jpcrp030000-asr-001_E01777-000_2018-03-31_01_2018-06-19_ixbrl.htm': 701,
  'sec-aapl-10q-2025q2-ixbrl/aapl-20250329.htm': 760,
  'sec-msft-10k-fy2015-xml/msft-20150630.xml': 2151,
  'sec-nflx-10q-2010q3-xml/nflx-20100930.xml': 303,
  'sec-pg-10k-fy2010-xml/pg-20100630.xml': 1524,
  'sec-pg-10k-fy2019-ixbrl/fy181910-kreport.htm': 1908,
  'sec-unp-10k-fy2012-xml-noschema/unp-20121231.xml': 1526,
  'tdnet-toyota-tanshin-2013-03-us-xml/us-cons-2013-q4.xbrl': 242,
  'tdnet-toyota-tanshin-2014-03-us-ixbrl/us-cons-2014-q4.htm': 239,
  'uk-ch-07713141-2016-ukgaap/GB-COH-07713141-2016-09-30.html': 33,
  'uk-ch-10087608-2018-frs102/GB-COH-10087608-2018-03-31.html': 91,
};

/** The corpus's XML instances whose facts every format must carry (TDnet's scenario content aside), relative to the corpus folder. */
export const CORPUS_XML_FILES: readonly string[] = [
  'sec-nflx-10q-2010q3-xml/nflx-20100930.xml',
  'sec-pg-10k-fy2010-xml/pg-20100630.xml',
  'sec-msft-10k-fy2015-xml/msft-20150630.xml',
  'sec-unp-10k-fy2012-xml-noschema/unp-20121231.xml',
];
