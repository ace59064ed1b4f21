import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE } from '../../../../test/support/example.js';
import type { Fact } from '../../../core/model/fact.js';
import { duration, instant, type Period } from '../../../core/model/period.js';
import { NS, qname } from '../../../core/model/qname.js';
import type { Report } from '../../../core/model/report.js';
import { simpleUnit } from '../../../core/model/unit.js';
import { loadProfile } from '../read/profile.js';
import { parsePrinted, scaleFigure } from '../read/figures.js';
import { profileTaxonomy, readReleaseWithProfile } from '../read/index.js';
import { fiscalSpan } from '../read/periods.js';
import { readInstance } from '../../xbrl/read/read.js';
import { writeXbrl } from '../../xbrl/write/index.js';
import { fiscalToken, periodHeader } from './columns.js';
import { factKeys } from '../../../app/compare.js';
import { decimalsOf, formatFigure, placesFor } from './format.js';
import { renderRelease } from './render.js';
import { wordsOf } from './standins.js';

const profile = loadProfile(PROFILE);
const cal = profile.fiscalYear;
const IIJ = 'http://kessan.dev/taxonomy/iij/2004';
const JPY = simpleUnit(qname(NS.iso4217, 'JPY', 'iso4217'));
const USD = simpleUnit(qname(NS.iso4217, 'USD', 'iso4217'));
const PURE = simpleUnit(qname(NS.xbrli, 'pure', 'xbrli'));

describe('formatFigure', () => {
  it('prints thousands separators, parentheses, percentages and nil as releases do', () => {
    expect(formatFigure(new Decimal('19187000000'), { scale: 6, percent: false, places: 0 })).toBe('19,187');
    expect(formatFigure(new Decimal('-2035000000'), { scale: 6, percent: false, places: 0 })).toBe('(2,035)');
    expect(formatFigure(new Decimal('0.144'), { scale: 0, percent: true, places: 1 })).toBe('14.4%');
    expect(formatFigure(new Decimal('-1.089'), { scale: 0, percent: true, places: 1 })).toBe('(108.9%)');
    expect(formatFigure(new Decimal('-3.56'), { scale: 0, percent: false, places: 2 })).toBe('(3.56)');
    expect(formatFigure(new Decimal('-0.0004'), { scale: 0, percent: true, places: 1 })).toBe('0.0%');
    expect(formatFigure(null, { scale: 6, percent: false, places: 0 })).toBe('-');
    expect(formatFigure(new Decimal('517379000'), { scale: 6, percent: false, places: 0 })).toBe('517');
  });

  it('reads back to the value and decimals it was printed from (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: -9, max: 4 }), fc.constantFrom(0, 3, 6, 9), fc.boolean(), (digits, decimals, scale0, percent) => {
        const scale = percent ? 0 : scale0;
        const value = new Decimal(digits.toString()).times(new Decimal(10).pow(-decimals));
        const places = placesFor(decimals, scale, percent);
        fc.pre(places !== undefined);
        const printed = parsePrinted(formatFigure(value, { scale, percent, places: places! }));
        expect(printed.kind).toBe('number');
        if (printed.kind !== 'number') return;
        const back = scaleFigure(printed, scale, percent);
        expect(back.value.equals(value)).toBe(true);
        expect(back.decimals).toBe(decimals);
        expect(decimalsOf(places!, scale, percent)).toBe(decimals);
      }),
      { numRuns: 300 },
    );
  });
});

describe('column headers', () => {
  it('names fiscal spans by token and other periods by date', () => {
    expect(fiscalToken(duration('2004-07-01', '2004-09-30'), cal)).toBe('2Q04');
    expect(fiscalToken(duration('2004-04-01', '2004-09-30'), cal)).toBe('1H04');
    expect(fiscalToken(duration('2004-04-01', '2004-12-31'), cal)).toBe('9M04');
    expect(fiscalToken(duration('2004-04-01', '2005-03-31'), cal)).toBe('FY2004');
    expect(periodHeader(instant('2004-09-30'), cal)).toBe('Sept 30, 2004');
    expect(periodHeader(duration('2010-07-01', '2010-09-30'), undefined)).toBe('Three Months Ended Sept 30, 2010');
    expect(wordsOf('NetIncomeLossPerShareDiluted')).toBe('Net income loss per share diluted');
  });
});

// --- property: random figures survive text rendering and re-reading -------------------------------------------

const ENTITY = profile.entity;
const QUARTERS: Period[] = [fiscalSpan(2004, 3, 3, cal), fiscalSpan(2003, 3, 3, cal), fiscalSpan(2004, 0, 3, cal), fiscalSpan(2004, 0, 6, cal)];
const INSTANTS: Period[] = [instant('2004-09-30'), instant('2004-06-30'), instant('2003-09-30')];
const DURATION_CONCEPTS = ['Revenues', 'SystemsIntegrationRevenue', 'EquipmentSalesRevenue', 'OtherExpenses', 'CostOfRevenue'];
const INSTANT_CONCEPTS = ['Inventories', 'TreasuryStock', 'AccountsPayable'];

