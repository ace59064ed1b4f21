import { Decimal } from 'decimal.js';
import type { Fact } from '../../core/model/fact.js';
import { periodKey } from '../../core/model/period.js';
import type { Rule } from '../rule.js';
import { factInterval, gap, mid, overlaps, scale } from './intervals.js';
import { describe, isReleaseTaxonomy, location, printed, printedAt } from './facts.js';

const denominatorIs = (f: Fact, local: string) => f.unit?.denominator.length === 1 && f.unit.denominator[0]!.localName === local;
const simpleIs = (f: Fact, local: string) => f.unit?.numerator.length === 1 && !f.unit.denominator.length && f.unit.numerator[0]!.localName === local;

export const rule: Rule = {
  code: 'release:perAdsMismatch',
  severity: 'warning',
  docs: 'Per-ADS figures must equal per-share figures divided by the ADS ratio (ADSs per share), and the number of ADS equivalents the number of shares times it, allowing for the rounding of the source figures and for the derived one being printed by any rounding method. Needs a filer profile with the ADS ratio.',
  needs: ['taxonomy'],
  *check(ctx) {
    const ratio = ctx.options.release?.adsPerShare;
    if (!isReleaseTaxonomy(ctx) || !ratio) return;
    const k = new Decimal(ratio);
    const numeric = ctx.report.facts.filter((f) => f.value !== null && typeof f.value !== 'string' && !f.dimensions.size);
    const byPeriod = new Map<string, Fact[]>();
    for (const f of numeric) {
      const p = periodKey(f.period);
      if (!byPeriod.has(p)) byPeriod.set(p, []);
      byPeriod.get(p)!.push(f);
    }
    for (const facts of byPeriod.values()) {
      const pairs: [Fact[], Fact[], Decimal, string][] = [
        [facts.filter((f) => denominatorIs(f, 'ADS')), facts.filter((f) => denominatorIs(f, 'shares')), new Decimal(1).dividedBy(k), `divided by ${ratio} ADSs per share`],
        [facts.filter((f) => simpleIs(f, 'ADS')), facts.filter((f) => simpleIs(f, 'shares')), k, `times ${ratio} ADSs per share`],
      ];
      for (const [ads, shares, factor, how] of pairs) {
        if (ads.length !== 1 || shares.length !== 1) continue;
        const a = factInterval(ads[0]!, 1);
        const s = factInterval(shares[0]!);
        if (!a || !s) continue;
        const expected = scale(s, factor);
        if (overlaps(a, expected)) continue;
        yield {
          code: this.code,
          severity: this.severity,
          message: `${describe(ads[0]!)} is printed as ${printed(ads[0]!)} at ${printedAt(ads[0]!)}, but ${printed(shares[0]!)} (${printedAt(shares[0]!)}) ${how} is ${mid(expected).toDecimalPlaces(4).toFixed()}; off by at least ${gap(a, expected).toDecimalPlaces(4).toFixed()} beyond rounding`,
          ...location(ads[0]!),
          factIds: [ads[0]!.id, shares[0]!.id],
        };
      }
    }
  },
};
