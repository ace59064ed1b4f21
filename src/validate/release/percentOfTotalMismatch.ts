import { Decimal } from 'decimal.js';
import { clark, type QName } from '../../core/model/qname.js';
import type { Rule, RuleContext } from '../rule.js';
import { mismatches, type DerivedFigure } from './derived.js';
import { ratioColumn } from './footing.js';
import { divide, factInterval } from './intervals.js';
import { factIndex, isMeasure, isReleaseTaxonomy, mostPrecise, printed, printedAt, RELEASE_ARCROLE } from './facts.js';

/** Each "% of total" figure with the amount and the total it is the ratio of. */
export function* percentsOfTotal(ctx: RuleContext): Iterable<DerivedFigure> {
  if (!isReleaseTaxonomy(ctx)) return;
  const tax = ctx.taxonomy!;
  const baseOf = new Map(tax.relationships(RELEASE_ARCROLE.percentOfTotal).map((r) => [clark(r.to), r.from]));
  const denominatorOf = new Map(tax.relationships(RELEASE_ARCROLE.ratioDenominator).map((r) => [clark(r.from), r.to]));
  const ratios = new Map<string, QName>();
  for (const r of tax.relationships(RELEASE_ARCROLE.percentOfTotal)) {
    const d = denominatorOf.get(clark(r.to));
    if (d) ratios.set(`${clark(r.from)}|${clark(d)}`, r.to);
  }
  const ratioOf = (amount: QName, denominator: QName) => ratios.get(`${clark(amount)}|${clark(denominator)}`);
  const index = factIndex(ctx);
  // Ratios are computed in the reporting currency (the convenience translation only adds its own rounding).
  const home = ctx.options.release?.currency;
  for (const ratio of index.all()) {
    const base = baseOf.get(clark(ratio.concept));
    const denominator = denominatorOf.get(clark(ratio.concept));
    if (!base || !denominator) continue;
    const amounts = index.of(base, ratio.period).filter((a) => !home || isMeasure(a, home));
    const amount = mostPrecise(amounts);
    const total = amount && mostPrecise(index.every(denominator, ratio.period, amount.unit));
    const a = amount && factInterval(amount);
    const t = total && factInterval(total);
    const expected = a && t ? divide(a, t) : undefined;
    if (!amount || !total || !expected) continue;
    yield {
      fact: ratio,
      expected,
      quotient: (amount.value as Decimal).dividedBy(total.value as Decimal),
      from: `${printed(amount)} (${printedAt(amount)}) / ${printed(total)} (${printedAt(total)})`,
      column: ratioColumn(ctx, ratio, base, denominator, ratioOf),
      factIds: [ratio.id, amount.id, total.id],
    };
  }
}

export const rule: Rule = {
  code: 'release:percentOfTotalMismatch',
  severity: 'warning',
  docs: 'A "% of total" figure must be its amount divided by the total (e.g. total revenues), rounded to nearest: within ±½ unit of its last digit of the quotient, each amount being taken as ±½ unit of its own (interval arithmetic). Reported with both figures, the exact quotient and whether its column (the ratios of the same total, which add up as their amounts do) foots with each; a ratio one unit off that its column needs to foot is `release:adjustedToFoot` instead.',
  needs: ['taxonomy'],
  check(ctx) {
    return mismatches(this, ctx, percentsOfTotal(ctx));
  },
};
