import type { Rule } from '../rule.js';
import { translations } from './convenienceTranslationMismatch.js';
import { assess, derivedFinding } from './derived.js';
import { perAdsFigures } from './perAdsMismatch.js';
import { percentChanges } from './percentChangeMismatch.js';
import { percentsOfTotal } from './percentOfTotalMismatch.js';

/**
 * A derived figure one unit off what its inputs round to, in a column that foots with it and would not with the
 * correctly rounded one: the preparer changed it so that the column adds up ("plugging"), a common, deliberate
 * practice rather than a slip. Info, not warning: nothing in the release is inconsistent (its columns foot, the
 * figure is within one unit), but a preparer and an auditor want the list of figures that are not what their
 * inputs give. A figure off by more, or whose column does not foot with it, keeps its rule's mismatch code.
 */
export const rule: Rule = {
  code: 'release:adjustedToFoot',
  severity: 'info',
  docs: 'A derived figure (convenience translation, "% of total" ratio) one unit of its last digit away from what its inputs round to, in a column whose printed figures add up with it and would not with the correctly rounded one: changed so that the column foots. Reported with both figures, the exact quotient and the sums concerned (taxonomy summation relationships, same period and unit; for ratios, the ratios of the same total).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const figures of [translations(ctx), percentsOfTotal(ctx), percentChanges(ctx), perAdsFigures(ctx)]) {
      for (const d of figures) {
        const a = assess(ctx, d);
        if (a?.adjusted) yield derivedFinding(this, d, a);
      }
    }
  },
};
