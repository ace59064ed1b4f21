import type { Rule } from '../rule.js';
import { effectiveAccuracy, factIds, factLabel, factsWithConcepts, finding, isNil } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.3:nilPrecisionDecimals',
  severity: 'error',
  docs: 'A nil item must have neither a precision nor a decimals attribute (XBRL 2.1 section 4.6.3).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept, item } of factsWithConcepts(ctx)) {
      const acc = effectiveAccuracy(ctx, f, concept);
      if (item && isNil(f) && (acc.precisionRaw !== undefined || acc.decimalsRaw !== undefined)) {
        yield finding(ctx, rule, f, `${factLabel(f)} is nil but has ${acc.decimalsRaw !== undefined ? `decimals="${acc.decimalsRaw}"` : `precision="${acc.precisionRaw ?? ''}"`}`, factIds(f));
      }
    }
  },
};
