import { clark, type QName } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { add, divide, factInterval, gap, mid, overlaps } from './intervals.js';
import { describe, factIndex, isReleaseTaxonomy, location, printed, printedAt, RELEASE_ARCROLE } from './facts.js';
import { priorPeriod } from './periods.js';

export const rule: Rule = {
  code: 'release:percentChangeMismatch',
  severity: 'warning',
  docs: 'A "% change" figure (year over year, quarter over quarter) must follow from the two periods\' amounts, (later − earlier) / earlier, allowing for the rounding of the amounts and for the ratio being printed by any rounding method (within one unit of its last digit).',
  needs: ['taxonomy'],
  *check(ctx) {
    if (!isReleaseTaxonomy(ctx)) return;
    const tax = ctx.taxonomy!;
    const bases = new Map<string, { base: QName; basis: 'priorYear' | 'priorQuarter' }>();
    for (const r of tax.relationships(RELEASE_ARCROLE.changePriorYear)) bases.set(clark(r.to), { base: r.from, basis: 'priorYear' });
    for (const r of tax.relationships(RELEASE_ARCROLE.changePriorQuarter)) bases.set(clark(r.to), { base: r.from, basis: 'priorQuarter' });
    const index = factIndex(ctx);
    for (const change of index.all()) {
      const link = bases.get(clark(change.concept));
      if (!link) continue;
      const before = priorPeriod(change.period, link.basis);
      if (!before) continue;
      for (const now of index.of(link.base, change.period)) {
        const then = index.one(link.base, before, now.unit);
        if (!then || index.of(link.base, change.period).filter((a) => a.unit === now.unit).length > 1) continue;
        const c = factInterval(change, 1);
        const a = factInterval(now);
        const b = factInterval(then);
        const q = a && b ? divide(add(a, b, -1), b) : undefined;
        if (!c || !q || overlaps(c, q)) continue;
        yield {
          code: this.code,
          severity: this.severity,
          message: `${describe(change)} is printed as ${printed(change)} at ${printedAt(change)}, but from ${printed(then)} (${printedAt(then)}) to ${printed(now)} (${printedAt(now)}) is ${mid(q).times(100).toFixed(2)}%; they differ by at least ${gap(c, q).times(100).toFixed(2)} percentage points beyond rounding`,
          ...location(change),
          factIds: [change.id, now.id, then.id],
        };
        break;
      }
    }
  },
};
