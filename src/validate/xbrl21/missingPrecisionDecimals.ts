import type { Rule } from '../rule.js';
import { effectiveAccuracy, factIds, factLabel, factsWithConcepts, finding, isNil } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.3:missingPrecisionDecimals',
  severity: 'error',
  docs: 'A numeric item that is not nil (and not a fraction) must have a precision or a decimals attribute (XBRL 2.1 section 4.6.3).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept, item } of factsWithConcepts(ctx)) {
      const acc = effectiveAccuracy(ctx, f, concept);
      if (!item || !concept.type.numeric || concept.type.baseXsd === 'fraction' || isNil(f)) continue;
      if (acc.precisionRaw === undefined && acc.decimalsRaw === undefined) yield finding(ctx, rule, f, `numeric item ${factLabel(f)} has neither decimals nor precision`, factIds(f));
    }
  },
};
