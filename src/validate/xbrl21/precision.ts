import type { Rule } from '../rule.js';
import { effectiveAccuracy, factIds, factLabel, factsWithConcepts, finding } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.4:precision',
  severity: 'error',
  docs: 'A precision attribute must be a non-negative integer or INF (XBRL 2.1 section 4.6.4).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept } of factsWithConcepts(ctx)) {
      const acc = effectiveAccuracy(ctx, f, concept);
      if (acc.precisionRaw !== undefined && !/^([0-9]+|INF)$/.test(acc.precisionRaw.trim())) yield finding(ctx, rule, f, `${factLabel(f)}: precision "${acc.precisionRaw}" is not a non-negative integer or INF`, factIds(f));
    }
  },
};