const figure = fc.record({
  digits: fc.oneof(fc.constant(0n), fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n })),
  decimals: fc.constantFrom(-6, -3, 0),
  nil: fc.boolean().map((b) => b && Math.random() < 0.2),
});

const factSet = fc.uniqueArray(
  fc.record({
    instant: fc.boolean(),
    concept: fc.nat(20),
    period: fc.nat(20),
    usd: fc.boolean(),
    figure,
  }),
  { minLength: 1, maxLength: 25, selector: (x) => `${x.instant}|${x.instant ? INSTANT_CONCEPTS[x.concept % 3] : DURATION_CONCEPTS[x.concept % 5]}|${x.period % (x.instant ? 3 : 4)}|${x.usd}` },
);

function toFacts(xs: { instant: boolean; concept: number; period: number; usd: boolean; figure: { digits: bigint; decimals: number; nil: boolean } }[]): Fact[] {
  return xs.map((x, i) => {
    const concept = qname(IIJ, x.instant ? INSTANT_CONCEPTS[x.concept % 3]! : DURATION_CONCEPTS[x.concept % 5]!, 'iij');
    const period = x.instant ? INSTANTS[x.period % 3]! : QUARTERS[x.period % 4]!;
    const value = x.figure.nil ? null : new Decimal(x.figure.digits.toString()).times(new Decimal(10).pow(-x.figure.decimals));
    const base = { id: `f${i + 1}`, concept, entity: ENTITY, period, unit: x.usd ? USD : JPY, dimensions: new Map(), sources: [] };
    return value === null ? { ...base, value } : { ...base, value, decimals: x.figure.decimals };
  });
}

/** The figures of a re-read release (its text fact aside). */
const figuresOf = (facts: readonly Fact[]) => facts.filter((f) => typeof f.value !== 'string');

function report(facts: Fact[]): Report {
  return { facts, taxonomy: { schemaRefs: ['iij-2004.xsd'] }, namespaces: { iij: IIJ }, documentInfo: {}, findings: [] };
}

describe('properties', () => {
  it('random fact sets go through the XBRL writer and reader unchanged', () => {
    fc.assert(
      fc.property(factSet, fc.string({ maxLength: 40 }).filter((s) => !/[\uD800-\uDFFF\uFFFE\uFFFF\0-\x08\x0B\x0C\x0E-\x1F\r]/.test(s)), (xs, text) => {
        const facts = toFacts(xs);
        facts.push({ id: 'text', concept: qname(IIJ, 'ReleaseTextBlock', 'iij'), entity: ENTITY, period: QUARTERS[0]!, dimensions: new Map(), value: text, lang: 'en', sources: [] });
        const back = readInstance(writeXbrl(report(facts)), 'random.xbrl');
        expect(factKeys(back.facts)).toEqual(factKeys(facts));
      }),
      { numRuns: 60 },
    );
  });

  it('random figures (scales, negatives, zero, nil, periods, currencies) survive text rendering and re-reading', () => {
    const taxonomy = profileTaxonomy(profile);
    fc.assert(
      fc.property(factSet, (xs) => {
        const facts = toFacts(xs);
        const text = renderRelease(report(facts), taxonomy, { calendar: cal });
        const back = readReleaseWithProfile(text, 'rendered.txt', profile);
        expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(factKeys(figuresOf(back.facts))).toEqual(factKeys(facts));
      }),
      { numRuns: 40 },
    );
  });

  it('ratio figures print with their precision and come back', () => {
    const taxonomy = profileTaxonomy(profile);
    const facts: Fact[] = [
      { id: 'a', concept: qname(IIJ, 'Revenues', 'iij'), entity: ENTITY, period: QUARTERS[0]!, unit: JPY, dimensions: new Map(), value: new Decimal('10512000000'), decimals: -6, sources: [] },
      { id: 'b', concept: qname(IIJ, 'RevenuesPercentChangeFromPriorYear', 'iij'), entity: ENTITY, period: QUARTERS[0]!, unit: PURE, dimensions: new Map(), value: new Decimal('0.144'), decimals: 3, sources: [] },
      { id: 'c', concept: qname(IIJ, 'RevenuesPercentChangeFromPriorQuarter', 'iij'), entity: ENTITY, period: QUARTERS[0]!, unit: PURE, dimensions: new Map(), value: new Decimal('-0.0123'), decimals: 4, sources: [] },
    ];
    const text = renderRelease(report(facts), taxonomy, { calendar: cal });
    expect(text).toContain('14.4%');
    expect(text).toContain('(1.23%)');
    const back = readReleaseWithProfile(text, 'rendered.txt', profile);
    expect(factKeys(figuresOf(back.facts))).toEqual(factKeys(facts));
  });
});
