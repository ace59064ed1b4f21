import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { KessanError } from '../../../core/errors.js';
import { forever, instant } from '../../../core/model/period.js';
import { fact, JPY, PURE, Q2, report, sampleReport, SEP30, t } from '../../../../test/support/reports.js';
import { oimPeriod, parseOimPeriod } from './oim.js';
import { writeXbrlJson } from './writer.js';

type Doc = { documentInfo: Record<string, unknown>; facts: Record<string, { value: string | null; decimals?: number; dimensions: Record<string, string> } & Record<string, unknown>> };
const write = (...args: Parameters<typeof writeXbrlJson>) => JSON.parse(writeXbrlJson(...args)) as Doc;

describe('writeXbrlJson', () => {
  it('writes documentInfo: document type, only the prefixes used, the taxonomy', () => {
    const doc = write(sampleReport());
    expect(doc.documentInfo).toEqual({
      documentType: 'https://xbrl.org/2021/xbrl-json',
      namespaces: { iso4217: 'http://www.xbrl.org/2003/iso4217', kessan: 'https://kessan.dev/xbrl-json', ns1: 'http://www.example.com/entity', t: 'http://example.com/tiny', xbrli: 'http://www.xbrl.org/2003/instance' },
      taxonomy: ['tiny.xsd'],
      'kessan:numericFactsMarked': true,
    });
  });

  it('writes each fact as OIM dimensions, with plain decimal values and the +1 day period form', () => {
    const { facts } = write(sampleReport());
    expect(facts.f1).toEqual({ value: '12345000000', decimals: -6, dimensions: { concept: 't:Revenues', entity: 'ns1:TINY', period: '2004-07-01T00:00:00/2004-10-01T00:00:00', unit: 'iso4217:JPY' } });
    expect(facts.f4).toEqual({ value: '5000000000', dimensions: { concept: 't:Cash', entity: 'ns1:TINY', period: '2004-10-01T00:00:00', unit: 'iso4217:JPY' } });
    expect(facts.f5!.value).toBeNull();
    expect(facts.f5!.decimals).toBeUndefined();
    expect(facts.f6!.dimensions.unit).toBeUndefined(); // xbrli:pure
    expect(facts.f7!.dimensions.unit).toBe('iso4217:JPY/xbrli:shares');
    expect(facts.f8).toEqual({ value: 'Revenue < 10% & growing > "fast"', dimensions: { concept: 't:Remarks', entity: 'ns1:TINY', period: '2004-07-01T00:00:00/2004-10-01T00:00:00', language: 'en' } });
    expect(facts.f9!.dimensions['t:SegmentAxis']).toBe('t:NetworkMember');
    expect(facts.f11!.dimensions['t:RegionAxis']).toBe('Kanto & Tohoku');
    expect(facts.f13!.value).toBe('日本語の注記');
  });

  it('writes canonical numbers: no exponent, no -0, no trailing zeros', () => {
    const facts = [
      fact('a', t('X'), SEP30, new Decimal('1e-20'), { unit: JPY, decimals: 20 }),
      fact('b', t('X'), SEP30, new Decimal('-0'), { unit: JPY, decimals: 0 }),
      fact('c', t('X'), SEP30, new Decimal('123456789012345678901234567890.5000'), { unit: JPY, decimals: 1 }),
    ];
    const out = write(report(facts)).facts;
    expect([out.a!.value, out.b!.value, out.c!.value]).toEqual(['0.00000000000000000001', '0', '123456789012345678901234567890.5']);
  });

  it('marks numeric facts the JSON alone would not show as numeric (pure unit, no decimals)', () => {
    const facts = [fact('a', t('Ratio'), SEP30, null, { unit: PURE }), fact('b', t('Ratio'), SEP30, new Decimal('0.5'), { unit: PURE, decimals: 'INF' }), fact('c', t('Ratio'), SEP30, new Decimal('0.5'), { unit: PURE, decimals: 1 })];
    const doc = write(report(facts));
    expect(doc.facts.a!['kessan:numeric']).toBe(true);
    expect(doc.facts.b!['kessan:numeric']).toBe(true);
    expect(doc.facts.c!['kessan:numeric']).toBeUndefined();
    expect((doc.documentInfo.namespaces as Record<string, string>).kessan).toBe('https://kessan.dev/xbrl-json');
  });

  it('uses the usual prefix of well-known entity schemes and OIM reserved prefixes', () => {
    const f = fact('a', t('X'), forever, 'x', { entity: { scheme: 'http://www.sec.gov/CIK', identifier: '0000789019' } });
    const doc = write(report([f]));
    expect(doc.facts.a!.dimensions).toEqual({ concept: 't:X', entity: 'cik:0000789019' });
    expect(doc.documentInfo.namespaces).toEqual({ cik: 'http://www.sec.gov/CIK', kessan: 'https://kessan.dev/xbrl-json', t: 'http://example.com/tiny' });
  });

  it('refuses what xBRL-JSON cannot carry', () => {
    const spaced = fact('a', t('X'), SEP30, 'x', { entity: { scheme: 'http://e', identifier: 'A B' } });
    expect(() => writeXbrlJson(report([spaced]))).toThrow(KessanError);
    const complex = fact('a', t('X'), SEP30, 'x', { dims: [[t('D'), { typed: '<t:A><t:B>1</t:B></t:A>' }]] });
    expect(() => writeXbrlJson(report([complex]))).toThrow(/simple content/);
  });

  it('prefixes named like Object.prototype members are prefixes like any other', () => {
    const q = (ns: string, local: string, prefix: string) => ({ namespace: ns, localName: local, prefix });
    const facts = [
      fact('a', q('http://example.com/c', 'X', 'constructor'), SEP30, 'x', { entity: { scheme: 'constructor', identifier: 'A' } }),
      fact('b', q('http://example.com/p', 'Y', '__proto__'), SEP30, 'y', { entity: { scheme: 'http://example.com/s', identifier: 'B' } }),
    ];
    const namespaces = Object.create(null) as Record<string, string>;
    Object.assign(namespaces, { constructor: 'http://example.com/c', toString: 'http://example.com/s' });
    Object.defineProperty(namespaces, '__proto__', { value: 'http://example.com/p', enumerable: true });
    const doc = write({ ...report(facts), namespaces });
    const declared = doc.documentInfo.namespaces as Record<string, string>;
    expect(Object.keys(declared)).toEqual(['__proto__', 'constructor', 'kessan', 'ns1', 'toString']);
    expect(Object.getOwnPropertyDescriptor(declared, '__proto__')?.value).toBe('http://example.com/p');
    expect(declared.ns1).toBe('constructor'); // the entity scheme "constructor": no usual prefix, an invented one
    expect(doc.facts.a!.dimensions).toMatchObject({ concept: 'constructor:X', entity: 'ns1:A' });
    expect(doc.facts.b!.dimensions).toMatchObject({ concept: '__proto__:Y', entity: 'toString:B' });
  });

  it('is deterministic', () => {
    expect(writeXbrlJson(sampleReport())).toBe(writeXbrlJson(sampleReport()));
  });
});

