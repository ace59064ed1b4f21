/**
 * `kessan init` on the four real releases of other companies (../shared/release/real) and on the example: the
 * draft taxonomy tags every table figure, with the printed value × scale, the right period, the printed currency,
 * per-share units and decimals (checked on figures picked by hand from each release); Arelle finds no error, no
 * warning and no calculation inconsistency in the instance; and the round trip reaches a fixed point.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { afterAll, describe, expect, it } from 'vitest';
import { convertFile } from '../src/app/convert.js';
import { initRelease, type InitOptions } from '../src/app/init.js';
import { roundTripFile } from '../src/app/roundtrip.js';
import { isNumericValue, type Fact } from '../src/core/model/fact.js';
import { formatPeriod } from '../src/core/model/period.js';
import { formatUnit } from '../src/core/model/unit.js';
import { arelleAvailable, runArelle } from './support/arelle.js';
import { EXAMPLE, haveRealReleases as available, REAL_RELEASES as REAL } from './support/example.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** concept local name, period (formatPeriod), dimensions ("Axis=Member"), unit, value, decimals. */
type Expected = readonly [string, string, string, string, string, number | 'nil'];

interface Case {
  readonly file: string;
  readonly options: Omit<InitOptions, 'out'>;
  readonly figures: number;
  readonly facts: number;
  /** Every duration and instant the release prints, and nothing else. */
  readonly periods: readonly string[];
  readonly units: readonly string[];
  readonly expected: readonly Expected[];
}

