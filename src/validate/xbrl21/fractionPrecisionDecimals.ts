import type { Rule } from '../rule.js';
import { effectiveAccuracy, factIds, factLabel, factsWithConcepts, finding, isNil } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.3:fractionPrecisionDecimals',
  severity: 'error',
  docs: 'A fraction item must have neither a precision nor a decimals attribute (XBRL 2.1 section 4.6.3).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept, item } of factsWithConcepts(ctx)) {
      const acc = effectiveAccuracy(ctx, f, concept);
      if (!item || concept.type.baseXsd !== 'fraction' || isNil(f)) continue;
      if (acc.precisionRaw !== undefined || acc.decimalsRaw !== undefined) yield finding(ctx, rule, f, `fraction item ${factLabel(f)} has ${acc.decimalsRaw !== undefined ? 'decimals' : 'precision'}`, factIds(f));
    }
  },
};
