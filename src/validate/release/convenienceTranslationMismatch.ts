import { Decimal } from 'decimal.js';
import type { Rule, RuleContext } from '../rule.js';
import { mismatches, type DerivedFigure } from './derived.js';
import { scale, factInterval } from './intervals.js';
import { amountColumn } from './footing.js';
import { factIndex, isMeasure, isReleaseTaxonomy, mostPrecise, printed, printedAt } from './facts.js';

/** Each convenience-translation figure (e.g. USD) with the reporting-currency figure it translates. */
export function* translations(ctx: RuleContext): Iterable<DerivedFigure> {
  const release = ctx.options.release;
  if (!isReleaseTaxonomy(ctx) || !release?.convenience) return;
  const { currency: to, rate: rateText } = release.convenience;
  const rate = new Decimal(rateText);
  const index = factIndex(ctx);
  for (const usd of index.all()) {
    if (!isMeasure(usd, to)) continue;
    // A figure printed both in a millions summary and a thousands statement: the statement's is translated.
    const jpy = mostPrecise(index.of(usd.concept, usd.period).filter((f) => isMeasure(f, release.currency)));
    const j = jpy && factInterval(jpy);
    if (!jpy || !j) continue;
    yield {
      fact: usd,
      expected: scale(j, new Decimal(1).dividedBy(rate)),
      quotient: (jpy.value as Decimal).dividedBy(rate),
      from: `${printed(jpy)} ${release.currency} (${printedAt(jpy)}) at ${release.currency} ${rateText} = 1 ${to}`,
      column: amountColumn(ctx, usd),
      factIds: [usd.id, jpy.id],
    };
  }
}

export const rule: Rule = {
  code: 'release:convenienceTranslationMismatch',
  severity: 'warning',
  docs: 'A convenience-translation figure (e.g. USD) must be the reporting-currency figure divided by the profile\'s exchange rate, rounded to nearest: within ±½ unit of its last digit of the quotient, the source figure being taken as ±½ unit of its own. Reported with both figures, the exact quotient and whether its column foots with each; a figure one unit off that its column needs to foot is `release:adjustedToFoot` instead. Needs a filer profile.',
  needs: ['taxonomy'],
  check(ctx) {
    return mismatches(this, ctx, translations(ctx));
  },
};
