import type { Rule } from '../rule.js';
import { effectiveAccuracy, factIds, factLabel, factsWithConcepts, finding, isNil } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.3:extraneousPrecisionDecimals',
  severity: 'error',
  docs: 'A non-numeric item must have neither a precision nor a decimals attribute (XBRL 2.1 section 4.6.3).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept, item } of factsWithConcepts(ctx)) {
      const acc = effectiveAccuracy(ctx, f, concept);
      if (!item || concept.type.numeric || !concept.type.baseXsd || isNil(f)) continue;
      if (acc.precisionRaw !== undefined || acc.decimalsRaw !== undefined) yield finding(ctx, rule, f, `non-numeric item ${factLabel(f)} has ${acc.decimalsRaw !== undefined ? 'decimals' : 'precision'}`, factIds(f));
    }
  },
};
