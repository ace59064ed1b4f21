import { clark } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { divide, factInterval, gap, mid, overlaps } from './intervals.js';
import { describe, factIndex, isReleaseTaxonomy, location, printed, printedAt, RELEASE_ARCROLE } from './facts.js';

export const rule: Rule = {
  code: 'release:percentOfTotalMismatch',
  severity: 'warning',
  docs: 'A "% of total" figure must follow from its amount and the total (e.g. total revenues), allowing for the rounding of the amounts and for the ratio being printed by any rounding method (within one unit of its last digit) (interval arithmetic).',
  needs: ['taxonomy'],
  *check(ctx) {
    if (!isReleaseTaxonomy(ctx)) return;
    const tax = ctx.taxonomy!;
    const baseOf = new Map(tax.relationships(RELEASE_ARCROLE.percentOfTotal).map((r) => [clark(r.to), r.from]));
    const denominatorOf = new Map(tax.relationships(RELEASE_ARCROLE.ratioDenominator).map((r) => [clark(r.from), r.to]));
    const index = factIndex(ctx);
    for (const ratio of index.all()) {
      const base = baseOf.get(clark(ratio.concept));
      const denominator = denominatorOf.get(clark(ratio.concept));
      if (!base || !denominator) continue;
      // Ratios are computed in the reporting currency (the convenience translation only adds its own rounding).
      const home = ctx.options.release?.currency;
      for (const amount of index.of(base, ratio.period).filter((a) => !home || a.unit?.numerator[0]?.localName === home)) {
        const total = index.one(denominator, ratio.period, amount.unit);
        if (!total || index.of(base, ratio.period).filter((a) => a.unit === amount.unit).length > 1) continue;
        const r = factInterval(ratio, 1);
        const a = factInterval(amount);
        const t = factInterval(total);
        const q = a && t ? divide(a, t) : undefined;
        if (!r || !q || overlaps(r, q)) continue;
        yield {
          code: this.code,
          severity: this.severity,
          message: `${describe(ratio)} is printed as ${printed(ratio)} at ${printedAt(ratio)}, but ${printed(amount)} (${printedAt(amount)}) / ${printed(total)} (${printedAt(total)}) = ${mid(q).times(100).toFixed(2)}%; they differ by at least ${gap(r, q).times(100).toFixed(2)} percentage points beyond rounding`,
          ...location(ratio),
          factIds: [ratio.id, amount.id, total.id],
        };
        break;
      }
    }
  },
};
