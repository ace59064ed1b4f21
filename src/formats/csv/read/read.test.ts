import { describe, expect, it } from 'vitest';
import { KessanError } from '../../../core/errors.js';
import { readCsvFiles } from '../../../../test/support/csv.js';

const NS = { t: 'http://example.com/tiny', e: 'http://example.com/entity', iso4217: 'http://www.xbrl.org/2003/iso4217' };
type Json = Record<string, unknown>;
/** A small valid report; `change` edits its metadata. */
function metadata(change: (m: Json & { tableTemplates: Record<string, Json & { columns: Record<string, Json>; dimensions: Record<string, string> }>; tables: Record<string, Json>; documentInfo: Json }) => void = () => {}): string {
  const m = {
    documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', namespaces: NS, taxonomy: ['tiny.xsd'] },
    dimensions: { entity: 'e:A' },
    tableTemplates: {
      t1: {
        columns: { period: {}, rev: { dimensions: { concept: 't:Revenues', unit: 'iso4217:JPY' }, decimals: -3 }, note: { dimensions: { concept: 't:Note', language: 'en' } }, memo: { comment: true } },
        dimensions: { period: '$period' },
      },
    },
    tables: { t1: { url: 't1.csv' } },
  };
  change(m as never);
  return JSON.stringify(m, null, 2);
}
const CSV = 'period,rev,note,memo\n2004-07-01..2004-09-30,1000,Hello,a comment\n2004-09-30@end,#nil,,\n';
const read = (md = metadata(), csv = CSV, more: Record<string, string> = {}) => readCsvFiles({ 'r.json': md, 't1.csv': csv, ...more });
function failure(md: string, csv = CSV, more: Record<string, string> = {}): KessanError {
  try {
    read(md, csv, more);
  } catch (e) {
    if (e instanceof KessanError) return e;
    throw e;
  }
  throw new Error('no error');
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('readXbrlCsv', () => {
  it('reads facts with their dimensions from column, template and report, and where each was read', () => {
    const r = read();
    expect(r.findings).toEqual([]);
    expect(r.facts.map((f) => [f.id, f.concept.localName, f.value === null ? null : String(f.value), f.decimals, f.lang, f.period])).toEqual([
      ['t1.1.rev', 'Revenues', '1000', -3, undefined, { kind: 'duration', start: '2004-07-01', end: '2004-09-30' }],
      ['t1.1.note', 'Note', 'Hello', undefined, 'en', { kind: 'duration', start: '2004-07-01', end: '2004-09-30' }],
      ['t1.2.rev', 'Revenues', null, undefined, undefined, { kind: 'instant', date: '2004-09-30' }],
    ]);
    expect(r.facts[1]!.sources[0]).toEqual({ file: 'mem/t1.csv', line: 2, column: 29 });
    expect(r.facts[0]!.entity).toEqual({ scheme: 'http://example.com/entity', identifier: 'A' });
    expect(r.documentInfo.format).toBe('csv');
  });

  it('resolves row ids, table and report parameters, rowNumber, @start/@end and property groups', () => {
    const md = metadata((m) => {
      m.parameters = { q: '2004Q3' };
      m.tableTemplates.t1!.rowIdColumn = 'id';
      m.tableTemplates.t1!.columns = {
        id: {},
        kind: { propertyGroups: { thousands: { decimals: -3 }, exact: {} } },
        end: { dimensions: { concept: 't:Cash', unit: 'iso4217:JPY', period: '$q@end' }, propertiesFrom: ['kind'] },
        flow: { dimensions: { concept: 't:Revenues', unit: 'iso4217:JPY', period: '$p' } },
        n: { dimensions: { concept: 't:Row', period: '$p' } },
      };
      m.tableTemplates.t1!.dimensions = {};
      (m.tableTemplates.t1!.columns.n as { dimensions: Json }).dimensions.language = 'en';
      m.tableTemplates.t1!.columns.n!.dimensions = { concept: 't:Row', period: '$p', 't:RowAxis': '$rowNumber' };
      m.tables.t1!.parameters = { p: '2004-07-01..2004-09-30' };
    });
    const r = read(md, 'id,kind,end,flow,n\nr1,thousands,5000,7,x\nr2,exact,6,8,y\n');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const facts = r.facts.map((f) => `${f.id} ${f.concept.localName} ${String(f.value)} ${String(f.decimals)} ${f.period.kind === 'instant' ? f.period.date : f.period.kind}`);
    expect(facts).toEqual(['t1.r1.end Cash 5000 -3 2004-09-30', 't1.r1.flow Revenues 7 INF duration', 't1.r1.n Row x undefined duration', 't1.r2.end Cash 6 INF 2004-09-30', 't1.r2.flow Revenues 8 INF duration', 't1.r2.n Row y undefined duration']);
    expect(r.facts.find((f) => f.id === 't1.r2.n')!.dimensions.values().next().value).toEqual({ typed: '2' });
  });

  it('reads a decimals suffix, and ## as a leading #', () => {
    const r = read(metadata(), 'period,rev,note\n2004,12300d-2,##1 item\n');
    expect([String(r.facts[0]!.value), r.facts[0]!.decimals, r.facts[1]!.value]).toEqual(['12300', -2, '#1 item']);
  });

  it.each([
    ['not JSON', '{"documentInfo": ', 'xbrlce:invalidJSON', '{'],
    ['a duplicate key', metadata().replace('"tables": {', '"tables": {}, "tables": {'), 'xbrlce:invalidJSON', '"tables": {}, "tables"'],
    ['another document type', metadata((m) => (m.documentInfo.documentType = 'https://xbrl.org/2021/xbrl-json')), 'oime:unsupportedDocumentType', '"documentType"'],
    ['an unknown member', metadata((m) => (m.tableTemplates.t1!.colums = {})), 'xbrlce:invalidJSONStructure', '"t1": {'],
    ['no taxonomy', metadata((m) => (m.documentInfo.taxonomy = [])), 'oime:noTaxonomy', '"documentInfo"'],
    ['a reserved prefix on another namespace', metadata((m) => (m.documentInfo.namespaces = { ...NS, xbrli: 'http://example.com/x' })), 'oimce:invalidURIForReservedAlias', '"xbrli"'],
    ['a missing template', metadata((m) => (m.tables.t1!.template = 'nope')), 'xbrlce:unknownTableTemplate', '"template"'],
    ['a bad identifier', metadata((m) => (m.tables['t 1'] = { url: 'x.csv', template: 't1' })), 'xbrlce:invalidIdentifier', '"t 1"'],
    ['an undefined row id column', metadata((m) => (m.tableTemplates.t1!.rowIdColumn = 'id')), 'xbrlce:undefinedRowIdColumn', '"rowIdColumn"'],
    ['a comment column with dimensions', metadata((m) => (m.tableTemplates.t1!.columns.memo = { comment: true, dimensions: {} })), 'xbrlce:conflictingColumnType', '"memo"'],
    ['decimals on a parameter column', metadata((m) => (m.tableTemplates.t1!.columns.period = { decimals: 2 })), 'xbrlce:misplacedDecimalsOnNonFactColumn', '"decimals": 2'],
    ['a concept that is no QName', metadata((m) => (m.tableTemplates.t1!.columns.rev = { dimensions: { concept: 'Revenues' } })), 'xbrlce:invalidConceptQName', '"concept": "Revenues"'],
    ['an unbound prefix', metadata((m) => (m.tableTemplates.t1!.columns.rev = { dimensions: { concept: 'zz:Revenues' } })), 'oimce:unboundPrefix', '"zz:Revenues"'],
    ['an explicit pure unit', metadata((m) => (m.tableTemplates.t1!.columns.rev = { dimensions: { concept: 't:R', unit: 'xbrli:pure' } })), 'oime:illegalPureUnit', '"unit"'],
    ['a bad unit', metadata((m) => (m.tableTemplates.t1!.columns.rev = { dimensions: { concept: 't:R', unit: 'iso4217:JPY*' } })), 'oimce:invalidUnitStringRepresentation', '"unit"'],
    ['a bad period', metadata((m) => (m.tableTemplates.t1!.dimensions.period = '2004-02-30')), 'xbrlce:invalidPeriodRepresentation', '"2004-02-30"'],
    ['an unknown special value', metadata((m) => (m.tableTemplates.t1!.dimensions.period = '#never')), 'xbrlce:unknownSpecialValue', '"#never"'],
    ['@end on another dimension', metadata((m) => (m.tableTemplates.t1!.dimensions['t:Axis'] = '$period@end')), 'xbrlce:invalidPeriodSpecifier', '"t:Axis"'],
    ['a reference that is no identifier', metadata((m) => (m.tableTemplates.t1!.dimensions.period = '$per iod')), 'xbrlce:invalidReference', '"$per iod"'],
    ['a column referring to itself', metadata((m) => (m.tableTemplates.t1!.columns.rev = { dimensions: { concept: '$rev' } })), 'xbrlce:invalidReference', '"$rev"'],
    ['a template dimension making a column refer to itself', metadata((m) => (m.tableTemplates.t1!.dimensions.period = '$rev')), 'xbrlce:invalidReference', '"$rev"'],
    ['report parameters in a CSV file (not read yet)', metadata((m) => (m.parameterURL = 'params.csv')), 'kessan:unsupported', '"parameterURL"'],
    ['an unreferenced parameter', metadata((m) => (m.parameters = { unused: 'x' })), 'xbrlce:unreferencedParameter', '"unused"'],
    ['a reference to nothing', metadata((m) => (m.tableTemplates.t1!.dimensions.period = '$when')), 'xbrlce:invalidReferenceTarget', '"t1": {'],
    ['a base that does not exist', metadata((m) => (m.documentInfo.extends = ['nope.json'])), 'xbrlce:unresolvableBaseMetadataFile', '"extends"'],
    ['a base on the network', metadata((m) => (m.documentInfo.extends = ['https://example.com/base.json'])), 'xbrlce:unresolvableBaseMetadataFile', '"extends"'],
  ])('refuses %s (%s)', (_, md, code, needle) => {
    const base = JSON.stringify({ documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', extends: ['r.json'] } });
    expect(failure(md, CSV, { 'base.json': base })).toMatchObject({ code, location: { file: 'mem/r.json', line: lineOf(md, needle) } });
  });

  it.each([
    ['a header that is no identifier', 'period,r ev\n', 'xbrlce:invalidHeaderValue', 8],
    ['a column the template lacks', 'period,revenue\n', 'xbrlce:unknownColumn', 8],
    ['a repeated column', 'period,rev,rev\n', 'xbrlce:repeatedColumnIdentifier', 12],
    ['a quote never closed', 'period,rev\n2004,"1\n', 'xbrlce:invalidCSVFileFormat', 6],
  ])('refuses a table with %s (%s)', (_, csv, code, column) => {
    expect(failure(metadata(), csv)).toMatchObject({ code, location: { file: 'mem/t1.csv', column } });
  });

  it('refuses a base file that extends the report again (a cycle), where the cycle closes', () => {
    const base = JSON.stringify({ documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', extends: ['r.json'] } });
    const e = failure(metadata((m) => (m.documentInfo.extends = ['base.json'])), CSV, { 'base.json': base });
    expect(e).toMatchObject({ code: 'xbrlce:cycleInExtensionChain', location: { file: 'mem/base.json', line: 1 } });
    expect(e.message).toContain('mem/r.json → mem/base.json → mem/r.json');
    const self = metadata((m) => (m.documentInfo.extends = ['r.json']));
    expect(failure(self)).toMatchObject({ code: 'xbrlce:cycleInExtensionChain', location: { file: 'mem/r.json', line: lineOf(self, '"extends"') } });
  });

  it('refuses a missing table unless it is optional', () => {
    expect(() => readCsvFiles({ 'r.json': metadata() })).toThrow(expect.objectContaining({ code: 'xbrlce:missingRequiredCSVFile' }));
    expect(readCsvFiles({ 'r.json': metadata((m) => (m.tables.t1!.optional = true)) }).facts).toEqual([]);
  });

  it('refuses a table file outside the report', () => {
    expect(() => read(metadata((m) => (m.tables.t1!.url = '../secret.csv')))).toThrow(expect.objectContaining({ code: 'kessan:referenceRefused' }));
  });

  it('merges what a base file gives, and refuses a conflicting redefinition', () => {
    const base = { documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', namespaces: NS, taxonomy: ['tiny.xsd'] }, dimensions: { entity: 'e:A' } };
    const extending = metadata((m) => {
      m.documentInfo = { documentType: 'https://xbrl.org/2021/xbrl-csv', extends: ['base.json'], namespaces: { t: NS.t } };
      delete m.dimensions;
    });
    expect(read(extending, CSV, { 'base.json': JSON.stringify(base) }).facts).toHaveLength(3);
    const conflicting = metadata((m) => (m.documentInfo.extends = ['base.json']));
    const other = JSON.stringify({ ...base, dimensions: { entity: 'e:B' } });
    expect(failure(conflicting, CSV, { 'base.json': other })).toMatchObject({ code: 'xbrlce:conflictingMetadataValue' });
  });

  it('records (does not throw) what is wrong with one cell, and leaves that fact out', () => {
    const r = read(metadata(), 'period,rev,note\n2004,#none,x\n2004,12x,y\n2004,1d2d,z\nFY2004,1,w\n2004,1,#wrong\n');
    expect(r.findings.map((f) => [f.code, f.line, f.column])).toEqual([
      ['xbrlce:illegalUseOfNone', 2, 6],
      ['xbrlce:invalidFactValue', 3, 6],
      ['xbrlce:invalidDecimalsSuffix', 4, 6],
      ['xbrlce:invalidPeriodRepresentation', 5, 8],
      ['xbrlce:invalidPeriodRepresentation', 5, 10],
      ['xbrlce:unknownSpecialValue', 6, 8],
    ]);
    expect(r.facts.map((f) => f.id)).toEqual(['t1.1.note', 't1.2.note', 't1.3.note', 't1.5.rev']);
  });

  it('reports a parameter column whose value no fact uses, and a value under no header', () => {
    const r = read(metadata(), 'period,rev,note\n2004,,\n2004,1,,extra\n');
    expect(r.findings.map((f) => [f.code, f.line])).toEqual([
      ['xbrlce:unmappedCellValue', 2],
      ['xbrlce:unmappedCellValue', 3],
    ]);
  });
});