const SEC = 'http://www.sec.gov/CIK';
const CASES: readonly Case[] = [
  {
    file: join(REAL, 'sears-2q-2004.txt'),
    options: { entityScheme: SEC, entity: '319256' },
    figures: 553,
    facts: 488,
    // 13 and 26 weeks to Saturday July 3, 2004 and June 28, 2003; the balance sheet's three dates.
    periods: ['2004-04-04..2004-07-03', '2003-03-30..2003-06-28', '2004-01-04..2004-07-03', '2002-12-29..2003-06-28', '2004-07-03', '2003-06-28', '2004-01-03'],
    units: ['iso4217:USD', 'iso4217:USD/xbrli:shares', 'xbrli:shares', 'xbrli:pure'],
    expected: [
      ['MerchandiseSalesAndServices', '2004-04-04..2004-07-03', '', 'iso4217:USD', '8700000000', -6],
      ['MerchandiseSalesAndServices', '2004-04-04..2004-07-03', 'SegmentAxis=DomesticMember', 'iso4217:USD', '7673000000', -6],
      ['MerchandiseSalesAndServices', '2003-03-30..2003-06-28', 'SegmentAxis=RetailRelatedServicesMember', 'iso4217:USD', '7771000000', -6],
      ['NetIncomeLoss', '2004-01-04..2004-07-03', '', 'iso4217:USD', '-806000000', -6],
      ['IncomeTaxExpense', '2004-04-04..2004-07-03', '', 'iso4217:USD', '32000000', -6], // printed (32): a negated row
      ['EarningsPerShareBeforeCumulativeEffectOfChangeInAccounting', '2004-04-04..2004-07-03', '', 'iso4217:USD/xbrli:shares', '0.25', 2],
      ['AverageCommonEquivalentSharesOutstanding', '2004-04-04..2004-07-03', '', 'xbrli:shares', '216500000', -5],
      ['CashAndCashEquivalents', '2004-01-03', '', 'iso4217:USD', '9057000000', -6],
      ['TotalCommonSharesOutstanding', '2004-07-03', '', 'xbrli:shares', '213100000', -5],
      ['ForeignExchangeRateQuarterlyAverage', '2004-04-04..2004-07-03', 'SegmentAxis=SearsCanadaMember', 'xbrli:pure', '0.7353', 4],
      ['FullLine', '2004-07-03', '', 'xbrli:pure', '871', 0],
      ['SpecialCharges', '2004-04-04..2004-07-03', '', 'iso4217:USD', '41000000', -6],
      ['SpecialChargesEarningsPerShare', '2004-04-04..2004-07-03', '', 'iso4217:USD/xbrli:shares', '0.12', 2],
      ['CumulativeEffectOfChangeInAccountingPrinciple', '2004-04-04..2004-07-03', '', 'iso4217:USD', 'nil', 'nil'],
    ],
  },
  {
    file: join(REAL, 'apple-3q-fy2004.htm'),
    options: { entityScheme: SEC, entity: '320193' },
    figures: 220,
    facts: 188,
    // Apple's fiscal third quarter and nine months (to the last Saturday of June); the balance sheet at the
    // quarter's end and at the fiscal year's end (the last Saturday of September).
    periods: ['2004-03-28..2004-06-26', '2003-03-30..2003-06-28', '2003-09-28..2004-06-26', '2002-09-29..2003-06-28', '2004-06-26', '2003-09-27'],
    units: ['iso4217:USD', 'iso4217:USD/xbrli:shares', 'xbrli:shares'],
    expected: [
      ['NetSales', '2004-03-28..2004-06-26', '', 'iso4217:USD', '2014000000', -6],
      ['NetSales', '2003-09-28..2004-06-26', '', 'iso4217:USD', '5929000000', -6],
      ['NetIncome', '2004-03-28..2004-06-26', 'ReportingBasisAxis=NonGaapMember', 'iso4217:USD', '67000000', -6],
      ['NetIncome', '2004-03-28..2004-06-26', 'ReportingBasisAxis=AdjustmentsMember', 'iso4217:USD', '6000000', -6],
      ['CashAndCashEquivalents', '2003-09-27', '', 'iso4217:USD', '3396000000', -6],
      ['DeferredStockCompensation', '2004-06-26', '', 'iso4217:USD', '103000000', -6],
      ['AccumulatedOtherComprehensiveIncomeLoss', '2004-06-26', '', 'iso4217:USD', '-18000000', -6],
      ['EarningsPerCommonShareBasic', '2004-03-28..2004-06-26', '', 'iso4217:USD/xbrli:shares', '0.16', 2],
      ['SharesUsedInComputingEarningsPerShareBasic', '2004-03-28..2004-06-26', '', 'xbrli:shares', '375023000', -3],
    ],
  },
  {
    file: join(REAL, 'apple-1q-fy2011.htm'),
    options: { entityScheme: SEC, entity: '320193' },
    figures: 142,
    facts: 139,
    periods: ['2010-09-26..2010-12-25', '2009-09-27..2009-12-26', '2010-12-25', '2010-09-25', '2009-09-26', '2009-12-26'],
    units: ['iso4217:USD', 'iso4217:USD/xbrli:shares', 'xbrli:shares'],
    expected: [
      ['NetSales', '2010-09-26..2010-12-25', '', 'iso4217:USD', '26741000000', -6],
      ['EarningsPerCommonShareBasic', '2010-09-26..2010-12-25', '', 'iso4217:USD/xbrli:shares', '6.53', 2],
      ['SharesUsedInComputingEarningsPerShareBasic', '2010-09-26..2010-12-25', '', 'xbrli:shares', '919294000', -3],
      // The cash-flow statement's beginning and end of period are the balance sheet's cash, at instants.
      ['CashAndCashEquivalents', '2010-09-25', '', 'iso4217:USD', '11261000000', -6],
      ['CashAndCashEquivalents', '2009-12-26', '', 'iso4217:USD', '7609000000', -6],
      ['PurchasesOfMarketableSecurities', '2010-09-26..2010-12-25', '', 'iso4217:USD', '19575000000', -6],
    ],
  },
  {
    file: join(REAL, 'buckle-3q-fy2024.html'),
    // The Buckle, Inc.'s SEC CIK (not printed in the file).
    options: { entityScheme: SEC, entity: '885245' },
    figures: 144,
    facts: 145,
    // 13 and 39 weeks to Saturday November 2, 2024 and October 28, 2023; the fiscal year's end February 3, 2024.
    periods: ['2024-08-04..2024-11-02', '2023-07-30..2023-10-28', '2024-02-04..2024-11-02', '2023-01-29..2023-10-28', '2024-11-02', '2024-02-03', '2023-10-28'],
    units: ['iso4217:USD', 'iso4217:USD/xbrli:shares', 'xbrli:shares'],
    expected: [
      ['SalesNetOfReturnsAndAllowances', '2024-08-04..2024-11-02', '', 'iso4217:USD', '293618000', -3],
      ['SalesNetOfReturnsAndAllowances', '2024-02-04..2024-11-02', '', 'iso4217:USD', '838490000', -3],
      ['TotalOperatingExpenses', '2024-08-04..2024-11-02', '', 'iso4217:USD', '85588000', -3], // printed without a label
      ['EarningsPerShareBasic', '2024-08-04..2024-11-02', '', 'iso4217:USD/xbrli:shares', '0.89', 2],
      ['BasicWeightedAverageShares', '2024-08-04..2024-11-02', '', 'xbrli:shares', '49854000', -3],
      ['CashAndCashEquivalents', '2024-02-03', '', 'iso4217:USD', '268213000', -3],
      ['LessAccumulatedDepreciationAndAmortization', '2024-11-02', '', 'iso4217:USD', '365241000', -3],
      ['PropertyAndEquipmentNet', '2024-11-02', '', 'iso4217:USD', '143032000', -3],
    ],
  },
];

