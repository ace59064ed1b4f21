/** fast-check generators of random fact sets, for the format round-trip properties. */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import type { DimensionValue, Entity, Fact } from '../../src/core/model/fact.js';
import { addDays, daysInMonth, duration, forever, instant, type Period } from '../../src/core/model/period.js';
import { NS, qname, type QName } from '../../src/core/model/qname.js';
import type { Report } from '../../src/core/model/report.js';
import { divideUnit, simpleUnit, type Unit } from '../../src/core/model/unit.js';

const T = 'http://example.com/prop';
const t = (local: string): QName => qname(T, local, 't');
const JPY = qname(NS.iso4217, 'JPY', 'iso4217');
const UNITS: Unit[] = [simpleUnit(JPY), simpleUnit(qname(NS.iso4217, 'USD', 'iso4217')), simpleUnit(qname(NS.xbrli, 'pure', 'xbrli')), divideUnit(JPY, qname(NS.xbrli, 'shares', 'xbrli'))];

/** Dates that matter (leap days, year and month ends) and any other day from 1900 to 2100. */
const date = fc.oneof(
  fc.constantFrom('2004-02-29', '2000-02-29', '1900-02-28', '2100-02-28', '2004-12-31', '1999-12-31', '2004-03-31', '2004-09-30', '2005-01-01'),
  fc.record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }).map(
    ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(y, m))).padStart(2, '0')}`,
  ),
);
const period: fc.Arbitrary<Period> = fc.oneof(
  date.map(instant),
  fc.tuple(date, fc.integer({ min: 0, max: 800 })).map(([start, days]) => duration(start, addDays(start, days))),
  fc.constant(forever),
);
/** Negative, zero, huge and tiny decimals, as text (never through a float). */
const decimal = fc.oneof(
  fc.constantFrom('0', '-0', '0.000000000000000000001', '-123456789012345678901234567890.123456789', '1e-30', '9.99e40'),
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.nat({ max: 25 })).map(([neg, digits, scale]) => {
    const s = digits.toString().padStart(scale + 1, '0');
    return `${neg ? '-' : ''}${s.slice(0, s.length - scale)}${scale ? `.${s.slice(s.length - scale)}` : ''}`;
  }),
).map((s) => new Decimal(s));
/** Text XML can carry: no C0 controls other than tab and newline, no U+FFFE/FFFF (CR is kept as &#xD;). */
const text = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '?'));
const entity: fc.Arbitrary<Entity> = fc.record({
  scheme: fc.constantFrom('http://www.sec.gov/CIK', 'http://example.com/id'),
  identifier: fc.stringMatching(/^[A-Za-z0-9]{1,10}$/),
});
const dimensions = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 })), { maxLength: 2, selector: ([d]) => d }).map(
  (ds) => new Map<QName, DimensionValue>(ds.map(([d, m]) => [t(`Axis${d}`), t(`Member${m}`)])),
);

type Draft = Omit<Fact, 'id' | 'sources'>;
const numericFact: fc.Arbitrary<Draft> = fc
  .record({ n: fc.integer({ min: 1, max: 5 }), entity, period, unit: fc.constantFrom(...UNITS), dimensions, value: fc.option(decimal, { freq: 5 }), decimals: fc.oneof(fc.integer({ min: -9, max: 9 }), fc.constant('INF' as const)) })
  .map(({ n, value, decimals, ...rest }) => ({ concept: t(`Num${n}`), ...rest, value, ...(value !== null ? { decimals } : {}) }));
const textFact: fc.Arbitrary<Draft> = fc
  .record({ n: fc.integer({ min: 1, max: 5 }), entity, period, dimensions, value: fc.option(text, { freq: 5 }), lang: fc.option(fc.constantFrom('en', 'ja', 'en-us', 'fr-ca'), { nil: undefined }) })
  .map(({ n, lang, ...rest }) => ({ concept: t(`Txt${n}`), ...rest, ...(lang !== undefined ? { lang } : {}) }));

export const reportArb: fc.Arbitrary<Report> = fc.array(fc.oneof(numericFact, textFact), { minLength: 1, maxLength: 25 }).map((drafts) => ({
  facts: drafts.map((d, i) => ({ id: `f${i + 1}`, ...d, sources: [] })),
  taxonomy: { schemaRefs: ['prop.xsd'] },
  namespaces: { t: T },
  documentInfo: {},
  findings: [],
}));

