import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { KessanError } from '../../../core/errors.js';
import { forever } from '../../../core/model/period.js';
import { fact, JPY, PURE, Q2, H1, report, sampleReport, SEP30, t } from '../../../../test/support/reports.js';
import { csvFilesOf, factSet, readCsvFiles } from '../../../../test/support/csv.js';
import { unzipSync, strFromU8 } from 'fflate';
import { reportPackage } from './package.js';
import { writeXbrlCsv } from './writer.js';

type Metadata = { documentInfo: Record<string, unknown>; dimensions?: Record<string, string>; tableTemplates: Record<string, { columns: Record<string, Record<string, unknown>>; dimensions: Record<string, string> }>; tables: Record<string, { template: string; url: string }> };
const meta = (r = sampleReport()) => JSON.parse(writeXbrlCsv(r).metadata) as Metadata;
const tableText = (r: ReturnType<typeof sampleReport>, id: string) => writeXbrlCsv(r).tables.find((x) => x.url === `${id}.csv`)!.text;
const typedDomain = (d: { localName: string }) => (d.localName === 'RegionAxis' ? { namespace: 'http://example.com/tiny', localName: 'Region', prefix: 't' } : undefined);

describe('writeXbrlCsv', () => {
  it('writes documentInfo with only the prefixes used, the taxonomy and the numeric-columns marker; the one entity as a report dimension', () => {
    const m = meta();
    expect(m.documentInfo).toEqual({
      documentType: 'https://xbrl.org/2021/xbrl-csv',
      namespaces: { iso4217: 'http://www.xbrl.org/2003/iso4217', kessan: 'https://kessan.dev/xbrl-csv', ns1: 'http://www.example.com/entity', t: 'http://example.com/tiny', xbrli: 'http://www.xbrl.org/2003/instance' },
      taxonomy: ['tiny.xsd'],
      'kessan:numericFactsMarked': true,
    });
    expect(m.dimensions).toEqual({ entity: 'ns1:TINY' });
  });

  it('lays out concept columns that share their rows as one table, a row per context', () => {
    const m = meta();
    // NetIncome, GrossMargin, EPS and both remarks are reported for Q2 only: one table, one row.
    expect(Object.keys(m.tables)).toEqual(['Revenues', 'NetIncome', 'Cash', 'Revenues_2', 'Remarks', 'Revenues_3', 'SharesOutstanding']);
    expect(m.tableTemplates.NetIncome!.columns).toEqual({
      period: {},
      NetIncome: { dimensions: { concept: 't:NetIncome', unit: 'iso4217:JPY' }, decimals: -6 },
      GrossMargin: { dimensions: { concept: 't:GrossMargin' }, decimals: 3, 'kessan:numeric': true },
      EarningsPerShare: { dimensions: { concept: 't:EarningsPerShare', unit: 'iso4217:JPY/xbrli:shares' }, decimals: 2 },
      Remarks_en: { dimensions: { concept: 't:Remarks', language: 'en' } },
      Remarks_ja: { dimensions: { concept: 't:Remarks', language: 'ja' } },
    });
    expect(m.tableTemplates.NetIncome!.dimensions).toEqual({ period: '$period' });
    expect(m.tables.NetIncome).toEqual({ template: 'NetIncome', url: 'NetIncome.csv' });
    expect(tableText(sampleReport(), 'NetIncome')).toBe('period,NetIncome,GrossMargin,EarningsPerShare,Remarks_en,Remarks_ja\n2004-07-01..2004-09-30,-2035000000,0.215,1234.56,"Revenue < 10% & growing > ""fast""",日本語の注記\n');
    expect(tableText(sampleReport(), 'Revenues')).toBe('period,Revenues\n2004-04-01..2004-09-30,24690000000\n2004-07-01..2004-09-30,12345000000\n');
    expect(m.tableTemplates.Revenues_2!.dimensions).toEqual({ period: '$period', 't:SegmentAxis': '$SegmentAxis' });
    expect(tableText(sampleReport(), 'Revenues_2')).toBe('period,SegmentAxis,Revenues\n2004-07-01..2004-09-30,t:NetworkMember,8000000000\n');
    expect(tableText(sampleReport(), 'Revenues_3')).toBe('period,RegionAxis,Revenues\n2004-04-01..2004-09-30,Kanto & Tohoku,3000000000\n');
  });

  it('writes instants at the end of their day and nil as #nil; an exact (INF) fact has no decimals', () => {
    expect(tableText(sampleReport(), 'Cash')).toBe('period,Cash\n2004-09-30@end,5000000000\n2004-03-31@end,#nil\n');
    expect(meta().tableTemplates.Cash!.columns.Cash).toEqual({ dimensions: { concept: 't:Cash', unit: 'iso4217:JPY' } });
  });

  it('gives decimals per cell when a column\'s facts differ, a second row to a duplicate, the longer period first', () => {
    const r = report([
      fact('a', t('X'), Q2, new Decimal('1000'), { unit: JPY, decimals: -3 }),
      fact('b', t('X'), H1, new Decimal('2000'), { unit: JPY, decimals: 0 }),
      fact('c', t('X'), Q2, new Decimal('1001'), { unit: JPY, decimals: 0 }),
      fact('d', t('X'), H1, new Decimal('5'), { unit: JPY, decimals: 'INF' }),
    ]);
    expect(writeXbrlCsv(r).tables[0]!.text).toBe('period,X\n2004-04-01..2004-09-30,2000d0\n2004-04-01..2004-09-30,5\n2004-07-01..2004-09-30,1000d-3\n2004-07-01..2004-09-30,1001d0\n');
    expect(factSet(readCsvFiles(csvFilesOf(r)))).toEqual(factSet(r));
  });

  it('escapes special values: the empty text as #empty, a leading # doubled', () => {
    const r = report([fact('a', t('Note'), forever, ''), fact('b', t('Note2'), forever, '#nil'), fact('c', t('Ratio'), forever, null, { unit: PURE })]);
    const w = writeXbrlCsv(r);
    expect(w.tables.map((x) => x.text)).toEqual(['Note,Note2,Ratio\n#empty,##nil,#nil\n']);
    expect(factSet(readCsvFiles(csvFilesOf(r)))).toEqual(factSet(r));
  });

  it('reads back what it wrote: the sample, with the typed dimension\'s element from the taxonomy', () => {
    const r = sampleReport();
    const back = readCsvFiles(csvFilesOf(r), { hints: { numeric: () => undefined, typedDomain } });
    expect(back.findings).toEqual([]);
    expect(factSet(back)).toEqual(factSet(r));
    expect(back.facts[0]!.id).toBe('Revenues.1.Revenues');
    expect(back.facts[0]!.sources[0]).toEqual({ file: 'mem/Revenues.csv', line: 2, column: 24 });
    // Written again, the same bytes.
    expect(csvFilesOf(back)).toEqual(csvFilesOf(r));
  });

  it('refuses what xBRL-CSV cannot carry, as the xBRL-JSON writer does', () => {
    const spaced = fact('a', t('X'), SEP30, 'x', { entity: { scheme: 'http://e', identifier: 'A B' } });
    expect(() => writeXbrlCsv(report([spaced]))).toThrow(KessanError);
    const content = { ...fact('a', t('X'), SEP30, 'x'), nonDimensional: { file: 'in.xbrl', segment: [], scenario: [{ name: t('NonConsolidated'), attributes: new Map(), children: [], line: 9, column: 3 }] } };
    expect(() => writeXbrlCsv(report([content]))).toThrow(/xBRL-CSV cannot represent it/);
    try {
      writeXbrlCsv(report([content]));
    } catch (e) {
      expect((e as KessanError).code).toBe('xbrlxe:nonDimensionalSegmentScenarioContent');
    }
  });

  it('packs a report package: one top folder, META-INF/reportPackage.json, the report in reports/, the same bytes each time', () => {
    const files = writeXbrlCsv(sampleReport());
    const zip = reportPackage('sample', files);
    expect(reportPackage('sample', files)).toEqual(zip);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).filter((n) => !n.endsWith('/')).sort()).toEqual(['sample/META-INF/reportPackage.json', ...files.tables.map((x) => `sample/reports/${x.url}`), 'sample/reports/sample.json'].sort());
    expect(JSON.parse(strFromU8(entries['sample/META-INF/reportPackage.json']!))).toEqual({ documentInfo: { documentType: 'https://xbrl.org/report-package/2023/xbr' } });
  });
});
