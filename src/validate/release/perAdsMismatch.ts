import { Decimal } from 'decimal.js';
import type { Fact } from '../../core/model/fact.js';
import { periodKey } from '../../core/model/period.js';
import type { Rule, RuleContext } from '../rule.js';
import { mismatches, type DerivedFigure } from './derived.js';
import { factInterval, scale } from './intervals.js';
import { isMeasure, isReleaseTaxonomy, printed, printedAt } from './facts.js';

const denominatorIs = (f: Fact, local: string) => f.unit?.denominator.length === 1 && f.unit.denominator[0]!.localName === local;

/** Each per-ADS figure with its per-share figure, and the ADS equivalents with the number of shares. */
export function* perAdsFigures(ctx: RuleContext): Iterable<DerivedFigure> {
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
      [facts.filter((f) => isMeasure(f, 'ADS')), facts.filter((f) => isMeasure(f, 'shares')), k, `times ${ratio} ADSs per share`],
    ];
    for (const [ads, shares, factor, how] of pairs) {
      if (ads.length !== 1 || shares.length !== 1) continue;
      const s = factInterval(shares[0]!);
      if (!s) continue;
      yield {
        fact: ads[0]!,
        expected: scale(s, factor),
        quotient: (shares[0]!.value as Decimal).times(factor),
        from: `${printed(shares[0]!)} (${printedAt(shares[0]!)}) ${how}`,
        factIds: [ads[0]!.id, shares[0]!.id],
      };
    }
  }
}

export const rule: Rule = {
  code: 'release:perAdsMismatch',
  severity: 'warning',
  docs: 'Per-ADS figures must be per-share figures divided by the ADS ratio (ADSs per share), and the number of ADS equivalents the number of shares times it, rounded to nearest: within ±½ unit of its last digit of the result, the source figure being taken as ±½ unit of its own. Reported with both figures and the exact result. Needs a filer profile with the ADS ratio.',
  needs: ['taxonomy'],
  check(ctx) {
    return mismatches(this, ctx, perAdsFigures(ctx));
  },
};
