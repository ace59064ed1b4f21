import { Decimal } from 'decimal.js';
import type { DimensionValue, Entity, Fact } from '../../src/core/model/fact.js';
import { NS, qname, type QName } from '../../src/core/model/qname.js';
import { duration, instant, type Period } from '../../src/core/model/period.js';
import type { Report } from '../../src/core/model/report.js';
import { divideUnit, simpleUnit, type Unit } from '../../src/core/model/unit.js';

/** Hand-built reports for the writer's tests (not used by the writer itself). */
export const T = 'http://example.com/tiny';
export const t = (local: string): QName => qname(T, local, 't');
export const ENTITY: Entity = { scheme: 'http://www.example.com/entity', identifier: 'TINY' };
export const JPY = simpleUnit(qname(NS.iso4217, 'JPY', 'iso4217'));
export const PURE = simpleUnit(qname(NS.xbrli, 'pure', 'xbrli'));
export const SHARES = simpleUnit(qname(NS.xbrli, 'shares', 'xbrli'));
export const JPY_PER_SHARE = divideUnit(qname(NS.iso4217, 'JPY', 'iso4217'), qname(NS.xbrli, 'shares', 'xbrli'));
export const Q2 = duration('2004-07-01', '2004-09-30');
export const H1 = duration('2004-04-01', '2004-09-30');
export const SEP30 = instant('2004-09-30');
export const MAR31 = instant('2004-03-31');

export function fact(
  id: string,
  concept: QName,
  period: Period,
  value: Fact['value'] | number,
  more: { unit?: Unit; decimals?: Fact['decimals']; lang?: string; entity?: Entity; dims?: [QName, DimensionValue][] } = {},
): Fact {
  const v = typeof value === 'number' ? new Decimal(value) : value;
  return {
    id,
    concept,
    entity: more.entity ?? ENTITY,
    period,
    ...(more.unit ? { unit: more.unit } : {}),
    dimensions: new Map(more.dims ?? []),
    value: v,
    ...(more.decimals !== undefined ? { decimals: more.decimals } : {}),
    ...(more.lang !== undefined ? { lang: more.lang } : {}),
    sources: [],
  };
}

export function report(facts: Fact[], schemaRefs: string[] = ['tiny.xsd']): Report {
  return { facts, taxonomy: { schemaRefs }, namespaces: { t: T }, documentInfo: {}, findings: [] };
}

/** A small report touching every feature the writer has: used by the unit and the Arelle tests. */
export function sampleReport(schemaRef = 'tiny.xsd'): Report {
  return report(
    [
      fact('f1', t('Revenues'), Q2, new Decimal('12345000000'), { unit: JPY, decimals: -6 }),
      fact('f2', t('Revenues'), H1, new Decimal('24690000000'), { unit: JPY, decimals: -6 }),
      fact('f3', t('NetIncome'), Q2, new Decimal('-2035000000'), { unit: JPY, decimals: -6 }),
      fact('f4', t('Cash'), SEP30, new Decimal('5000000000'), { unit: JPY, decimals: 'INF' }),
      fact('f5', t('Cash'), MAR31, null, { unit: JPY }),
      fact('f6', t('GrossMargin'), Q2, new Decimal('0.215'), { unit: PURE, decimals: 3 }),
      fact('f7', t('EarningsPerShare'), Q2, new Decimal('1234.56'), { unit: JPY_PER_SHARE, decimals: 2 }),
      fact('f8', t('Remarks'), Q2, 'Revenue < 10% & growing > "fast"', { lang: 'en' }),
      fact('f9', t('Revenues'), Q2, new Decimal('8000000000'), { unit: JPY, decimals: -6, dims: [[t('SegmentAxis'), t('NetworkMember')]] }),
      fact('f10', t('Remarks'), H1, null),
      fact('f11', t('Revenues'), H1, new Decimal('3000000000'), { unit: JPY, decimals: -6, dims: [[t('RegionAxis'), { typed: '<t:Region>Kanto &amp; Tohoku</t:Region>' }]] }),
      fact('f12', t('SharesOutstanding'), SEP30, new Decimal('201120'), { unit: SHARES, decimals: 0 }),
      fact('f13', t('Remarks'), Q2, '日本語の注記', { lang: 'ja' }),
    ],
    [schemaRef],
  );
}
