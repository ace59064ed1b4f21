import type { Rule } from '../rule.js';
import { effectiveAccuracy, factIds, factLabel, factsWithConcepts, finding } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.5:decimals',
  severity: 'error',
  docs: 'A decimals attribute must be an integer or INF (XBRL 2.1 section 4.6.5).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept } of factsWithConcepts(ctx)) {
      const acc = effectiveAccuracy(ctx, f, concept);
      if (acc.decimalsRaw !== undefined && !/^(-?[0-9]+|INF)$/.test(acc.decimalsRaw.trim())) yield finding(ctx, rule, f, `${factLabel(f)}: decimals "${acc.decimalsRaw}" is not an integer or INF`, factIds(f));
    }
  },
};