describe('OIM periods', () => {
  it('writes an end date as the next midnight and reads it back', () => {
    expect(oimPeriod(instant('2004-02-29'))).toBe('2004-03-01T00:00:00');
    expect(oimPeriod(instant('2004-12-31'))).toBe('2005-01-01T00:00:00');
    expect(oimPeriod(Q2)).toBe('2004-07-01T00:00:00/2004-10-01T00:00:00');
    expect(parseOimPeriod('2005-01-01T00:00:00')?.period).toEqual(instant('2004-12-31'));
    expect(parseOimPeriod('2004-07-01T00:00:00/2004-10-01T00:00:00')?.period).toEqual(Q2);
    expect(parseOimPeriod('2004-07-01T00:00:00Z/2004-10-01T00:00:00Z')?.hasTime).toBe(false);
    expect(parseOimPeriod('2004-10-01T12:30:00')).toEqual({ period: instant('2004-10-01'), hasTime: true });
  });

  it('rejects what is not the OIM representation', () => {
    for (const p of ['2004-09-30', '2004-09-30T24:00:00', '2004-02-30T00:00:00', '2004-10-01T00:00:00/2004-07-01T00:00:00', '2004-07-01T00:00:00/', 'forever']) {
      expect(parseOimPeriod(p), p).toBeUndefined();
    }
  });
});

describe('writeXbrlJson, written fact by fact', () => {
  it('is the text JSON.stringify(…, null, 2) gives for the same members (nil, INF, marked, dimensioned facts), across its pieces', async () => {
    const { readInstance } = await import('../../xbrl/read/read.js');
    const { generateInstance } = await import('../../../../test/support/generate-instance.js');
    const marked = report([
      fact('m1', t('GrossMargin'), Q2, null, { unit: PURE }),
      fact('m2', t('GrossMargin'), Q2, new Decimal('0.5'), { unit: PURE, decimals: 'INF' }),
      fact('m3', t('Revenues'), Q2, new Decimal('8'), { unit: JPY, decimals: 0, dims: [[t('SegmentAxis'), t('NetworkMember')], [t('RegionAxis'), { typed: '<t:Region>"Kanto"</t:Region>' }]] }),
    ]);
    for (const r of [sampleReport(), marked, readInstance(generateInstance({ facts: 9000, contexts: 40 }), 'gen.xbrl')]) {
      const text = writeXbrlJson(r);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect(Object.keys((JSON.parse(text) as { facts: object }).facts)).toEqual(r.facts.map((f) => f.id));
    }
    const empty = writeXbrlJson({ ...sampleReport(), facts: [] });
    expect(empty).toBe(`${JSON.stringify(JSON.parse(empty), null, 2)}\n`);
  });
});