const dims = (f: Fact) => [...f.dimensions].map(([d, m]) => `${d.localName}=${'typed' in m ? m.typed : m.localName}`).sort().join(',');

describe.runIf(available)('kessan init on releases it has never seen', () => {
  it.each(CASES.map((c) => [c.file.split('/').pop()!, c] as const))('%s: every figure tagged, Arelle clean, a fixed point', async (_name, c) => {
    const out = mkdtempSync(join(tmpdir(), 'kessan-init-'));
    dirs.push(out);
    const init = await initRelease(c.file, { ...c.options, out });
    expect(init.coverage).toEqual({ figures: c.figures, tagged: c.figures, reported: 0 });
    const xbrl = join(out, 'out.xbrl');
    const conv = await convertFile(c.file, xbrl, { profile: init.profile });
    expect(conv.failed).toBe(false);
    expect(conv.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(conv.coverage).toEqual({ figures: c.figures, tagged: c.figures, reported: 0 });
    const facts = conv.report.facts;
    expect(facts).toHaveLength(c.facts);
    const numeric = facts.filter((f) => f.unit);
    expect(new Set(numeric.map((f) => formatPeriod(f.period)))).toEqual(new Set(c.periods));
    expect(new Set(numeric.map((f) => formatUnit(f.unit!)))).toEqual(new Set(c.units));
    for (const f of numeric) {
      // value × scale as printed: no digit beyond what the decimals say.
      if (isNumericValue(f.value) && typeof f.decimals === 'number') expect(f.value.times(new Decimal(10).pow(f.decimals)).isInteger(), `${f.concept.localName} ${f.value.toFixed()} ${f.decimals}`).toBe(true);
    }
    for (const [concept, period, dimensions, unit, value, decimals] of c.expected) {
      const found = facts.filter((f) => f.concept.localName === concept && formatPeriod(f.period) === period && dims(f) === dimensions);
      expect(found.map((f) => [formatUnit(f.unit!), f.value === null ? 'nil' : String(f.value), f.value === null ? 'nil' : f.decimals]), `${concept} ${period} ${dimensions}`).toEqual([[unit, value, decimals]]);
    }
    const trip = roundTripFile(c.file, { profile: init.profile });
    expect(trip.onlyFirst).toEqual([]);
    expect(trip.onlySecond).toEqual([]);
    expect(trip.tables.differences).toEqual([]);
    if (arelleAvailable) {
      const log = runArelle(['-f', xbrl, '-v', '--calc=c11r']);
      expect(log.filter((l) => !l.startsWith('INFO'))).toEqual([]);
    }
  });

  it('the example release too: 839 figures, a convenience translation at the rate its text states, custom units', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kessan-init-'));
    dirs.push(out);
    const init = await initRelease(EXAMPLE, { entityScheme: SEC, entity: '1090633', currency: 'JPY', fiscalYearEnd: '03-31', out });
    expect(init.coverage).toEqual({ figures: 839, tagged: 839, reported: 0 });
    expect(init.findings).toEqual([]);
    const profile = JSON.parse(readFileSync(init.profile, 'utf8')) as Record<string, unknown>;
    expect(profile.convenience).toEqual({ currency: 'USD', rate: '110.20' });
    expect(profile.fiscalYear).toEqual({ endMonth: 3, endDay: 31, naming: 'start' });
    expect(profile.typeUnits).toEqual({ 'iij:gbpsItemType': 'iij:Gbps', 'iij:perAdsItemType': '{currency}/iij:ADS', 'iij:adsItemType': 'iij:ADS' });
    const trip = roundTripFile(EXAMPLE, { profile: init.profile });
    expect([trip.onlyFirst, trip.onlySecond, trip.tables.differences]).toEqual([[], [], []]);
    expect(trip.first.facts.length).toBeGreaterThan(700);
  });
});
