import type { Rule } from '../rule.js';
import { effectiveAccuracy, factIds, factLabel, factsWithConcepts, finding } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.3:bothPrecisionAndDecimals',
  severity: 'error',
  docs: 'A fact must not have both a precision and a decimals attribute (XBRL 2.1 section 4.6.3).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept } of factsWithConcepts(ctx)) {
      const acc = effectiveAccuracy(ctx, f, concept);
      if (acc.precisionRaw !== undefined && acc.decimalsRaw !== undefined) yield finding(ctx, rule, f, `${factLabel(f)} has both precision (${acc.precisionRaw}) and decimals (${acc.decimalsRaw}); use one`, factIds(f));
    }
  },
};
