import { Decimal } from 'decimal.js';
import type { Rule } from '../rule.js';
import { factInterval, gap, mid, overlaps, scale } from './intervals.js';
import { describe, factIndex, isReleaseTaxonomy, location, printed, printedAt } from './facts.js';

export const rule: Rule = {
  code: 'release:convenienceTranslationMismatch',
  severity: 'warning',
  docs: 'A convenience-translation figure (e.g. USD) must equal the reporting-currency figure divided by the profile\'s exchange rate, allowing for the rounding of the source figure and for the derived one being rounded, truncated or floored (within one unit of its last digit). Needs a filer profile.',
  needs: ['taxonomy'],
  *check(ctx) {
    const release = ctx.options.release;
    if (!isReleaseTaxonomy(ctx) || !release?.convenience) return;
    const rate = new Decimal(release.convenience.rate);
    const index = factIndex(ctx);
    for (const usd of index.all()) {
      const m = usd.unit?.numerator;
      if (!m || m.length !== 1 || usd.unit!.denominator.length || m[0]!.localName !== release.convenience.currency) continue;
      const home = index.of(usd.concept, usd.period).filter((f) => f.unit?.numerator.length === 1 && !f.unit.denominator.length && f.unit.numerator[0]!.localName === release.currency);
      if (home.length !== 1) continue;
      const jpy = home[0]!;
      const u = factInterval(usd, 1);
      const j = factInterval(jpy);
      if (!u || !j) continue;
      const expected = scale(j, new Decimal(1).dividedBy(rate));
      if (overlaps(u, expected)) continue;
      yield {
        code: this.code,
        severity: this.severity,
        message: `${describe(usd)} is printed as ${printed(usd)} at ${printedAt(usd)}, but ${printed(jpy)} ${release.currency} (${printedAt(jpy)}) at ${release.currency} ${release.convenience.rate} = 1 ${release.convenience.currency} is ${mid(expected).toDecimalPlaces(2).toFixed()}; off by at least ${gap(u, expected).toDecimalPlaces(2).toFixed()} beyond rounding`,
        ...location(usd),
        factIds: [usd.id, jpy.id],
      };
    }
  },
};
