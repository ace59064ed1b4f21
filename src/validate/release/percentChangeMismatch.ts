import { Decimal } from 'decimal.js';
import { clark, type QName } from '../../core/model/qname.js';
import { unitKey } from '../../core/model/unit.js';
import type { Rule, RuleContext } from '../rule.js';
import { mismatches, type DerivedFigure } from './derived.js';
import { add, divide, factInterval } from './intervals.js';
import { factIndex, isReleaseTaxonomy, mostPrecise, printed, printedAt, RELEASE_ARCROLE } from './facts.js';
import { priorPeriod } from './periods.js';

/** Each "% change" figure with the two amounts it compares (in the first unit both periods print). */
export function* percentChanges(ctx: RuleContext): Iterable<DerivedFigure> {
  if (!isReleaseTaxonomy(ctx)) return;
  const tax = ctx.taxonomy!;
  const bases = new Map<string, { base: QName; basis: 'priorYear' | 'priorQuarter' }>();
  for (const r of tax.relationships(RELEASE_ARCROLE.changePriorYear)) bases.set(clark(r.to), { base: r.from, basis: 'priorYear' });
  for (const r of tax.relationships(RELEASE_ARCROLE.changePriorQuarter)) bases.set(clark(r.to), { base: r.from, basis: 'priorQuarter' });
  const index = factIndex(ctx);
  for (const change of index.all()) {
    const link = bases.get(clark(change.concept));
    const before = link && priorPeriod(change.period, link.basis);
    if (!link || !before) continue;
    const units = new Map(index.of(link.base, change.period).flatMap((f) => (f.unit ? [[unitKey(f.unit), f.unit] as const] : [])));
    for (const unit of units.values()) {
      const now = mostPrecise(index.every(link.base, change.period, unit));
      const then = mostPrecise(index.every(link.base, before, unit));
      const a = now && factInterval(now);
      const b = then && factInterval(then);
      const expected = a && b ? divide(add(a, b, -1), b) : undefined;
      if (!now || !then || !expected) continue;
      yield {
        fact: change,
        expected,
        quotient: (now.value as Decimal).minus(then.value as Decimal).dividedBy(then.value as Decimal),
        from: `the change from ${printed(then)} (${printedAt(then)}) to ${printed(now)} (${printedAt(now)})`,
        factIds: [change.id, now.id, then.id],
      };
      break;
    }
  }
}

export const rule: Rule = {
  code: 'release:percentChangeMismatch',
  severity: 'warning',
  docs: 'A "% change" figure (year over year, quarter over quarter) must be (later − earlier) / earlier of the two periods\' amounts, rounded to nearest: within ±½ unit of its last digit of the quotient, each amount being taken as ±½ unit of its own, so that a change computed from unrounded amounts is not reported because the rounded ones give another. Reported with both figures and the exact quotient.',
  needs: ['taxonomy'],
  check(ctx) {
    return mismatches(this, ctx, percentChanges(ctx));
  },
};
